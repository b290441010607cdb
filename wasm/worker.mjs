// A ready Web Worker: analysis off the main thread, so a page stays responsive on large texts.
//
//   const worker = new Worker(new URL('presslens/worker', import.meta.url), { type: 'module' });
//   worker.postMessage({ id: 1, text });
//   worker.onmessage = ({ data }) => data.error ? fail(data.error) : show(data.result);
//
// Messages in: { id, text, options?, reply? } (options as for createAnalyzer, on the first
// message).
// Messages out: { id, result } or { id, error: { name, code, message } }.
// With reply: 'parts' the result's arrays come as JSON text instead, cut into parts a page can
// parse one at a time between frames (the structured clone of a large result is rebuilt on the
// receiving thread in one go): { id, fields, parts: { entities, quotes, condemnations, denials } }, where
// fields holds the result's other fields (schema, ...) and each part list is an array of JSON
// texts of arrays that, concatenated, are the result's array. An entity with more than PART
// mentions comes as consecutive copies (same id) holding slices of its mentions.
import { createAnalyzer } from './index.mjs';

const PART = 2000;
let analyzer = null;

// Cuts the result's arrays into JSON texts of about PART spans each.
function split({ entities, quotes, condemnations, denials }) {
  const parts = { entities: [], quotes: [], condemnations: [], denials: [] };
  let batch = [];
  let weight = 0;
  const flush = () => { if (batch.length) parts.entities.push(JSON.stringify(batch)); batch = []; weight = 0; };
  for (const e of entities) {
    for (let i = 0; i === 0 || i < e.mentions.length; i += PART) {
      const mentions = e.mentions.slice(i, i + PART);
      batch.push({ ...e, mentions });
      weight += mentions.length + 1;
      if (weight >= PART) flush();
    }
  }
  flush();
  for (const [key, list] of Object.entries({ quotes, condemnations, denials })) {
    for (let i = 0; i < list.length; i += PART) parts[key].push(JSON.stringify(list.slice(i, i + PART)));
  }
  return parts;
}

self.onmessage = async ({ data }) => {
  const { id } = data ?? {};
  try {
    analyzer ??= createAnalyzer(data?.options);
    const result = (await analyzer).analyze(data?.text);
    if (data?.reply !== 'parts') self.postMessage({ id, result });
    else {
      const { entities, quotes, condemnations, denials, ...fields } = result;
      self.postMessage({ id, fields, parts: split(result) });
    }
  } catch (e) {
    if (analyzer && !(await analyzer.catch(() => null))) analyzer = null;  // retry loading next time
    self.postMessage({ id, error: { name: e?.name ?? 'Error', code: e?.code ?? 'ERR_INTERNAL', message: String(e?.message ?? e) } });
  }
};
