// The documents of `presslens batch`'s inputs, in order: JSON Lines files or standard input,
// directories of .txt/.html files, single .txt/.html files.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

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

// Bytes of JSON Lines per chunk a worker is given (whole lines: a longer line is a chunk of its
// own), and files per chunk of a directory.
const CHUNK_BYTES = 128 * 1024;
const CHUNK_PAGES = 32;

/**
 * The work of `presslens batch` over `inputs`, in order, as tasks for runChunks() (batch.mjs):
 * { message: { raw } or { pages }, transfer, meta } (batch-worker.mjs reads the messages). A
 * JSON Lines input is cut into chunks of whole lines, each copied into a buffer of its own that
 * is transferred, not cloned; meta is { name, first } (name "(stdin)" for standard input, first
 * true for its first chunk: the workers number the lines of a chunk from 1). A directory or
 * .txt/.html file is one or more lists of [path, id], meta { pages: [path] }.
 */
export async function* chunkTasks(inputs) {
  for (const input of inputs) {
    if (input !== '-' && statSync(input).isDirectory()) {
      const files = pagesBelow(input);
      for (let i = 0; i < files.length; i += CHUNK_PAGES) {
        const group = files.slice(i, i + CHUNK_PAGES).map((file) => [join(input, file), file]);
        yield { message: { pages: group }, meta: { pages: group.map(([path]) => path) } };
      }
    } else if (input !== '-' && isPage(input)) {
      yield { message: { pages: [[input, input]] }, meta: { pages: [input] } };
    } else {
      const name = input === '-' ? '(stdin)' : input;
      const stream = input === '-' ? process.stdin : createReadStream(input, { highWaterMark: 1 << 20 });
      let parts = [], size = 0, first = true;
      const task = () => {
        const raw = new Uint8Array(size);
        let at = 0;
        for (const part of parts) { raw.set(part, at); at += part.length; }
        parts = [];
        size = 0;
        const t = { message: { raw }, transfer: [raw.buffer], meta: { name, first } };
        first = false;
        return t;
      };
      for await (const chunk of stream) {
        let from = 0;
        while (true) {
          // The first newline that makes the chunk CHUNK_BYTES long or more.
          const need = from + Math.max(0, CHUNK_BYTES - 1 - size);
          const nl = need < chunk.length ? chunk.indexOf(10, need) : -1;
          if (nl < 0) break;
          parts.push(chunk.subarray(from, nl + 1));
          size += nl + 1 - from;
          from = nl + 1;
          yield task();
        }
        if (from < chunk.length) {
          parts.push(chunk.subarray(from));
          size += chunk.length - from;
        }
      }
      if (size > 0) yield task();
    }
  }
}
