// A self-contained HTML page of an analysed text: entity mentions, quotes and condemnation
// cues highlighted. Article text is only ever inserted escaped.

const TYPE_COLORS = {
  PERSON: '#aa9cfc', ORG: '#7aecec', GPE: '#feca74', LOC: '#ff9561', NORP: '#c887fb', EVENT: '#ffeb80',
};

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Opening and closing tags at each offset, nested properly: spans are opened longest first
// and a span crossing another one's end is split there.
function highlight(text, result) {
  const spans = [];
  for (const e of result.entities) {
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, open: `<mark class="ent ${e.type}" title="${escapeHtml(`${e.type}: ${e.name}`)}">`, close: '</mark>' });
  }
  for (const q of result.quotes) {
    const who = q.speaker ? `${q.speaker.name} (${q.cue?.lemma ?? 'quoted'})` : 'no speaker';
    spans.push({ start: q.start, end: q.end, open: `<q class="quote ${q.kind}" title="${escapeHtml(`${q.kind} quote: ${who}`)}">`, close: '</q>' });
  }
  for (const c of result.condemnations) {
    spans.push({ start: c.cue.start, end: c.cue.end, open: `<b class="cue${c.negated ? ' negated' : ''}" title="${escapeHtml(`${c.cue.lemma} (CAMEO ${c.cue.cameo})`)}">`, close: '</b>' });
  }
  const events = new Map();
  const at = (i) => { if (!events.has(i)) events.set(i, []); return events.get(i); };
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const s of spans) { at(s.start); at(s.end); }
  const points = [...events.keys()].sort((a, b) => a - b);
  let out = '';
  let pos = 0;
  const stack = [];
  let next = 0;
  for (const p of points) {
    out += escapeHtml(text.slice(pos, p));
    pos = p;
    // Close what ends here; reopen spans that were closed only because they nest outside.
    const reopen = [];
    while (stack.some((s) => s.end <= p)) {
      const s = stack.pop();
      out += s.close;
      if (s.end > p) reopen.unshift(s);
    }
    for (const s of reopen) { out += s.open; stack.push(s); }
    while (next < spans.length && spans[next].start === p) {
      const s = spans[next++];
      if (s.end <= s.start) continue;
      out += s.open;
      stack.push(s);
    }
  }
  out += escapeHtml(text.slice(pos));
  while (stack.length) out += stack.pop().close;
  return out;
}

export function renderHtml(documents) {
  const legend = Object.keys(TYPE_COLORS).map((t) => `<mark class="ent ${t}">${t}</mark>`).join(' ');
  const body = documents.map(({ name, text, result }) => `<section><h2>${escapeHtml(name)}</h2><div class="text">${highlight(text, result)}</div></section>`).join('\n');
  const css = Object.entries(TYPE_COLORS).map(([t, c]) => `.ent.${t}{background:${c}}`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>presslens</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;color:#111}
.text{white-space:pre-wrap}mark.ent{padding:0 .15em;border-radius:.2em;color:#111}${css}
q.quote{quotes:none;border-bottom:2px solid #2b6cb0}q.scare{border-bottom-style:dotted}
b.cue{color:#9b1c1c;text-decoration:underline}b.cue.negated{text-decoration:line-through}</style>
</head><body><h1>presslens</h1><p>${legend}</p>
${body}
</body></html>
`;
}
