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
// has the next one when it finishes a chunk.
import { Worker } from 'node:worker_threads';
import { availableParallelism, cpus } from 'node:os';
import { InvalidArgumentError, MAX_TEXT_LENGTH } from './node.mjs';

const CHUNK_CHARS = 64 * 1024;
const CHUNK_DOCS = 256;
const CHUNKS_PER_WORKER = 2;

/** The number of jobs batch() runs by default: the cores Node may use. */
export const defaultJobs = () => (typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);

function startWorker(options) {
  const worker = new Worker(new URL('./batch-worker.mjs', import.meta.url), { workerData: { options } });
  const ready = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, ready, load: 0 };
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

  const workers = Array.from({ length: jobs }, () => startWorker({ maxLength, lexicon }));
  const chunks = new Map();   // seq -> { slots, results }: a chunk sent, and its results once back
  let failure = null;
  let wake = null;            // resolves the wait for a chunk to come back
  const settle = () => { const w = wake; wake = null; w?.(); };
  for (const w of workers) {
    w.worker.on('message', ({ seq, results, ready }) => {
      if (ready) return;
      w.load -= 1;
      chunks.get(seq).results = results;
      settle();
    });
    w.worker.on('error', (e) => { failure ??= e; settle(); });
    w.worker.on('exit', (code) => { failure ??= new Error(`presslens: a batch worker stopped (exit code ${code})`); settle(); });
  }
  try {
    await Promise.all(workers.map((w) => w.ready));
    const json = format === 'json';
    let sent = 0, next = 0, inputDone = false;
    while (true) {
      // Fill every worker's hands, then hand back what has come back, in order.
      while (!inputDone && !failure) {
        const target = workers.reduce((a, b) => (b.load < a.load ? b : a));
        if (target.load >= CHUNKS_PER_WORKER) break;
        // A slot is null for a document sent to the worker, or the error of one that is not sent.
        const docs = [], slots = [];
        let chars = 0;
        while (slots.length < CHUNK_DOCS && chars < CHUNK_CHARS) {
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
        if (slots.length === 0) break;
        chunks.set(sent, { slots, results: null });
        target.load += 1;
        target.worker.postMessage({ seq: sent++, docs, json });
      }
      if (failure) throw failure;
      for (let chunk = chunks.get(next); chunk?.results; chunk = chunks.get(next)) {
        chunks.delete(next++);
        let k = 0;
        for (const slot of chunk.slots) yield slot ?? chunk.results[k++];
      }
      if (inputDone && next === sent) return;
      const canSend = !inputDone && workers.some((w) => w.load < CHUNKS_PER_WORKER);
      if (!canSend && !failure && !chunks.get(next)?.results) await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    for (const w of workers) { w.worker.removeAllListeners('exit'); w.worker.terminate(); }
    await iterator.return?.();
  }
}
