// The side panel: the findings of the page in the tab the panel belongs to, as the demo page's
// panels (web/panels.mjs), each entry showing its place in the page; the legend; clearing;
// JSON export. It shows what the tab's content script (content.mjs) holds and sends it nothing
// but "show this finding" and "clear".
import { ENTITY_TYPES } from '../wasm/palette.mjs';
import { el } from '../web/dom.mjs';
import { fmt, plural } from '../web/format.mjs';
import { entityIndex, summaryCounts } from '../web/models.mjs';
import { createPanels } from '../web/panels.mjs';

const $ = (id) => document.getElementById(id);
const ui = {
  tabs: $('tabs'), said: $('said'), condemned: $('condemned'), entities: $('entities'), network: $('network'),
  saidCount: $('said-count'), condemnedCount: $('condemned-count'), entitiesCount: $('entities-count'),
};
for (const [type, { color }] of Object.entries(ENTITY_TYPES)) document.documentElement.style.setProperty(`--${type}`, color);
$('legend').prepend(...Object.entries(ENTITY_TYPES).map(([type, { label }]) => el('li', {}, el('span', { class: `swatch ent ${type}`, text: label }))));
const panels = createPanels(ui);

// The tab: ?tab=ID when the panel is opened as a page, else the active tab of this window.
const fixedTab = Number(new URLSearchParams(location.search).get('tab')) || null;
let tabId = fixedTab;
let state = { status: 'off' };

function status(text, kind = '') {
  $('status').textContent = text;
  $('status').dataset.kind = kind;
}

function show(next) {
  state = next ?? { status: 'off' };
  document.body.dataset.state = state.status;
  $('export').disabled = state.status !== 'done';
  $('clear').disabled = state.status !== 'done';
  if (state.status !== 'done') panels.clear();
  if (state.status === 'off') status('Press the presslens button in the toolbar to highlight this page.');
  else if (state.status === 'busy') status('Finding the article and analysing it…', 'busy');
  else if (state.status === 'error') status(state.error, 'error');
  else {
    const { result, text } = state;
    const counts = summaryCounts(result);
    const part = state.truncated ? ` It is long: the first ${plural(text.length, 'character')} of ${fmt.format(state.length)} were analysed.` : '';
    status(`${plural(counts.quotes, 'quote')}, ${plural(counts.condemnations, 'condemnation')}, ${plural(counts.entities, 'name')} in “${state.title}”.${part}`, 'ok');
    panels.render(result, entityIndex(result), text);
  }
}

async function load() {
  if (!fixedTab) tabId = (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
  if (tabId === null) return show(null);
  // No content script in the tab (not analysed yet): the message finds no receiver.
  show(await chrome.tabs.sendMessage(tabId, { type: 'presslens:get-state' }).catch(() => null));
}

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.type === 'presslens:state' && sender.tab?.id === tabId) show(message.state);
});
if (!fixedTab) {
  chrome.tabs.onActivated.addListener(load);
  chrome.tabs.onUpdated.addListener((id, change) => { if (id === tabId && change.status === 'loading') show(null); });
}

// An entry's button shows its finding in the page: quotes, condemnations, and the next mention
// of a name.
$('panels').addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-quote], button[data-cond], button[data-entity]') : null;
  if (!button || tabId === null) return;
  const [kind, id] = button.dataset.quote ? ['quote', button.dataset.quote]
    : button.dataset.cond ? ['cond', button.dataset.cond] : ['entity', button.dataset.entity];
  chrome.tabs.sendMessage(tabId, { type: 'presslens:reveal', kind, id }).catch(() => {});
});

$('clear').addEventListener('click', async () => {
  show(await chrome.tabs.sendMessage(tabId, { type: 'presslens:clear' }).catch(() => null));
});

$('export').addEventListener('click', () => {
  if (state.status !== 'done') return;
  const json = JSON.stringify({
    url: state.url, title: state.title,
    analysed: { characters: state.text.length, of: state.length },
    text: state.text, result: state.result,
  }, null, 2);
  const link = el('a', { href: URL.createObjectURL(new Blob([json], { type: 'application/json' })), download: 'presslens.json' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});

load();
