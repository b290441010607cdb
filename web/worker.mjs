// The demo's Web Worker: the package's analyzer (../wasm/index.mjs, the same build the npm
// package ships), answering with the result as JSON text.
//
// Why not ../wasm/worker.mjs as it is: it posts the result object, and the structured clone of
// a 5 MB article's result (100k+ spans, each with its text) is rebuilt on the page's main thread
// when the message arrives, freezing the page for about a second. JSON text crosses as one
// string, and JSON.parse on the page takes a fifth of that time.
//
// Messages in: { id, text, options? } (options for createAnalyzer, used on the first message).
// Messages out: { id, json } or { id, error: { name, code, message } }.
import { createAnalyzer } from '../wasm/index.mjs';

let analyzer = null;

self.onmessage = async ({ data }) => {
  const { id } = data ?? {};
  try {
    analyzer ??= createAnalyzer(data?.options);
    const result = (await analyzer).analyze(data?.text);
    self.postMessage({ id, json: JSON.stringify(result) });
  } catch (e) {
    if (analyzer && !(await analyzer.catch(() => null))) analyzer = null;  // retry loading next time
    self.postMessage({ id, error: { name: e?.name ?? 'Error', code: e?.code ?? 'ERR_INTERNAL', message: String(e?.message ?? e) } });
  }
};
