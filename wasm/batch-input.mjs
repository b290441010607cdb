// The documents of `presslens batch`'s inputs, in order: JSON Lines files or standard input,
// directories of .txt/.html files, single .txt/.html files.
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { htmlToText } from './html-text.mjs';

const isPage = (file) => /\.(txt|html?)$/i.test(file);

/** The .txt/.html/.htm files below `dir`, as paths relative to it with '/', in code-unit order. */
export function pagesBelow(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isPage(entry.name)) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The total size in bytes of the inputs, or null when one of them is standard input. */
export function inputBytes(inputs) {
  let total = 0;
  for (const input of inputs) {
    if (input === '-') return null;
    const stat = statSync(input);
    if (!stat.isDirectory()) total += stat.size;
    else for (const file of pagesBelow(input)) total += statSync(join(input, file)).size;
  }
  return total;
}

/**
 * The lines of a byte stream: [line number, Buffer without the newline (and a final \r),
 * bytes it takes in the stream, whether a newline ended it (only the last line may lack one)].
 */
export async function* lines(stream) {
  let rest = null;
  let number = 0;
  for await (const chunk of stream) {
    const data = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
      const end = nl > start && data[nl - 1] === 13 ? nl - 1 : nl;
      yield [++number, data.subarray(start, end), nl + 1 - start, true];
      start = nl + 1;
    }
    rest = start < data.length ? data.subarray(start) : null;
  }
  if (rest) yield [++number, rest, rest.length, false];
}

/**
 * Yields one entry per document of `inputs`, in order: { where, bytes, id, text } or, for a
 * line that is not a document, { where, bytes, error }. `where` is "FILE:LINE" for JSON Lines
 * ("(stdin):LINE" for standard input) and the file's path otherwise; `bytes` its size in the
 * input. A JSON line must be an object with an `id` (string or number) and a string `text`.
 */
export async function* readDocuments(inputs) {
  for (const input of inputs) {
    if (input !== '-' && statSync(input).isDirectory()) {
      for (const file of pagesBelow(input)) yield page(join(input, file), file);
    } else if (input !== '-' && isPage(input)) {
      yield page(input, input);
    } else {
      const name = input === '-' ? '(stdin)' : input;
      const stream = input === '-' ? process.stdin : createReadStream(input);
      for await (const [number, line, bytes] of lines(stream)) {
        const where = `${name}:${number}`;
        const text = line.toString('utf8');
        if (text.trim() === '') continue;
        let doc;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          yield { where, bytes, error: `invalid JSON (${e.message})` };
          continue;
        }
        if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
          yield { where, bytes, error: 'not a JSON object' };
        } else if (typeof doc.id !== 'string' && !(typeof doc.id === 'number' && Number.isFinite(doc.id))) {
          yield { where, bytes, error: '"id" is missing or not a string or number' };
        } else if (typeof doc.text !== 'string') {
          yield { where, bytes, error: `"text" is ${doc.text === undefined ? 'missing' : 'not a string'}` };
        } else {
          yield { where, bytes, id: doc.id, text: doc.text };
        }
      }
    }
  }
}

function page(path, id) {
  const raw = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  return { where: path, bytes: Buffer.byteLength(raw), id, text: ext === '.txt' ? raw : htmlToText(raw) };
}
