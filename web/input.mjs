// Input: typing (debounced), pasting, files (.txt, or .html reduced to its text), drag and drop,
// the sample article, clearing, and exporting the shown result as JSON.
import { button, el } from './dom.mjs';
import { fmt, plural } from './format.mjs';

// A text this long is kept out of the textarea: laying out megabytes in a text box freezes the
// page for seconds. It is analysed and shown all the same; typing in the box replaces it.
const LARGE = 1_000_000;

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);
const SKIP = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, video, audio, select, button, head';

/** The readable text of an HTML document: parsed inert (DOMParser never runs scripts or loads images). */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.querySelectorAll(SKIP)) node.remove();
  const root = doc.querySelector('article') ?? doc.body ?? doc.documentElement;
  const out = [];
  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) out.push(pre ? child.data : child.data.replace(/\s+/g, ' '));
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCKS.has(child.tagName);
        if (block) out.push('\n');
        walk(child, pre || child.tagName === 'PRE');
        if (block) out.push('\n');
      }
    }
  };
  if (root) walk(root, false);
  return out.join('').split('\n').map((line) => line.trim()).filter((line) => line !== '').join('\n');
}

/**
 * Wires the input controls. onText(text) is called with each new text to show (after a pause
 * while typing); onBusy() when typing starts; onError(message) when a file cannot be read;
 * result() gives the shown result for export. maxLength bounds the files it reads.
 */
export function installInput(ui, { onText, onBusy, onError, result, maxLength }) {
  let debounce = 0;
  let inputName = null;  // the opened file's name, for the exported file's name

  function showLargeNote(text) {
    const note = ui.largeNote;
    if (text === null) { note.hidden = true; note.replaceChildren(); return; }
    note.replaceChildren(`A large text (${plural(text.length, 'character')}) is loaded and analysed below. It is kept out of this box, where editing it would be slow; typing here replaces it. `,
      button('Edit it here anyway', () => { ui.text.value = text; showLargeNote(null); ui.text.focus(); }, 'Put the large text into the box to edit it (slow)'));
    note.hidden = false;
  }

  function setText(text, name = null) {
    clearTimeout(debounce);
    inputName = name;
    const large = text.length > LARGE;
    ui.text.value = large ? '' : text;
    showLargeNote(large ? text : null);
    onText(text);
  }

  ui.text.addEventListener('input', () => {
    clearTimeout(debounce);
    const text = ui.text.value;
    // A paste of a large text: take it out of the box in the same task, before any layout.
    if (text.length > LARGE) { setText(text); return; }
    showLargeNote(null);
    if (text.trim() === '') { onText(text); return; }
    onBusy();
    debounce = setTimeout(() => onText(ui.text.value), 250);
  });

  async function openFile(file) {
    if (!file) return;
    if (file.size > maxLength * 3) {
      onError(`${file.name} is too large for the demo (${fmt.format(file.size)} bytes).`);
      return;
    }
    try {
      const raw = await file.text();
      const isHtml = /\.x?html?$/i.test(file.name) || /html/.test(file.type) || /^\s*<(!doctype html|html|head|body)\b/i.test(raw.slice(0, 1000));
      setText(isHtml ? htmlToText(raw) : raw, file.name.replace(/\.[^.]*$/, '') || null);
    } catch (e) {
      onError(`Could not read ${file.name}: ${e?.message ?? e}`);
    }
  }

  ui.file.addEventListener('change', () => { openFile(ui.file.files?.[0]); ui.file.value = ''; });
  document.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => { if (!event.relatedTarget) document.body.classList.remove('dragging'); });
  document.addEventListener('drop', (event) => {
    document.body.classList.remove('dragging');
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    openFile(event.dataTransfer.files[0]);
  });

  async function loadSample() {
    try {
      const response = await fetch(new URL('../data/sample-article.txt', import.meta.url));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setText(await response.text());
    } catch (e) {
      onError(`Could not load the sample article (${e?.message ?? e}). Paste a text instead.`);
    }
  }
  ui.sample.addEventListener('click', loadSample);
  ui.clear.addEventListener('click', () => { setText(''); ui.text.focus(); });

  ui.exportButton.addEventListener('click', () => {
    if (!result()) return;
    const blob = new Blob([`${JSON.stringify(result(), null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: inputName ? `${inputName}.presslens.json` : 'presslens-result.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  return { loadSample };
}
