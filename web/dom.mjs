// Element builders. Strings passed as children or `text` become text nodes: article text (and
// anything derived from it) reaches the DOM only this way, never as markup.

import { wikidataURL } from './models.mjs';

const SVG = 'http://www.w3.org/2000/svg';

function build(node, props, children) {
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.setAttribute('class', v);
    else if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** An HTML element: el('button', { class: 'link', onclick }, 'text', child). */
export const el = (tag, props = {}, ...children) => build(document.createElement(tag), props, children);

/** An SVG element, as `el`. */
export const svg = (tag, props = {}, ...children) => build(document.createElementNS(SVG, tag), props, children);

/** A button that looks like a link. */
export const button = (text, onclick, label) => el('button', { type: 'button', class: 'link', 'aria-label': label, onclick }, text);

/** A link to an entity's Wikidata page (opened only when clicked), or null. */
export function wikidataLink(entity) {
  const href = wikidataURL(entity);
  return href && el('a', { class: 'wikidata', href, target: '_blank', rel: 'noopener noreferrer', 'aria-label': `${entity.name} on Wikidata (${entity.wikidata})` }, entity.wikidata);
}
