// Selection and hover: lit entity mentions (hover/focus a name), the selected finding and the
// spans it points to (a quote's speaker; a condemnation's source, cue and target), the
// selection card that explains it, and the keyboard and panel controls that move between
// findings. The state lives on spans, so chunks drawn later show it too.
import { typeLabel } from '../wasm/palette.mjs';
import { button, el, wikidataLink } from './dom.mjs';
import { fmt, snippet } from './format.mjs';
import { actorName, entityExtra, eventCodes, kindLabel } from './models.mjs';

const SELECTED_CLASSES = ['selected', 'speaker-lit', 'source-lit', 'target-lit', 'clause-lit'];

/**
 * Wires the links of the page. `page` holds the shown { view, text, byId }; `article` is
 * createArticle's object (its decorate hook is `links.decorate`).
 */
export function createLinks(page, ui, article) {
  let litEntity = null;
  const selected = new Map();  // span -> { classes, label }
  let selectedEntity = null;   // the entity lit when the mouse hovers no name
  let currentRows = [];        // the panel rows of the selected finding
  const entityCursor = new Map();

  const mentionsOf = (id) => (id && page.view?.entities.get(id)?.mentions) || [];

  function lightEntity(id) {
    if (litEntity === id) return;
    for (const span of mentionsOf(litEntity)) for (const node of span.pieces) node.classList.remove('lit');
    litEntity = id;
    for (const span of mentionsOf(id)) for (const node of span.pieces) node.classList.add('lit');
  }

  function mark(span, cls, label) {
    if (!span) return;
    let sel = selected.get(span);
    if (!sel) selected.set(span, sel = { classes: [], label: '' });
    sel.classes.push(cls);
    if (label) sel.label = label;
    for (const node of span.pieces) node.classList.add(cls);
    if (label && span.head) span.head.dataset.label = label;
  }

  function markRows(attribute, ids) {
    for (const node of currentRows) node.removeAttribute('aria-current');
    currentRows = [];
    for (const id of ids) {
      for (const node of ui.panels.querySelectorAll(`button[data-${attribute}="${CSS.escape(id)}"]`)) {
        node.setAttribute('aria-current', 'true');
        currentRows.push(node);
      }
    }
  }

  function clearSelection() {
    selectedEntity = null;
    markRows('none', []);
    for (const span of selected.keys()) {
      for (const node of span.pieces) node.classList.remove(...SELECTED_CLASSES);
      if (span.head) delete span.head.dataset.label;
    }
    selected.clear();
  }

  // Scrolls `node` into view. On wide screens the article box scrolls on its own: the page
  // scrolls just enough to show the whole box, and the box brings `node` to its middle.
  function reveal(node) {
    const box = ui.article;
    const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    if (box.scrollHeight <= box.clientHeight || getComputedStyle(box).overflowY === 'visible') {
      node.scrollIntoView({ block: 'center', behavior });
      return;
    }
    const r = node.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    box.scrollTo({ top: box.scrollTop + (r.top - b.top) - (box.clientHeight - r.height) / 2, behavior });
    if (b.top < 0 || b.bottom > innerHeight) box.scrollIntoView({ block: 'nearest', behavior });
  }

  function jumpTo(span, { focus = true } = {}) {
    const node = article.headOf(span);
    if (!node) return;
    reveal(node);
    if (focus && node.tabIndex === -1) node.focus({ preventScroll: true });
    node.classList.remove('flash');
    void node.offsetWidth;  // restart the animation
    node.classList.add('flash');
  }

  // Selects a finding: marks what it is linked to and explains it in the selection card.
  function select(span) {
    clearSelection();
    const view = page.view;
    if (!span || !view) { ui.selection.hidden = true; return; }
    const card = [];
    if (span.kind === 'mention') {
      const e = span.entity;
      lightEntity(e.id);
      const extra = entityExtra(e);
      const mentions = view.entities.get(e.id).mentions;
      selectedEntity = e.id;
      markRows('entity', [e.id]);
      card.push(el('span', { class: `swatch ent ${e.type}`, text: typeLabel(e.type) }), ' ', el('strong', { text: e.name }),
        extra ? ` (${extra})` : '', ' ', wikidataLink(e), ` · mention ${fmt.format(span.index + 1)} of ${fmt.format(mentions.length)} `,
        mentions.length > 1 ? button('Next mention', () => jumpTo(mentions[(span.index + 1) % mentions.length]), `Next mention of ${e.name}`) : '');
    } else if (span.kind === 'quote') {
      const q = span.quote;
      const info = view.quotes.get(q.id);
      mark(info.span, 'selected');
      markRows('quote', [q.id]);
      card.push(el('span', { class: `kind ${q.kind}`, text: `${kindLabel(q.kind)} quote` }));
      if (info.speaker) {
        mark(info.speaker, 'speaker-lit', 'speaker');
        if (q.speaker.entity) lightEntity(selectedEntity = q.speaker.entity);
        card.push(' said by ', el('strong', { class: 'speaker', text: actorName(q.speaker, page.byId) }),
          q.cue ? ` (cue “${page.text.slice(q.cue.start, q.cue.end)}”) ` : ' ',
          button('Go to speaker', () => jumpTo(info.speaker, { focus: false }), 'Go to the speaker'));
      } else {
        card.push(' · no speaker found');
      }
      card.push(el('span', { class: 'rule', text: ` · rule ${q.rule}` }));
    } else if (span.kind === 'cue') {
      markRows('cond', span.conds.map((c) => c.id));
      for (const c of span.conds) {
        const info = view.conds.get(c.id);
        mark(info.clause, 'clause-lit');
        mark(info.source, 'source-lit', 'source');
        mark(info.cue, 'selected');
        mark(info.target, 'target-lit', 'target');
        if (card.length) card.push(el('br'));
        card.push(el('strong', { text: c.source ? actorName(c.source, page.byId) : 'unknown source' }), ' → ',
          el('span', { class: 'cue', text: page.text.slice(c.cue.start, c.cue.end) }),
          c.negated ? el('span', { class: 'badge negated', text: 'negated' }) : '',
          ' → ', el('em', { text: snippet(c.target.text) }),
          el('span', { class: 'rule', text: ` · ${c.cue.lemma}, ${eventCodes(c)}, rule ${c.rule} ` }),
          info.source ? button('Go to source', () => jumpTo(info.source, { focus: false }), 'Go to the source') : '', ' ',
          button('Go to target', () => jumpTo(info.target, { focus: false }), 'Go to the target'));
      }
    }
    ui.selection.replaceChildren(...card);
    ui.selection.hidden = card.length === 0;
  }

  // Enter on a finding: a name's next mention, a quote's speaker, a cue's source (or target).
  function follow(span) {
    const view = page.view;
    if (span.kind === 'mention') {
      const mentions = view.entities.get(span.entity.id).mentions;
      jumpTo(mentions[(span.index + 1) % mentions.length]);
    } else if (span.kind === 'quote') {
      const speaker = view.quotes.get(span.quote.id).speaker;
      if (speaker) jumpTo(speaker, { focus: false });
    } else if (span.kind === 'cue') {
      const info = view.conds.get(span.conds[0].id);
      jumpTo(info.source ?? info.target, { focus: false });
    }
  }

  ui.article.addEventListener('mouseover', (event) => {
    const node = event.target instanceof Element ? event.target.closest('mark.ent') : null;
    lightEntity(node ? node.dataset.entity : selectedEntity);
  });
  ui.article.addEventListener('mouseleave', () => lightEntity(selectedEntity));
  ui.article.addEventListener('click', (event) => {
    if (event.target.closest('button')) return;
    const span = article.findingOf(event.target);
    if (!span?.head) return;
    if (document.activeElement !== span.head) span.head.focus({ preventScroll: true });
    else select(span);
  });
  ui.article.addEventListener('focusin', (event) => {
    const span = article.findingOf(event.target);
    if (span && span.head === event.target) select(span);
  });
  // Arrow keys move between findings (in text order); Enter follows a finding's link.
  ui.article.addEventListener('keydown', (event) => {
    const view = page.view;
    if (!view || view.findings.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = article.findingOf(document.activeElement);
    const index = current && current.head === document.activeElement ? current.f : -1;
    const last = view.findings.length - 1;
    let to;
    switch (event.key) {
      case 'ArrowDown': case 'ArrowRight': to = index < 0 ? 0 : Math.min(last, index + 1); break;
      case 'ArrowUp': case 'ArrowLeft': to = index < 0 ? 0 : Math.max(0, index - 1); break;
      case 'Home': to = 0; break;
      case 'End': to = last; break;
      case 'Escape': clear(); ui.selection.hidden = true; ui.article.focus(); event.preventDefault(); return;
      case 'Enter': case ' ':
        if (!current) return;
        event.preventDefault();
        follow(current);
        return;
      default: return;
    }
    event.preventDefault();
    const node = article.headOf(view.findings[to]);
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'nearest' });
  });

  // Panels: hover/focus a name lights its mentions; buttons with a finding's id jump to it.
  ui.panels.addEventListener('mouseover', (event) => {
    const node = event.target instanceof Element ? event.target.closest('[data-entity]') : null;
    if (node) lightEntity(node.dataset.entity);
  });
  ui.panels.addEventListener('focusin', (event) => {
    const node = event.target.closest?.('[data-entity]');
    if (node) lightEntity(node.dataset.entity);
  });
  ui.panels.addEventListener('mouseleave', () => lightEntity(selectedEntity));
  ui.panels.addEventListener('click', (event) => {
    const node = event.target instanceof Element ? event.target.closest('button') : null;
    const view = page.view;
    if (!node || !view) return;
    if (node.dataset.quote) {
      const info = view.quotes.get(node.dataset.quote);
      if (info) jumpTo(info.span);
    } else if (node.dataset.cond) {
      const info = view.conds.get(node.dataset.cond);
      if (info) jumpTo(info.cue);
    } else if (node.dataset.entity) {
      const info = view.entities.get(node.dataset.entity);
      if (!info) return;
      const i = entityCursor.get(node.dataset.entity) ?? 0;
      entityCursor.set(node.dataset.entity, (i + 1) % info.mentions.length);
      jumpTo(info.mentions[i % info.mentions.length]);
    }
  });

  function clear() {
    lightEntity(null);
    clearSelection();
  }

  return {
    /** Forgets all links (before a new result is shown). */
    reset() {
      clear();
      entityCursor.clear();
      ui.selection.hidden = true;
      ui.selection.replaceChildren();
    },
    /** Adds the link state to a piece of `span` drawn after the link was made. */
    decorate(node, span, isHead) {
      if (span.kind === 'mention' && litEntity === span.entity.id) node.classList.add('lit');
      const sel = selected.get(span);
      if (sel) {
        node.classList.add(...sel.classes);
        if (isHead && sel.label) node.dataset.label = sel.label;
      }
    },
  };
}
