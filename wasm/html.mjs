// A self-contained HTML page of an analysed text: entity mentions coloured by type, quotes
// underlined with their speaker and cue written after each one ("— Wang Yi (said)"), condemnation cues
// in bold with a "negated" badge where they are negated. Article text is only ever inserted
// escaped.
import { ENTITY_TYPES, TEXT } from './palette.mjs';
import { compareSpans, nestSpans } from './spans.mjs';

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const QUOTE_KINDS = { indirect: 'reported speech', mixed: 'reported speech with a quoted part' };

// The highlight spans, each with its opening and closing tags, and the labels written between
// them by offset: a quote's speaker after its closing quote mark, a negated cue's badge.
function findingsOf(text, result) {
  const names = new Map(result.entities.map((e) => [e.id, e.name]));
  const spans = [];
  const labels = new Map();
  const label = (at, html) => labels.set(at, (labels.get(at) ?? '') + html);
  for (const e of result.entities) {
    const title = escapeHtml(`${e.type}: ${e.name}${e.wikidata ? ` (${e.wikidata})` : ''}`);
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, layer: 2, open: `<mark class="ent ${e.type}" title="${title}">`, close: '</mark>' });
  }
  for (const q of result.quotes) {
    const who = q.speaker ? `${(q.speaker.entity && names.get(q.speaker.entity)) || q.speaker.name}${q.cue ? ` (${text.slice(q.cue.start, q.cue.end)})` : ''}` : 'no speaker found';
    const kind = QUOTE_KINDS[q.kind] ?? `${q.kind} quote`;
    spans.push({ start: q.start, end: q.end, layer: 0, open: `<span class="quote ${escapeHtml(q.kind)}" title="${escapeHtml(kind)}">`, close: '</span>' });
    label(CLOSING_MARK.test(text[q.end] ?? '') ? q.end + 1 : q.end, `<span class="who${q.speaker ? '' : ' none'}">— ${escapeHtml(who)}</span>`);
  }
  const cues = new Map();  // cue "start:end" -> whether all its condemnations are negated
  for (const c of result.condemnations) {
    const key = `${c.cue.start}:${c.cue.end}`;
    if (!cues.has(key)) spans.push({ start: c.cue.start, end: c.cue.end, layer: 1, open: `<b class="cue" title="${escapeHtml(`${c.cue.lemma} (CAMEO ${c.cue.cameo})`)}">`, close: '</b>' });
    cues.set(key, (cues.get(key) ?? true) && c.negated);
  }
  for (const [key, negated] of cues) if (negated) label(Number(key.split(':')[1]), '<span class="badge">negated</span>');
  return { spans: spans.sort(compareSpans), labels };
}

const CLOSING_MARK = /["'”’»›]/;

function highlight(text, result) {
  const { spans, labels } = findingsOf(text, result);
  const offsets = [...labels.keys()].sort((a, b) => a - b);
  let next = 0;  // the first label not written yet
  let out = '';
  const stack = [];
  for (const { start, end, keep, open } of nestSpans(spans, 0, text.length)) {
    while (stack.length > keep) out += stack.pop().close;
    while (next < offsets.length && offsets[next] <= start) out += labels.get(offsets[next++]);
    for (const s of open) { out += s.open; stack.push(s); }
    let pos = start;
    for (; next < offsets.length && offsets[next] < end; next++) {
      out += escapeHtml(text.slice(pos, offsets[next])) + labels.get(offsets[next]);
      pos = offsets[next];
    }
    out += escapeHtml(text.slice(pos, end));
  }
  while (stack.length) out += stack.pop().close;
  for (; next < offsets.length; next++) out += labels.get(offsets[next]);
  return out;
}

export function renderHtml(documents) {
  const types = Object.entries(ENTITY_TYPES);
  const legend = types.map(([t, { label }]) => `<mark class="ent ${t}">${escapeHtml(label)}</mark>`).join(' ');
  const body = documents.map(({ name, text, result }) => `<section><h2>${escapeHtml(name)}</h2><div class="text">${highlight(text, result)}</div></section>`).join('\n');
  const css = types.map(([t, { color }]) => `.ent.${t}{background:${color}}`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>presslens</title>
<style>body{font:16px/1.7 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;color:#111}
.text{white-space:pre-wrap}mark.ent{padding:0 .15em;border-radius:.2em;color:${TEXT}}${css}
.quote{border-bottom:2px solid #0b57d0}.quote.partial{border-bottom-style:dashed}.quote.scare{border-bottom-style:dotted}
.quote.indirect,.quote.mixed{border-bottom:2px dashed #6b3fa0;background:#f6f1fb}
.who{font-size:.8em;font-weight:600;color:#0a3f99;margin-left:.3em;white-space:nowrap}.who.none{color:#555;font-weight:400;font-style:italic}
b.cue{color:#9b1c1c}.badge{font-size:.7em;font-weight:700;text-transform:uppercase;color:#fff;background:#9b1c1c;border-radius:3px;padding:.1em .35em;margin-left:.25em}</style>
</head><body><h1>presslens</h1><p>${legend}</p>
${body}
</body></html>
`;
}
