// A worker thread of batch() and `presslens batch` (batch.mjs): one analyzer; work in, results
// out, one message each way per chunk of documents.
//
// workerData: { options (for createAnalyzer), module (the compiled wasm, shared by the
// workers, or undefined), done (JSON ids to skip: `presslens batch --resume`, or undefined) }.
//
// Messages in, and what each one answers:
//   { seq, docs: [{ id, text }], json }  -> { seq, results }: one entry per document, the JSON
//       line `{"id":...,...result}` (json true) or the object { id, ...result }, or
//       { id, error: { name, code, message } } for a document that could not be analysed.
//   { seq, raw: Uint8Array }             -> a chunk reply for lines of JSON Lines (whole lines;
//       the last one may lack its newline)
//   { seq, pages: [[path, id]] }         -> a chunk reply for .txt/.html files
// A chunk reply: { seq, lines, out, ends, keys, at, bytes, errors, skipped, skippedBytes }:
//   lines   the chunk's line count (raw) or page count
//   out     Uint8Array (transferred): the JSON line of each analysed document, each with its \n
//   ends    Uint32Array: where each of these lines ends in `out`
//   keys    the JSON of each analysed document's id (for the ids seen twice)
//   at      Uint32Array: each analysed document's line (1-based in the chunk) or page index
//   bytes   Uint32Array: each analysed document's size in the input
//   errors  [[line or page index, bytes, message, key, kind]] for the documents that are not
//           analysed: kind 0 not a document (no key), 1 a text too long, 2 the analysis failed
//   skipped, skippedBytes   the documents whose id is in `done`, and their size
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlToText } from './html-text.mjs';
import { createAnalyzer } from './node.mjs';
import { defaultWasm } from './wasm-source.mjs';

if (workerData.module) defaultWasm.load = () => workerData.module;
const analyzer = await createAnalyzer(workerData.options);
const done = new Set(workerData.done ?? []);
const encoder = new TextEncoder();
const fmt = (n) => n.toLocaleString('en-US');

const failure = (id, e) => ({ id, error: { name: e?.name ?? 'Error', code: e?.code ?? 'ERR_INTERNAL', message: String(e?.message ?? e) } });

// The checks `presslens batch` makes of one JSON line; the document { id, text } or a message.
function parseLine(line) {
  let doc;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return `invalid JSON (${e.message})`;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'not a JSON object';
  if (typeof doc.id !== 'string' && !(typeof doc.id === 'number' && Number.isFinite(doc.id))) return '"id" is missing or not a string or number';
  if (typeof doc.text !== 'string') return `"text" is ${doc.text === undefined ? 'missing' : 'not a string'}`;
  return doc;
}

// Collects a chunk's reply.
class Reply {
  constructor(seq) {
    this.seq = seq;
    this.parts = [];
    this.ends = [];
    this.keys = [];
    this.at = [];
    this.bytes = [];
    this.errors = [];
    this.skipped = 0;
    this.skippedBytes = 0;
    this.outBytes = 0;
  }

  // Analyses one document found at `at` (`bytes` of input) unless it is skipped or bad.
  add(at, bytes, id, text) {
    const key = JSON.stringify(id);
    if (done.has(key)) {
      this.skipped += 1;
      this.skippedBytes += bytes;
      return;
    }
    const maxLength = analyzer.maxLength;
    if (text.length > maxLength) {
      this.errors.push([at, bytes, `the text is ${fmt(text.length)} UTF-16 code units long; the limit is ${fmt(maxLength)} (--max-length)`, key, 1]);
      return;
    }
    let line;
    try {
      line = `${JSON.stringify({ id, ...analyzer.analyze(text) })}\n`;
    } catch (e) {
      this.errors.push([at, bytes, String(e?.message ?? e), key, 2]);
      return;
    }
    this.parts.push(line);
    this.outBytes += Buffer.byteLength(line);
    this.ends.push(this.outBytes);
    this.keys.push(key);
    this.at.push(at);
    this.bytes.push(bytes);
  }

  send(lines) {
    const out = encoder.encode(this.parts.join(''));
    parentPort.postMessage({
      seq: this.seq, lines, out, ends: Uint32Array.from(this.ends), keys: this.keys,
      at: Uint32Array.from(this.at), bytes: Uint32Array.from(this.bytes), errors: this.errors,
      skipped: this.skipped, skippedBytes: this.skippedBytes,
    }, [out.buffer]);
  }
}

// Lines as lines() of batch-input.mjs cuts them: \n ends a line, a \r before it is dropped.
function rawChunk(seq, raw) {
  const data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const reply = new Reply(seq);
  let number = 0;
  for (let start = 0; start < data.length;) {
    let nl = data.indexOf(10, start);
    if (nl < 0) nl = data.length;
    const end = nl > start && nl < data.length && data[nl - 1] === 13 ? nl - 1 : nl;
    const bytes = Math.min(nl + 1, data.length) - start;
    number += 1;
    const line = data.toString('utf8', start, end);
    start = nl + 1;
    if (line.trim() === '') continue;
    const doc = parseLine(line);
    if (typeof doc === 'string') reply.errors.push([number, bytes, doc, null, 0]);
    else reply.add(number, bytes, doc.id, doc.text);
  }
  reply.send(number);
}

function pagesChunk(seq, pages) {
  const reply = new Reply(seq);
  pages.forEach(([path, id], k) => {
    let raw;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (e) {
      reply.errors.push([k, 0, e.code === 'ENOENT' ? 'No such file or directory' : e.message, null, 0]);
      return;
    }
    reply.add(k, Buffer.byteLength(raw), id, extname(path).toLowerCase() === '.txt' ? raw : htmlToText(raw));
  });
  reply.send(pages.length);
}

parentPort.on('message', ({ seq, docs, json, raw, pages }) => {
  if (raw) return rawChunk(seq, raw);
  if (pages) return pagesChunk(seq, pages);
  const results = docs.map(({ id, text }) => {
    try {
      const record = { id, ...analyzer.analyze(text) };
      return json ? JSON.stringify(record) : record;
    } catch (e) {
      return failure(id, e);
    }
  });
  parentPort.postMessage({ seq, results });
});
parentPort.postMessage({ ready: true });
