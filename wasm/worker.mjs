// A ready Web Worker: analysis off the main thread, so a page stays responsive on large texts.
//
//   const worker = new Worker(new URL('presslens/worker', import.meta.url), { type: 'module' });
//   worker.postMessage({ id: 1, text });
//   worker.onmessage = ({ data }) => data.error ? fail(data.error) : show(data.result);
//
// Messages in: { id, text, options? } (options as for createAnalyzer, on the first message).
// Messages out: { id, result } or { id, error: { name, code, message } }.
import { createAnalyzer } from './index.mjs';

let analyzer = null;

self.onmessage = async ({ data }) => {
  const { id } = data ?? {};
  try {
    analyzer ??= createAnalyzer(data?.options);
    const result = (await analyzer).analyze(data?.text);
    self.postMessage({ id, result });
  } catch (e) {
    if (analyzer && !(await analyzer.catch(() => null))) analyzer = null;  // retry loading next time
    self.postMessage({ id, error: { name: e?.name ?? 'Error', code: e?.code ?? 'ERR_INTERNAL', message: String(e?.message ?? e) } });
  }
};
