// The highlight spans of a result and the chunks the article is drawn in (pure: no DOM).
//
// Every highlight is a half-open [start, end) span of the text; they nest as ../wasm/spans.mjs
// orders them, by layer where two cover the same text. Layers, outermost first:
import { typeLabel } from '../wasm/palette.mjs';
import { compareSpans } from '../wasm/spans.mjs';
import { snippet } from './format.mjs';
import { actorName, kindLabel } from './models.mjs';

export const LAYER = { clause: 0, target: 1, quote: 2, actor: 3, cue: 4, mention: 5 };
// The spans one can focus and step through with the arrow keys.
const FINDING = new Set(['mention', 'quote', 'cue']);
/** The pieces of a span not drawn yet (shared, frozen). */
export const NO_PIECES = Object.freeze([]);

/**
 * The spans of `result` over `text`, sorted, with lookups by id: { text, spans, entities,
 * quotes, conds, findings, chunks: [] }. Awaits tick(count, force) now and then; returns null
 * when it answers false.
 */
export async function collectSpans(text, result, tick = async () => true) {
  const n = text.length;
  const spans = [];
  const entities = new Map();
  const quotes = new Map();
  const conds = new Map();
  const actors = new Map();  // "start:end" -> actor span (speakers and sources share it)
  const cues = new Map();
  const add = (kind, start, end, extra) => {
    start = Math.max(0, Math.min(n, start | 0));
    end = Math.max(start, Math.min(n, end | 0));
    // head: the element that starts the span (the one that takes focus); pieces: all of them,
    // once drawn. One object shape for all spans keeps this fast on 100k+ spans.
    const span = {
      kind, layer: LAYER[kind], start, end, head: null, pieces: NO_PIECES, f: -1,
      entity: extra.entity ?? null, index: extra.index ?? 0, quote: extra.quote ?? null,
      conds: extra.conds ?? null, cond: extra.cond ?? null, actor: extra.actor ?? null,
    };
    if (end > start) spans.push(span);
    return span;
  };
  const actorSpan = (actor) => {
    if (!actor) return null;
    const key = `${actor.start}:${actor.end}`;
    let span = actors.get(key);
    if (!span) actors.set(key, span = add('actor', actor.start, actor.end, { actor }));
    return span;
  };
  for (const e of result.entities) {
    const info = { entity: e, mentions: [] };
    entities.set(e.id, info);
    e.mentions.forEach((m, i) => info.mentions.push(add('mention', m.start, m.end, { entity: e, index: i })));
    if (!await tick(spans.length)) return null;
  }
  for (const q of result.quotes) {
    if ((quotes.size & 1023) === 0 && !await tick(spans.length)) return null;
    quotes.set(q.id, { quote: q, span: add('quote', q.start, q.end, { quote: q }), speaker: actorSpan(q.speaker) });
  }
  for (const c of result.condemnations) {
    if ((conds.size & 1023) === 0 && !await tick(spans.length)) return null;
    const key = `${c.cue.start}:${c.cue.end}`;
    let cue = cues.get(key);
    if (!cue) cues.set(key, cue = add('cue', c.cue.start, c.cue.end, { conds: [] }));
    cue.conds.push(c);
    conds.set(c.id, {
      cond: c, cue,
      clause: add('clause', c.start, c.end, { cond: c }),
      target: add('target', c.target.start, c.target.end, { cond: c }),
      source: actorSpan(c.source),
    });
  }
  if (!await tick(0, true)) return null;
  spans.sort(compareSpans);
  if (!await tick(0, true)) return null;
  const findings = [];
  for (const span of spans) if (FINDING.has(span.kind)) { span.f = findings.length; findings.push(span); }
  return { text, spans, entities, quotes, conds, findings, chunks: [] };
}

/** A finding's accessible label. */
export function describe(span, byId) {
  if (span.kind === 'mention') {
    const e = span.entity;
    return `${typeLabel(e.type)}: ${e.name}, mention ${span.index + 1} of ${e.mentions.length}`;
  }
  if (span.kind === 'quote') {
    const q = span.quote;
    return `${kindLabel(q.kind)} quote, ${q.speaker ? `said by ${actorName(q.speaker, byId)}` : 'speaker not found'}`;
  }
  if (span.kind === 'cue') {
    return span.conds.map((c) => `${c.negated ? 'negated ' : ''}condemnation: ${c.source ? actorName(c.source, byId) : 'unknown source'} ${c.cue.lemma}, target ${snippet(c.target.text, 80)}`).join('; ');
  }
  return '';
}

// Chunks end at a line break after CHUNK characters. Only a line longer than LONG_LINE is cut
// elsewhere (at a space), where the chunk boundary shows as a line break.
const CHUNK = 4000;
const LONG_LINE = 64000;

/** The end offsets of the chunks `text` is drawn in. */
export function chunkEnds(text) {
  const ends = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let end = pos + CHUNK;
    if (end >= n) { ends.push(n); break; }
    const nl = text.indexOf('\n', end);
    if (nl !== -1 && nl - pos < LONG_LINE) end = nl + 1;
    else if (n - pos <= LONG_LINE) end = n;
    else {
      const space = text.lastIndexOf(' ', pos + LONG_LINE);
      end = space > pos ? space + 1 : pos + LONG_LINE;
    }
    ends.push(end);
    pos = end;
  }
  return ends;
}

/** The index of the chunk of `view` holding offset `pos`. */
export function chunkIndex(view, pos) {
  const { chunks } = view;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].start <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Cuts the text of `view` into chunks and lists in each the spans that overlap it, in order. */
export async function makeChunks(view, tick = async () => true) {
  const { chunks, spans } = view;
  let start = 0;
  for (const end of chunkEnds(view.text)) {
    chunks.push({ start, end, spans: [], node: null, done: false });
    start = end;
  }
  let c = 0;  // spans come by start, so the first chunk of each only moves forward
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    while (chunks[c].end <= span.start) c++;
    for (let i = c; i < chunks.length && chunks[i].start < span.end; i++) chunks[i].spans.push(span);
    if ((k & 4095) === 0 && !await tick()) return false;
  }
  return true;
}
