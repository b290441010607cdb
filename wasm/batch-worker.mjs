// A worker thread of batch() (batch.mjs): one analyzer, chunks of documents in, results out.
//
// Message in: { seq, docs: [{ id, text }], json }. Message out: { seq, results }, one entry per
// document: the JSON line `{"id":...,...result}` (json true) or the object { id, ...result },
// or { id, error: { name, code, message } } for a document that could not be analysed.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from './node.mjs';

const analyzer = await createAnalyzer(workerData.options);

parentPort.on('message', ({ seq, docs, json }) => {
  const results = docs.map(({ id, text }) => {
    try {
      const record = { id, ...analyzer.analyze(text) };
      return json ? JSON.stringify(record) : record;
    } catch (e) {
      return { id, error: { name: e?.name ?? 'Error', code: e?.code ?? 'ERR_INTERNAL', message: String(e?.message ?? e) } };
    }
  });
  parentPort.postMessage({ seq, results });
});
parentPort.postMessage({ ready: true });
