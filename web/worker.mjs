// The demo's Web Worker: the package's analyzer (../wasm/index.mjs, the same build the npm
// package ships), answering with the result as JSON text.
//
// Why not ../wasm/worker.mjs as it is: it posts the result object, and the structured clone of
// a 5 MB article's result (100k+ spans, each with its text) is rebuilt on the page's main thread
// in one go when the message arrives, freezing the page for about a second. JSON text crosses
// as plain strings, and cut into parts of PART items it can be parsed a part at a time, with
// the page drawing frames in between.
//
// Messages in: { id, text, options? } (options for createAnalyzer, used on the first message).
// Messages out: { id, schema, parts: { entities, quotes, condemnations } } where each is an
// array of JSON texts of arrays (concatenated, they are the result's array), or
// { id, error: { name, code, message } }.
import { createAnalyzer } from '../wasm/index.mjs';

const PART = 2000;
let analyzer = null;

// Cuts the result's arrays into JSON texts of about PART spans each. An entity with more
// mentions than that goes out as consecutive copies holding slices of its mentions (same id);
// the page joins them again.
function split(result) {
  const parts = { entities: [], quotes: [], condemnations: [] };
  let batch = [];
  let weight = 0;
  const flush = () => { if (batch.length) parts.entities.push(JSON.stringify(batch)); batch = []; weight = 0; };
  for (const e of result.entities) {
    for (let i = 0; i === 0 || i < e.mentions.length; i += PART) {
      const mentions = e.mentions.slice(i, i + PART);
      batch.push({ ...e, mentions });
      weight += mentions.length + 1;
      if (weight >= PART) flush();
    }
  }
  flush();
  for (const key of ['quotes', 'condemnations']) {
    for (let i = 0; i < result[key].length; i += PART) parts[key].push(JSON.stringify(result[key].slice(i, i + PART)));
  }
  return parts;
}

self.onmessage = async ({ data }) => {
  const { id } = data ?? {};
  try {
    analyzer ??= createAnalyzer(data?.options);
    const result = (await analyzer).analyze(data?.text);
    self.postMessage({ id, schema: result.schema, parts: split(result) });
  } catch (e) {
    if (analyzer && !(await analyzer.catch(() => null))) analyzer = null;  // retry loading next time
    self.postMessage({ id, error: { name: e?.name ?? 'Error', code: e?.code ?? 'ERR_INTERNAL', message: String(e?.message ?? e) } });
  }
};
