// Highlights drawn into the live page's text nodes, and taken out again.
//
// Each text node of the article that a finding covers is replaced by the same text cut at the
// findings' boundaries and wrapped in presslens-* elements (nested as ../wasm/spans.mjs cuts
// them), so a highlight never crosses an element of the page: links, layout and selection stay
// as they were. Removing puts every original text node object back where it was, so the page's
// DOM is exactly what it was before. Text goes in only as text nodes and attribute values.
import { nestSpans } from '../wasm/spans.mjs';
import { actorName } from '../web/models.mjs';
import { describe } from '../web/view.mjs';

const TAG = {
  mention: 'presslens-mark', quote: 'presslens-quote', cue: 'presslens-cue',
  clause: 'presslens-clause', target: 'presslens-target', actor: 'presslens-actor',
};
const BATCH = 2000;  // text nodes replaced between two turns of the page's event loop

function element(span, isHead, byId, roles) {
  const node = document.createElement(TAG[span.kind]);
  if (span.kind === 'mention') {
    node.dataset.type = span.entity.type;
    node.dataset.entity = span.entity.id;
    node.dataset.mention = String(span.index);
  } else if (span.kind === 'quote') {
    node.dataset.quote = span.quote.id;
    node.dataset.kind = span.quote.kind;
  } else if (span.kind === 'cue') {
    node.dataset.cond = span.conds.map((c) => c.id).join(' ');
    if (span.conds.every((c) => c.negated)) node.dataset.negated = '';
  } else if (span.kind === 'clause' || span.kind === 'target') {
    node.dataset.cond = span.cond.id;
  } else if (span.kind === 'actor') {
    const { quotes, conds } = roles.get(span);
    if (quotes.length) node.dataset.speakerOf = quotes.join(' ');
    if (conds.length) node.dataset.sourceOf = conds.join(' ');
  }
  if (isHead && span.f >= 0) node.title = describe(span, byId);
  return node;
}

/**
 * Draws the spans of `view` (web/view.mjs collectSpans over the article text) into `pieces`
 * (extract.mjs). Resolves to the undo record for unhighlight() and the first element of each
 * finding: { undo, heads: Map('quote:q1' | 'cond:c1' | 'mention:e1:0' -> element) }.
 */
export async function highlight(pieces, view, byId) {
  const roles = new Map();  // actor span -> the ids of the quotes and condemnations it is the speaker or source of
  const roleOf = (span) => roles.get(span) ?? roles.set(span, { quotes: [], conds: [] }).get(span);
  for (const { quote, speaker } of view.quotes.values()) if (speaker) roleOf(speaker).quotes.push(quote.id);
  for (const { cond, source } of view.conds.values()) if (source) roleOf(source).conds.push(cond.id);
  const headKey = (span) => (span.kind === 'mention' ? `mention:${span.entity.id}:${span.index}`
    : span.kind === 'quote' ? `quote:${span.quote.id}` : span.kind === 'clause' ? `cond:${span.cond.id}` : null);
  const heads = new Map();
  const undo = [];
  const { spans } = view;
  let k = 0;
  let active = [];
  for (let p = 0; p < pieces.length; p++) {
    const { node, start, end } = pieces[p];
    while (k < spans.length && spans[k].start < end) active.push(spans[k++]);
    active = active.filter((s) => s.end > start);
    if (active.length === 0 || !node.parentNode) continue;
    const fragment = document.createDocumentFragment();
    const stack = [];
    const lastPiece = new Map();  // quote span -> its last piece in this node
    for (const seg of nestSpans(active, start, end)) {
      stack.length = seg.keep;
      for (const span of seg.open) {
        const isHead = span.start === seg.start;
        const child = element(span, isHead, byId, roles);
        const key = isHead && headKey(span);
        if (key && !heads.has(key)) heads.set(key, child);
        if (span.kind === 'quote') lastPiece.set(span, child);
        (stack.length ? stack[stack.length - 1] : fragment).append(child);
        stack.push(child);
      }
      (stack.length ? stack[stack.length - 1] : fragment).append(node.data.slice(seg.start - start, seg.end - start));
    }
    // The speaker's name goes after the quote's last piece (highlight.css shows it).
    for (const [span, piece] of lastPiece) if (span.end <= end && span.quote.speaker) piece.dataset.who = actorName(span.quote.speaker, byId);
    undo.push({ node, added: [...fragment.childNodes] });
    node.replaceWith(fragment);
    if (p % BATCH === BATCH - 1) await new Promise((ok) => setTimeout(ok, 0));
  }
  return { undo, heads };
}

/** Puts the original text nodes back (last replaced first). */
export function unhighlight(undo) {
  for (let i = undo.length - 1; i >= 0; i--) {
    const { node, added } = undo[i];
    const first = added.find((n) => n.parentNode);
    if (!first) continue;
    first.parentNode.insertBefore(node, first);
    for (const n of added) n.remove();
  }
}
