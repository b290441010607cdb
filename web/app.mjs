// The presslens demo page: the entry that wires the modules together and starts the work.
// Analysis runs in the package's Web Worker (client.mjs), so the page stays responsive on large
// texts; the result becomes highlight spans (view.mjs) drawn lazily (article.mjs), the findings
// panels behind tabs (panels.mjs), and links between them (links.mjs); input.mjs takes the text.
//
// Safety rule for the page: article text (and anything derived from it: names, quotes) only
// ever reaches the DOM as text (dom.mjs). No innerHTML anywhere.
import { ENTITY_TYPES } from '../wasm/palette.mjs';
import { createArticle } from './article.mjs';
import { createAnalysisClient, joinParts } from './client.mjs';
import { el } from './dom.mjs';
import { fmt, plural } from './format.mjs';
import { installInput } from './input.mjs';
import { createLinks } from './links.mjs';
import { actorName, entityIndex } from './models.mjs';
import { createPanels } from './panels.mjs';
import { collectSpans, describe, makeChunks } from './view.mjs';

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'), largeNote: $('large-note'), status: $('status'), article: $('article'), selection: $('selection'),
  file: $('file'), sample: $('sample'), clear: $('clear'), exportButton: $('export'), panels: $('panels'), tabs: $('tabs'),
  said: $('said'), saidCount: $('said-count'), condemned: $('condemned'), condemnedCount: $('condemned-count'),
  entities: $('entities'), entitiesCount: $('entities-count'), network: $('network'),
};

// The entity colours and the legend, from the table the CLI's --html page uses too.
for (const [type, { color }] of Object.entries(ENTITY_TYPES)) document.documentElement.style.setProperty(`--${type}`, color);
$('legend').prepend(...Object.entries(ENTITY_TYPES).map(([type, { label }]) => el('li', {}, el('span', { class: `swatch ent ${type}`, text: label }))));

const params = new URLSearchParams(location.search);
// The demo's own size limit (the package allows 64 Mi code units; a page should stop earlier).
const MAX_LENGTH = Math.max(0, Math.min(Number(params.get('maxLength')) || 32 * 1024 * 1024, 64 * 1024 * 1024));
const SLICE_MS = 30;  // longest stretch of main-thread work between two yields to the browser

// The shown analysis.
const page = { text: '', result: null, byId: new Map(), view: null, ms: 0, steps: null };

const setPageState = (s) => { document.body.dataset.state = s; };
function setStatus(message, kind = 'info') {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind;
}
function fail(message) {
  setPageState('error');
  setStatus(message, 'error');
}

const article = createArticle(ui.article, {
  label: (span) => describe(span, page.byId),
  who: ({ quote: q }) => (q.speaker ? `${actorName(q.speaker, page.byId)}${q.cue ? ` (${page.text.slice(q.cue.start, q.cue.end)})` : ''}` : ''),
  decorate: (...args) => links.decorate(...args),
});
const links = createLinks(page, ui, article);
const panels = createPanels(ui);

const ERRORS = {
  ERR_TEXT_TOO_LARGE: 'This text is too long to analyse.',
  ERR_OUT_OF_MEMORY: 'The analyser ran out of memory on this text. Try a shorter text.',
  ERR_INVALID_ARGUMENT: 'The analyser could not read this input.',
  ERR_WASM: 'The analyser could not be loaded. Build the package first (npm run build), then reload.',
};

const client = createAnalysisClient({
  createWorker: () => new Worker(new URL('../wasm/worker.mjs', import.meta.url), { type: 'module' }),
  options: { maxLength: MAX_LENGTH },
  onAnswer: (job, data, ms) => {
    if (!data.error) { show(job.text, data, ms); return; }
    const { code = 'error', message = '' } = data.error;
    fail(`${ERRORS[code] ?? 'The analysis failed.'} (${code}: ${String(message).replace(/^presslens: /, '')})`);
  },
  onCrash: () => fail('The analyser could not be loaded or stopped. Build the package first (npm run build); edit the text to try again.'),
});

function analyse(text) {
  if (text.trim() === '') { showEmpty(); return; }
  if (text.length > MAX_LENGTH) {
    client.cancel();
    fail(`This text is too long for the demo: ${fmt.format(text.length)} characters; the limit is ${fmt.format(MAX_LENGTH)}.`);
    return;
  }
  setPageState('busy');
  setStatus(`Analysing ${plural(text.length, 'character')}…`, 'busy');
  client.analyse(text);
}

// Showing a result. A large result is prepared in steps, yielding to the browser in between.
let showGeneration = 0;
const yieldToBrowser = () => new Promise((ok) => setTimeout(ok, 0));

async function show(text, data, ms) {
  const generation = ++showGeneration;
  const t0 = performance.now();
  const big = text.length > 500_000;
  // The main-thread cost of each step, for the curious (and the browser test).
  const steps = {};
  let lapStart = t0;
  let yielded = 0;  // time spent waiting for the browser, not working
  const step = async (name) => {
    const now = performance.now();
    steps[name] = Math.round(now - lapStart - yielded);
    yielded = 0;
    if (big) await yieldToBrowser();
    lapStart = performance.now();
    return generation === showGeneration;
  };
  // Inside a step: yields when SLICE_MS of work have passed since the last yield.
  let sliceStart = performance.now();
  const tick = async (_, force = false) => {
    if (!big || (!force && performance.now() - sliceStart < SLICE_MS)) return true;
    const t = performance.now();
    await yieldToBrowser();
    sliceStart = performance.now();
    yielded += sliceStart - t;
    return generation === showGeneration;
  };
  const result = await joinParts(data, tick);
  if (!result || !await step('parse')) return;
  const view = await collectSpans(text, result, tick);
  if (!view || !await step('spans')) return;
  if (!await makeChunks(view, tick) || !await step('chunks')) return;
  links.reset();
  Object.assign(page, { text, result, byId: entityIndex(result), ms, view });
  ui.exportButton.disabled = false;
  panels.render(result, page.byId, text);
  if (!await step('panels')) return;
  article.render(view);
  steps.article = Math.round(performance.now() - lapStart);
  page.steps = steps;
  const mentions = result.entities.reduce((n, e) => n + e.mentions.length, 0);
  const renderMs = performance.now() - t0;
  setStatus(`${plural(result.entities.length, 'name')} (${plural(mentions, 'mention')}), ${plural(result.quotes.length, 'quote')}, ${plural(result.condemnations.length, 'condemnation')}. Analysed ${plural(text.length, 'character')} in ${fmt.format(Math.round(ms))} ms, shown in ${fmt.format(Math.round(renderMs))} ms.`, 'ok');
  setPageState('ready');
}

function showEmpty() {
  ++showGeneration;
  client.cancel();  // anything still running is stale now
  links.reset();
  Object.assign(page, { text: '', result: null, byId: new Map(), view: null });
  ui.exportButton.disabled = true;
  article.render(null, el('p', { class: 'empty', text: 'Paste or type an article above, open a file, or load the sample article.' }));
  panels.clear();
  setStatus('Waiting for text.', 'info');
  setPageState('ready');
}

const input = installInput(ui, {
  onText: analyse,
  onBusy: () => setPageState('busy'),
  onError: fail,
  result: () => page.result,
  maxLength: MAX_LENGTH,
});

// For tests and the curious: the shown result (read-only), and a way to show a result made
// elsewhere (as the worker would send it) for `text`.
Object.defineProperty(window, 'presslensDemo', {
  value: Object.freeze({
    get result() { return page.result; },
    get text() { return page.text; },
    get ms() { return page.ms; },
    get steps() { return page.steps; },
    show: (text, result) => { client.cancel(); return show(text, { result }, 0); },
  }),
});

setPageState('busy');
client.warm();  // loading the WebAssembly while the sample is fetched
input.loadSample();
