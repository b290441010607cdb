// batch(): many documents analysed on all cores (Node only: worker threads), results in input order.
//
//   import { batch } from 'presslens/batch';
//   for await (const r of batch(documents, { jobs: 4 })) {
//     if (r.error) console.error(r.id, r.error.message); else save(r);   // r = { id, ...result }
//   }
//
// `documents` is an iterable or async iterable of { id, text } (other fields are ignored). The
// documents go to the workers in chunks of up to CHUNK_CHARS characters or CHUNK_DOCS documents
// (one message per chunk, not per document); each worker holds CHUNKS_PER_WORKER chunks, so it
// has the next one when it finishes a chunk. The workers share one compiled wasm module.
//
// `presslens batch` (batch-cli.mjs) uses runChunks(): its chunks are raw JSON Lines bytes or
// lists of files, which the workers parse, check, analyse and serialise (batch-worker.mjs), so
// that the main thread only reads, orders and writes.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InvalidArgumentError, MAX_TEXT_LENGTH } from './node.mjs';

const CHUNK_CHARS = 64 * 1024;
const CHUNK_DOCS = 256;
const CHUNKS_PER_WORKER = 2;

/** The number of jobs batch() runs by default: the cores Node may use. */
export const defaultJobs = () => (typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);

// The package's wasm, compiled once for all the workers of a run (a worker given no module
// compiles its own, and V8 then optimises the hot code once per worker).
let compiled = null;
function wasmModule() {
  compiled ??= WebAssembly.compile(readFileSync(new URL('../dist/presslens.wasm', import.meta.url))).catch(() => undefined);
  return compiled;
}

function startWorker(workerData) {
  const worker = new Worker(new URL('./batch-worker.mjs', import.meta.url), { workerData });
  const ready = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, ready, load: 0 };
}

/**
 * Runs `jobs` workers over the tasks that `next()` gives ({ message, transfer, meta }, or null
 * when there are no more; `seq` is set on the message) and yields [meta, reply] for each task,
 * in the order of the tasks.
 * @param {{options: object, done?: string[]}} setup the workers' analyzer options; `done` as
 *   in batch-worker.mjs
 */
export async function* runChunks(jobs, setup, next) {
  const module = await wasmModule();
  const workers = Array.from({ length: jobs }, () => startWorker({ ...setup, module }));
  const chunks = new Map();   // seq -> { meta, reply }: a task sent, and its reply once back
  let failure = null;
  let wake = null;            // resolves the wait for a reply
  const settle = () => { const w = wake; wake = null; w?.(); };
  for (const w of workers) {
    w.worker.on('message', (reply) => {
      if (reply.ready) return;
      w.load -= 1;
      chunks.get(reply.seq).reply = reply;
      settle();
    });
    w.worker.on('error', (e) => { failure ??= e; settle(); });
    w.worker.on('exit', (code) => { failure ??= new Error(`presslens: a batch worker stopped (exit code ${code})`); settle(); });
  }
  try {
    await Promise.all(workers.map((w) => w.ready));
    let sent = 0, first = 0, inputDone = false;
    while (true) {
      // Fill every worker's hands, then hand back what has come back, in order.
      while (!inputDone && !failure) {
        const target = workers.reduce((a, b) => (b.load < a.load ? b : a));
        if (target.load >= CHUNKS_PER_WORKER) break;
        const task = await next();
        if (!task) { inputDone = true; break; }
        chunks.set(sent, { meta: task.meta, reply: null });
        target.load += 1;
        task.message.seq = sent++;
        target.worker.postMessage(task.message, task.transfer ?? []);
      }
      if (failure) throw failure;
      for (let chunk = chunks.get(first); chunk?.reply; chunk = chunks.get(first)) {
        chunks.delete(first++);
        yield [chunk.meta, chunk.reply];
      }
      if (inputDone && first === sent) return;
      const canSend = !inputDone && workers.some((w) => w.load < CHUNKS_PER_WORKER);
      if (!canSend && !failure && !chunks.get(first)?.reply) await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    for (const w of workers) { w.worker.removeAllListeners('exit'); w.worker.terminate(); }
  }
}

/**
 * Analyses `documents` on `jobs` worker threads and yields, in input order, { id, ...result }
 * (or, with format 'json', that object as a JSON string) for each document, or
 * { id, error: { name, code, message } } for one that could not be analysed (text not a string,
 * longer than maxLength, or failing in the core). The run goes on after a failed document.
 * @param {Iterable<{id: any, text: string}>|AsyncIterable<{id: any, text: string}>} documents
 * @param {object} [options]
 * @param {number} [options.jobs] worker threads (default: availableParallelism())
 * @param {'object'|'json'} [options.format] what a result is yielded as (default 'object')
 * @param {number} [options.maxLength] as for createAnalyzer()
 * @param {Array<{name: string, type: string, aliases?: string[]}>} [options.lexicon] as for createAnalyzer()
 */
export async function* batch(documents, options = {}) {
  const { jobs = defaultJobs(), format = 'object', maxLength = MAX_TEXT_LENGTH, lexicon } = options;
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('presslens: options.jobs must be a positive integer');
  if (format !== 'object' && format !== 'json') throw new InvalidArgumentError("presslens: options.format must be 'object' or 'json'");
  const iterator = documents?.[Symbol.asyncIterator]?.() ?? documents?.[Symbol.iterator]?.();
  if (!iterator) throw new InvalidArgumentError('presslens: batch() expects an iterable of { id, text }');

  const json = format === 'json';
  let inputDone = false;
  // A chunk of documents; a slot is null for a document sent to the worker, or the error of
  // one that is not sent.
  async function next() {
    const docs = [], slots = [];
    let chars = 0;
    while (!inputDone && slots.length < CHUNK_DOCS && chars < CHUNK_CHARS) {
      const item = await iterator.next();
      if (item.done) { inputDone = true; break; }
      const { id, text } = item.value ?? {};
      if (typeof text === 'string') {
        docs.push({ id, text });
        slots.push(null);
        chars += text.length;
      } else {
        const got = text === null ? 'null' : typeof text;
        slots.push({ id, error: { name: 'InvalidArgumentError', code: 'ERR_INVALID_ARGUMENT', message: `presslens: text must be a string, got ${got}` } });
      }
    }
    return slots.length ? { message: { docs, json }, meta: slots } : null;
  }
  try {
    for await (const [slots, { results }] of runChunks(jobs, { options: { maxLength, lexicon } }, next)) {
      let k = 0;
      for (const slot of slots) yield slot ?? results[k++];
    }
  } finally {
    await iterator.return?.();
  }
}
