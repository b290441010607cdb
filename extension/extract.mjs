// The article text of a live page and where each of its characters is in the page.
//
// Readability (Mozilla's reader view) picks the article in a copy of the document, leaving out
// navigation, bylines, ads and comments. Its chosen text nodes are mapped back to the live
// page's text nodes: the copy is made by cloneNode, so the two documents' text nodes pair up in
// order; a text node Readability re-created (it reparses a copy when it retries) is paired with
// the next live text node, after the last paired one, that has the same text.
//
// The text is the paired nodes' text in order, a blank line between blocks, so every character
// of a node is at node.start + its offset in the node (tabs and line breaks inside a node read
// as spaces: the page shows them as spaces).
import { Readability } from '@mozilla/readability';

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL']);
// Text that is not drawn as HTML text, where an HTML element cannot go.
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'OPTION', 'SELECT', 'DATALIST']);
const HTML = 'http://www.w3.org/1999/xhtml';
const LOOKAHEAD = 500;  // live text nodes searched for one Readability re-created

function textNodes(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return nodes;
}

function blockOf(node) {
  let e = node.parentElement;
  while (e && !BLOCK.has(e.tagName)) e = e.parentElement;
  return e;
}

const spaced = (s) => s.replace(/[\t\n\r\f]/g, ' ');

/**
 * The article of `doc`: { title, text, pieces: [{ node, start, end }], length, truncated }, where
 * `length` is the whole article's length and `text` stops before the first node that would take
 * it past `maxLength`; null when Readability finds no article.
 */
export function extractArticle(doc, maxLength) {
  const copy = doc.cloneNode(true);
  const live = textNodes(doc.documentElement);
  const cloned = textNodes(copy.documentElement);
  const liveOf = new Map();
  for (let i = 0; i < cloned.length; i++) liveOf.set(cloned[i], i);
  const article = new Readability(copy, { serializer: (element) => element }).parse();
  if (!article?.content) return null;

  let text = '';
  let length = 0;
  let truncated = false;
  let lastBlock = null;
  let next = 0;  // the live text nodes before this one are paired or passed
  const pieces = [];
  for (const node of textNodes(article.content)) {
    let i = liveOf.get(node);
    if (i === undefined || i < next || live[i].data !== node.data) {
      i = -1;
      for (let j = next; j < Math.min(live.length, next + LOOKAHEAD); j++) if (live[j].data === node.data) { i = j; break; }
      if (i < 0) continue;
    }
    next = i + 1;
    const target = live[i];
    const parent = target.parentElement;
    if (!parent || parent.namespaceURI !== HTML || NOT_TEXT.has(parent.tagName) || target.data.length === 0) continue;
    const block = blockOf(target);
    const gap = lastBlock && block !== lastBlock ? 2 : 0;
    if ((gap || !lastBlock) && target.data.trim() === '') continue;  // layout whitespace between blocks
    length += gap + target.data.length;
    if (truncated || text.length + gap + target.data.length > maxLength) { truncated = true; continue; }
    lastBlock = block;
    if (gap) text += '\n\n';
    pieces.push({ node: target, start: text.length, end: text.length + target.data.length });
    text += spaced(target.data);
  }
  return { title: article.title ?? doc.title, text, pieces, length, truncated };
}
