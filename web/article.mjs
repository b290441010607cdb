// Drawing the highlighted article. The text is cut into chunks (view.mjs); every chunk is first
// plain text, and its highlights are drawn when it comes near the screen. A text of up to EAGER
// characters, and the first EAGER_START characters of a longer one, are highlighted at once.
// The browser skips the layout of chunks off screen (content-visibility).
import { nestSpans } from '../wasm/spans.mjs';
import { chunkIndex, NO_PIECES } from './view.mjs';

const EAGER = 200_000;
const EAGER_START = 16_000;

/**
 * The article drawn into `root`. label(span) gives a finding's accessible label; who(span) the
 * label shown after a quote (its speaker and cue, or ''); decorate(node, span, isHead) adds the
 * link state (lit, selected) to a piece drawn late.
 */
export function createArticle(root, { label, who, decorate }) {
  let view = null;
  let observer = null;
  let spanOf = new WeakMap();  // element -> the span it is a piece of

  function makeElement(span, isHead) {
    let node;
    switch (span.kind) {
      case 'mention':
        node = document.createElement('mark');
        node.className = `ent ${span.entity.type}`;
        node.dataset.entity = span.entity.id;
        break;
      case 'quote':
        node = document.createElement('span');
        node.className = `quote ${span.quote.kind}`;
        node.dataset.quote = span.quote.id;
        break;
      case 'cue':
        node = document.createElement('span');
        node.className = span.conds.every((c) => c.negated) ? 'cue negated' : 'cue';
        node.dataset.cond = span.conds.map((c) => c.id).join(' ');
        break;
      default:  // clause; actor and target are invisible until a link lights them
        node = document.createElement('span');
        node.className = span.kind;
    }
    spanOf.set(node, span);
    if (span.pieces === NO_PIECES) span.pieces = [node]; else span.pieces.push(node);
    if (isHead) {
      span.head = node;
      if (span.f >= 0) {
        node.tabIndex = -1;
        node.dataset.f = String(span.f);
        node.setAttribute('role', 'button');
        node.setAttribute('aria-label', label(span));
      }
    }
    decorate(node, span, isHead);
    return node;
  }

  // Draws the highlights of one chunk, nested as spans.mjs cuts them.
  function drawChunk(i) {
    const chunk = view.chunks[i];
    if (!chunk || chunk.done) return;
    chunk.done = true;
    const fragment = document.createDocumentFragment();
    const stack = [];
    const lastPiece = new Map();  // quote span -> its last piece drawn so far
    for (const { start, end, keep, open } of nestSpans(chunk.spans, chunk.start, chunk.end)) {
      stack.length = keep;
      for (const span of open) {
        const node = makeElement(span, span.start === start);
        (stack.length ? stack[stack.length - 1] : fragment).append(node);
        stack.push(node);
        if (span.kind === 'quote') lastPiece.set(span, node);
      }
      (stack.length ? stack[stack.length - 1] : fragment).append(view.text.slice(start, end));
    }
    // The speaker label goes on a quote's last piece (shown by style.css after it).
    for (const [span, node] of lastPiece) {
      const text = span.end <= chunk.end && who(span);
      if (text) node.dataset.who = text;
    }
    chunk.node.replaceChildren(fragment);
  }

  function drawAround(i) {
    for (let j = Math.max(0, i - 1); j <= Math.min(view.chunks.length - 1, i + 1); j++) {
      if (!view.chunks[j].done) { drawChunk(j); observer?.unobserve(view.chunks[j].node); }
    }
  }

  return {
    /** Shows `next` (a view with its chunks made), or `empty` (a node) when it is null. */
    render(next, empty = null) {
      observer?.disconnect();
      observer = null;
      spanOf = new WeakMap();
      view = next;
      if (!view) { root.replaceChildren(...(empty ? [empty] : [])); return; }
      const body = document.createElement('div');
      body.className = 'article-body';
      view.chunks.forEach((chunk, i) => {
        chunk.node = document.createElement('div');
        chunk.node.className = 'chunk';
        chunk.node.dataset.chunk = String(i);
        if (view.text.length <= EAGER || chunk.end <= EAGER_START) drawChunk(i);
        else chunk.node.textContent = view.text.slice(chunk.start, chunk.end);
        body.append(chunk.node);
      });
      root.replaceChildren(body);
      observer = new IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) drawAround(Number(entry.target.dataset.chunk));
      }, { rootMargin: '800px 0px' });
      for (const chunk of view.chunks) if (!chunk.done) observer.observe(chunk.node);
    },
    /** The element that starts `span`, drawing its chunk first if needed. */
    headOf(span) {
      if (!span || !view) return null;
      if (!span.head) drawAround(chunkIndex(view, span.start));
      return span.head;
    },
    /** The finding (innermost) an element of the article belongs to, or null. */
    findingOf(node) {
      const target = node instanceof Element ? node.closest('mark.ent, .quote, .cue') : null;
      if (!target || !root.contains(target)) return null;
      return spanOf.get(target) ?? null;
    },
  };
}
