// The findings panels behind their tabs: "Who said what", "Who condemned whom", "Who is named"
// and the network. The tabs carry the counts; on a narrow screen they stay at the bottom of the
// window (style.css), so every panel is one tap away wherever the reader is in the article.
import { ENTITY_TYPES, typeLabel } from '../wasm/palette.mjs';
import { el, svg, wikidataLink } from './dom.mjs';
import { fmt, plural, snippet } from './format.mjs';
import { actorName, entityExtra, entityGroups, eventCodes, isReported, kindLabel, speakerGroups, summaryCounts } from './models.mjs';
import { layoutNetwork, networkModel } from './network.mjs';

const LIST_LIMIT = 100;  // items shown per list before a "show more" button

function limitedList(tag, items, makeItem, limit = LIST_LIMIT, label = 'items') {
  const list = el(tag, { class: 'list' });
  let shown = 0;
  const more = el('button', { type: 'button', class: 'more' });
  const showMore = () => {
    const end = Math.min(items.length, shown + limit);
    for (; shown < end; shown++) list.append(makeItem(items[shown], shown));
    if (shown < items.length) more.textContent = `Show ${fmt.format(Math.min(limit, items.length - shown))} more of ${fmt.format(items.length - shown)} ${label}`;
    else more.remove();
  };
  more.addEventListener('click', showMore);
  showMore();
  const wrap = el('div', {}, list);
  if (shown < items.length) wrap.append(more);
  return wrap;
}

const none = (text) => el('p', { class: 'none', text });
const kindBadge = (kind) => el('span', { class: `kind ${kind}`, text: kindLabel(kind) });

function saidPanel(result, byId) {
  if (result.quotes.length === 0) return none('No quotes found.');
  return limitedList('ul', speakerGroups(result, byId), (g) => {
    const who = g.key === '' ? el('span', { class: 'who none', text: 'No speaker found' })
      : g.entity ? el('button', { type: 'button', class: 'who link', dataset: { entity: g.entity }, 'aria-label': `${g.name}: show mentions` }, g.name)
        : el('span', { class: 'who', title: 'Not a named entity' }, g.name);
    return el('li', { class: 'group', dataset: { speaker: g.key } },
      el('h3', {}, who, ' ', el('span', { class: 'badge', text: plural(g.quotes.length, 'quote') })),
      limitedList('ol', g.quotes, (q) => el('li', {}, el('button', {
        type: 'button', class: `jump${isReported(q.kind) ? ' reported' : ''}`, dataset: { quote: q.id },
        'aria-label': `${kindLabel(q.kind)} quote${g.name ? ` by ${g.name}` : ''}: ${snippet(q.text, 120)}. Show in text`,
      }, kindBadge(q.kind), ' ', isReported(q.kind) ? snippet(q.text) : `“${snippet(q.text)}”`,
      q.cue ? el('span', { class: 'meta', text: ` (${q.cue.lemma})` }) : null)), 20, 'quotes'));
  }, LIST_LIMIT, 'speakers');
}

function condemnedPanel(result, byId, text) {
  if (result.condemnations.length === 0) return none('No condemnations found.');
  return limitedList('ol', result.condemnations, (c) => {
    const source = c.source ? actorName(c.source, byId) : 'unknown source';
    return el('li', {}, el('button', {
      type: 'button', class: 'jump cond', dataset: { cond: c.id },
      'aria-label': `${source}${c.negated ? ' did not' : ''} ${c.cue.lemma}: ${snippet(c.target.text, 120)}${c.quote ? ', inside a quote' : ''}. Show in text`,
    },
    el('span', { class: c.source ? 'src' : 'src none', text: source }),
    el('span', { class: 'arrow', 'aria-hidden': 'true', text: ' → ' }),
    el('span', { class: 'cue', title: `${c.cue.lemma} (${eventCodes(c)})`, text: text.slice(c.cue.start, c.cue.end) }),
    c.negated ? el('span', { class: 'badge negated', text: 'negated' }) : null,
    el('span', { class: 'arrow', 'aria-hidden': 'true', text: ' → ' }),
    el('span', { class: 'tgt', text: snippet(c.target.text) }),
    c.quote ? el('span', { class: 'badge', text: 'in a quote' }) : null));
  }, LIST_LIMIT, 'condemnations');
}

function entitiesPanel(result) {
  const groups = entityGroups(result);
  if (groups.length === 0) return [none('No names found.')];
  return groups.map(({ type, label, entities }) => el('section', { class: 'type-group', 'aria-label': `${label}: ${entities.length}` },
    el('h3', {}, el('span', { class: `swatch ent ${type}`, text: label }), ' ', el('span', { class: 'badge', text: fmt.format(entities.length) })),
    limitedList('ul', entities, (e) => {
      const extra = entityExtra(e);
      return el('li', { class: 'entity-row' }, el('button', {
        type: 'button', class: 'entity', dataset: { entity: e.id },
        'aria-label': `${e.name}, ${typeLabel(e.type)}, ${plural(e.mentions.length, 'mention')}${extra ? `, ${extra}` : ''}. Show next mention`,
      }, el('span', { class: 'name', text: e.name }), extra ? el('span', { class: 'meta', text: ` ${extra}` }) : null,
      el('span', { class: 'badge', text: fmt.format(e.mentions.length) })), wikidataLink(e));
    }, 50, 'names')));
}

// The network: the drawing, the list of its edges (the same, as text), and the findings behind
// the chosen edge.
function networkPanel(result, text) {
  const model = networkModel(result);
  if (model.edges.length === 0) return [none('No one said anything about, or condemned, a named actor.')];
  const layout = layoutNetwork(model);
  const names = new Map(model.nodes.map((n) => [n.key, n.name]));
  const verb = (e) => (e.kind === 'said' ? 'said about' : e.negated === e.count ? 'did not condemn' : 'condemned');
  const describeEdge = (e) => `${names.get(e.from)} ${verb(e)} ${names.get(e.to)}: ${plural(e.count, e.kind === 'said' ? 'quote' : 'condemnation')}${e.negated ? `, ${fmt.format(e.negated)} negated` : ''}`;
  const detail = el('div', { class: 'edge-detail', 'aria-live': 'polite' });
  const byKey = new Map(model.edges.map((e) => [e.key, e]));
  const quotes = new Map(result.quotes.map((q) => [q.id, q]));
  const conds = new Map(result.condemnations.map((c) => [c.id, c]));

  const drawing = svg('svg', { class: 'network', viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'group', 'aria-label': 'Network of who said what about whom and who condemned whom' },
    svg('defs', {}, ...['said', 'condemned'].map((kind) => svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrowhead ${kind}` })))),
    ...layout.edges.map((e) => svg('g', {
      class: `edge ${e.kind}${e.negated === e.count ? ' negated' : ''}`, tabindex: 0, role: 'button', dataset: { edge: e.key }, 'aria-label': describeEdge(e),
    }, svg('title', { text: describeEdge(e) }), svg('path', { class: 'hit', d: e.d }), svg('path', { class: 'line', d: e.d, 'marker-end': `url(#arrow-${e.kind})`, 'stroke-width': Math.min(6, 1.5 + Math.log2(e.count)) }),
    svg('text', { class: 'edge-count', x: e.lx, y: e.ly + 4, 'text-anchor': 'middle', text: String(e.count) }))),
    ...layout.nodes.map((n) => svg('g', { class: 'node', dataset: n.entity ? { entity: n.entity, node: n.key } : { node: n.key } },
      svg('title', { text: n.name }),
      svg('circle', { cx: n.x, cy: n.y, r: n.r, fill: ENTITY_TYPES[n.type]?.color ?? '#e6e4de' }),
      svg('text', { x: n.lx, y: n.ly, 'text-anchor': n.anchor, text: n.label }))));

  const showEdge = (key) => {
    const e = byKey.get(key);
    if (!e) return;
    for (const node of drawing.querySelectorAll('.edge[aria-pressed]')) node.removeAttribute('aria-pressed');
    drawing.querySelector(`.edge[data-edge="${CSS.escape(key)}"]`)?.setAttribute('aria-pressed', 'true');
    const item = e.kind === 'said'
      ? (id) => { const q = quotes.get(id); return el('li', {}, el('button', { type: 'button', class: 'jump', dataset: { quote: id } }, kindBadge(q.kind), ' ', snippet(q.text))); }
      : (id) => {
        const c = conds.get(id);
        return el('li', {}, el('button', { type: 'button', class: 'jump', dataset: { cond: id } },
          snippet(text.slice(c.start, c.end)), c.negated ? el('span', { class: 'badge negated', text: 'negated' }) : null));
      };
    detail.replaceChildren(el('h3', { text: describeEdge(e) }), limitedList('ol', e.items, item, 50, 'findings'));
  };
  const onEdge = (event) => {
    const node = event.target instanceof Element ? event.target.closest('[data-edge]') : null;
    if (!node || (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    showEdge(node.dataset.edge);
  };
  drawing.addEventListener('click', onEdge);
  drawing.addEventListener('keydown', onEdge);
  const list = limitedList('ul', model.edges, (e) => el('li', {}, el('button', { type: 'button', class: `jump edge-row ${e.kind}`, dataset: { edge: e.key }, onclick: onEdge }, describeEdge(e))), 30, 'links');
  return [
    drawing,
    layout.hidden ? el('p', { class: 'meta', text: `The drawing shows the ${layout.nodes.length} most connected of ${fmt.format(model.nodes.length)} actors; the list below has every link.` }) : null,
    detail, list,
  ].filter(Boolean);
}

/**
 * The panels in `ui` behind the tabs in `ui.tabs`: one shown at a time; choosing a tab brings
 * its panel into view. The network is drawn when its tab is first shown.
 */
export function createPanels(ui) {
  const tabs = [...ui.tabs.querySelectorAll('[role=tab]')];
  let drawNetwork = null;  // draws the shown result's network, until it is drawn

  const choose = (tab, { focus = false, scroll = true } = {}) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    const panel = document.getElementById(tab.getAttribute('aria-controls'));
    if (panel.contains(ui.network) && drawNetwork) { drawNetwork(); drawNetwork = null; }
    const top = panel.getBoundingClientRect().top;
    if (scroll && (top < 0 || top > innerHeight * 0.6)) panel.scrollIntoView({ block: 'start' });
  };
  ui.tabs.addEventListener('click', (event) => {
    const tab = event.target.closest('[role=tab]');
    if (tab) choose(tab);
  });
  ui.tabs.addEventListener('keydown', (event) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    choose(tabs[(to + tabs.length) % tabs.length], { focus: true });
  });
  choose(tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? tabs[0], { scroll: false });

  return {
    /** Fills the panels and the tabs' counts from `result` (of `text`). */
    render(result, byId, text) {
      const counts = summaryCounts(result);
      ui.saidCount.textContent = `${fmt.format(counts.attributed)}/${fmt.format(counts.quotes)}`;
      ui.saidCount.title = `${counts.attributed} of ${counts.quotes} quotes attributed`;
      ui.condemnedCount.textContent = fmt.format(counts.condemnations);
      ui.entitiesCount.textContent = fmt.format(counts.entities);
      ui.said.replaceChildren(saidPanel(result, byId));
      ui.condemned.replaceChildren(condemnedPanel(result, byId, text));
      ui.entities.replaceChildren(...entitiesPanel(result));
      ui.network.replaceChildren();
      drawNetwork = () => ui.network.replaceChildren(...networkPanel(result, text));
      if (!ui.network.closest('[role=tabpanel]').hidden) { drawNetwork(); drawNetwork = null; }
    },
    /** Empties the panels and their counts. */
    clear() {
      drawNetwork = null;
      for (const panel of [ui.said, ui.condemned, ui.entities, ui.network]) panel.replaceChildren();
      for (const count of [ui.saidCount, ui.condemnedCount, ui.entitiesCount]) count.textContent = '';
    },
  };
}
