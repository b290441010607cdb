// The presslens demo page. Analysis runs in a Web Worker (worker.mjs, running the package's
// ../wasm/index.mjs), so the page stays responsive on large texts; the result is drawn as nested
// highlight elements, lazily for long texts.
//
// Safety rule for this file: article text (and anything derived from it: names, quotes) only
// ever reaches the DOM through textContent / createTextNode. No innerHTML anywhere.

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'), largeNote: $('large-note'), status: $('status'), article: $('article'), selection: $('selection'),
  file: $('file'), sample: $('sample'), clear: $('clear'), exportButton: $('export'),
  said: $('said'), saidCount: $('said-count'), condemned: $('condemned'),
  condemnedCount: $('condemned-count'), entities: $('entities'), entitiesCount: $('entities-count'),
};

const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT'];
const TYPE_LABELS = {
  PERSON: 'Person', ORG: 'Organisation', GPE: 'Country or city', LOC: 'Place',
  NORP: 'Group or nationality', EVENT: 'Event',
};
const params = new URLSearchParams(location.search);
// The demo's own size limit (the package allows 64 Mi code units; a page should stop earlier).
const MAX_LENGTH = Math.max(0, Math.min(Number(params.get('maxLength')) || 32 * 1024 * 1024, 64 * 1024 * 1024));
const LIST_LIMIT = 100;      // items shown per panel list before a "show more" button
const SNIPPET = 160;         // characters of a quote or target shown in the panels
const SLICE_MS = 30;         // longest stretch of main-thread work between two yields to the browser

const fmt = new Intl.NumberFormat('en');
const plural = (n, one, many = `${one}s`) => `${fmt.format(n)} ${n === 1 ? one : many}`;
const snippet = (s, n = SNIPPET) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);  // strings become text nodes
  return node;
}

// ---------------------------------------------------------------------------------------------
// State

const state = {
  text: '',            // the text of the shown result
  result: null,        // presslens/1 result of `text`
  byId: new Map(),     // entity id -> entity of `result`
  view: null,          // the rendered view: spans, lookups, findings
  ms: 0,
};

function setPageState(s) { document.body.dataset.state = s; }

function setStatus(message, kind = 'info') {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind;
}

// ---------------------------------------------------------------------------------------------
// The worker: one request in flight at a time; while it runs, only the newest text waits.
// Responses to anything but the newest request are stale and ignored.

let worker = null;
let optionsSent = false;
let nextId = 0;
let latestId = 0;
let inflight = null;
let waiting = null;

function startWorker() {
  worker = new Worker(new URL('worker.mjs', import.meta.url), { type: 'module' });
  optionsSent = false;
  worker.onmessage = ({ data }) => onWorkerMessage(data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    inflight = null;
    waiting = null;
    setPageState('error');
    setStatus('The analyser could not be loaded or stopped. Build the package first (npm run build); edit the text to try again.', 'error');
    worker.terminate();
    worker = null;  // a new one on the next request, not in a loop
  };
}

function analyse(text) {
  latestId = ++nextId;
  if (text.length > MAX_LENGTH) {
    waiting = null;
    setPageState('error');
    setStatus(`This text is too long for the demo: ${fmt.format(text.length)} characters; the limit is ${fmt.format(MAX_LENGTH)}.`, 'error');
    return;
  }
  waiting = { id: latestId, text };
  setPageState('busy');
  setStatus(`Analysing ${plural(text.length, 'character')}…`, 'busy');
  pump();
}

function pump() {
  if (inflight || !waiting) return;
  inflight = { ...waiting, t0: performance.now() };
  waiting = null;
  if (!worker) startWorker();
  const message = { id: inflight.id, text: inflight.text };
  if (!optionsSent) { message.options = { maxLength: MAX_LENGTH }; optionsSent = true; }
  worker.postMessage(message);
}

function onWorkerMessage(data) {
  const job = inflight;
  inflight = null;
  if (job && data?.id === job.id && data.id === latestId) {
    const ms = performance.now() - job.t0;
    if (data.error) showError(data.error);
    else show(job.text, data, ms);
  }
  pump();
}

function showError(error) {
  setPageState('error');
  const messages = {
    ERR_TEXT_TOO_LARGE: 'This text is too long to analyse.',
    ERR_OUT_OF_MEMORY: 'The analyser ran out of memory on this text. Try a shorter text.',
    ERR_INVALID_ARGUMENT: 'The analyser could not read this input.',
    ERR_WASM: 'The analyser could not be loaded. Build the package first (npm run build), then reload.',
  };
  const head = messages[error?.code] ?? 'The analysis failed.';
  setStatus(`${head} (${error?.code ?? 'error'}: ${String(error?.message ?? '').replace(/^presslens: /, '')})`, 'error');
}

// ---------------------------------------------------------------------------------------------
// Spans: every highlight is a half-open [start, end) span of the text. Spans nest by
// (start ascending, end descending, layer); where two cross, the inner one is split into pieces,
// so the DOM is always properly nested. Layers, outermost first:
const LAYER = { clause: 0, target: 1, quote: 2, actor: 3, cue: 4, mention: 5 };
// The spans one can focus and step through with the arrow keys.
const FINDING = new Set(['mention', 'quote', 'cue']);
const order = (a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer;

const NONE = Object.freeze([]);

async function collectSpans(text, result, tick) {
  const n = text.length;
  const spans = [];
  const entities = new Map();
  const quotes = new Map();
  const conds = new Map();
  const actors = new Map();  // "start:end" -> actor span (speakers and sources share it)
  const cues = new Map();
  const add = (kind, start, end, extra) => {
    start = Math.max(0, Math.min(n, start | 0));
    end = Math.max(start, Math.min(n, end | 0));
    // head: the element that starts the span (the one that takes focus); pieces: all of them,
    // once drawn. One object shape for all spans keeps this fast on 100k+ spans.
    const span = {
      kind, layer: LAYER[kind], start, end, head: null, pieces: NONE, f: -1,
      entity: extra.entity ?? null, index: extra.index ?? 0, quote: extra.quote ?? null,
      conds: extra.conds ?? null, cond: extra.cond ?? null, actor: extra.actor ?? null,
    };
    if (end > start) spans.push(span);
    return span;
  };
  const actorSpan = (actor) => {
    if (!actor) return null;
    const key = `${actor.start}:${actor.end}`;
    let span = actors.get(key);
    if (!span) actors.set(key, span = add('actor', actor.start, actor.end, { actor }));
    return span;
  };
  for (const e of result.entities) {
    const info = { entity: e, mentions: [] };
    entities.set(e.id, info);
    e.mentions.forEach((m, i) => info.mentions.push(add('mention', m.start, m.end, { entity: e, index: i })));
    if (!await tick(spans.length)) return null;
  }
  for (const q of result.quotes) {
    if ((quotes.size & 1023) === 0 && !await tick(spans.length)) return null;
    quotes.set(q.id, { quote: q, span: add('quote', q.start, q.end, { quote: q }), speaker: actorSpan(q.speaker) });
  }
  for (const c of result.condemnations) {
    if ((conds.size & 1023) === 0 && !await tick(spans.length)) return null;
    const key = `${c.cue.start}:${c.cue.end}`;
    let cue = cues.get(key);
    if (!cue) cues.set(key, cue = add('cue', c.cue.start, c.cue.end, { conds: [] }));
    cue.conds.push(c);
    conds.set(c.id, {
      cond: c, cue,
      clause: add('clause', c.start, c.end, { cond: c }),
      target: add('target', c.target.start, c.target.end, { cond: c }),
      source: actorSpan(c.source),
    });
  }
  if (!await tick(0, true)) return null;
  spans.sort(order);
  if (!await tick(0, true)) return null;
  const findings = [];
  for (const span of spans) if (FINDING.has(span.kind)) { span.f = findings.length; findings.push(span); }
  return { text, spans, entities, quotes, conds, findings, chunks: [] };
}

function describe(span) {
  if (span.kind === 'mention') {
    const e = span.entity;
    return `${TYPE_LABELS[e.type] ?? e.type}: ${e.name}, mention ${span.index + 1} of ${e.mentions.length}`;
  }
  if (span.kind === 'quote') {
    const q = span.quote;
    return `${q.kind} quote, ${q.speaker ? `said by ${speakerName(q.speaker)}` : 'speaker not found'}`;
  }
  if (span.kind === 'cue') {
    return span.conds.map((c) => `${c.negated ? 'negated ' : ''}condemnation: ${actorName(c.source)} ${c.cue.lemma}, target ${snippet(c.target.text, 80)}`).join('; ');
  }
  return '';
}

// Which span an element (a piece of one) belongs to.
let spanOf = new WeakMap();

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
  if (span.pieces === NONE) span.pieces = [node]; else span.pieces.push(node);
  if (isHead) {
    span.head = node;
    if (span.f >= 0) {
      node.tabIndex = -1;
      node.dataset.f = String(span.f);
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', describe(span));
    }
  }
  // Links made before this piece existed (the text is drawn lazily).
  if (span.kind === 'mention' && lit.entity === span.entity.id) node.classList.add('lit');
  const sel = selected.get(span);
  if (sel) {
    node.classList.add(...sel.classes);
    if (isHead && sel.label) node.dataset.label = sel.label;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Rendering. The text is cut into chunks (a few thousand characters ending at a line break).
// Every chunk is first plain text; its highlights are drawn when it comes near the screen (or
// at once for a text up to EAGER characters, or the start of a longer one), so a 5 MB article
// costs little more than a short one.
// The browser skips the layout of chunks off screen (content-visibility: auto).

const EAGER = 200_000;
const EAGER_START = 16_000;
let observer = null;

// Chunks end at a line break after CHUNK characters. Only a line longer than LONG_LINE is cut
// elsewhere (at a space), where the chunk boundary shows as a line break.
const CHUNK = 4000;
const LONG_LINE = 64000;

function chunkEnds(text) {
  const ends = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let end = pos + CHUNK;
    if (end >= n) { ends.push(n); break; }
    const nl = text.indexOf('\n', end);
    if (nl !== -1 && nl - pos < LONG_LINE) end = nl + 1;
    else if (n - pos <= LONG_LINE) end = n;
    else {
      const space = text.lastIndexOf(' ', pos + LONG_LINE);
      end = space > pos ? space + 1 : pos + LONG_LINE;
    }
    ends.push(end);
    pos = end;
  }
  return ends;
}

function chunkIndex(view, pos) {
  const { chunks } = view;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].start <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

// Cuts the text into chunks and lists in each the spans that overlap it (in nesting order).
async function makeChunks(view, tick) {
  const { chunks, spans } = view;
  let start = 0;
  for (const end of chunkEnds(view.text)) {
    chunks.push({ start, end, spans: [], node: null, done: false });
    start = end;
  }
  let c = 0;  // spans come by start, so the first chunk of each only moves forward
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    while (chunks[c].end <= span.start) c++;
    for (let i = c; i < chunks.length && chunks[i].start < span.end; i++) chunks[i].spans.push(span);
    if ((k & 4095) === 0 && !await tick()) return false;
  }
  return true;
}

// Draws the highlights of one chunk: a sweep over the span boundaries, keeping a stack of open
// elements; a span that does not nest inside the open ones closes them and they reopen after it.
function drawChunk(view, i) {
  const chunk = view.chunks[i];
  if (!chunk || chunk.done) return;
  chunk.done = true;
  const { start: cs, end: ce, spans } = chunk;
  const text = view.text;
  const cuts = [cs, ce];
  for (const s of spans) {
    if (s.start > cs) cuts.push(s.start);
    if (s.end < ce) cuts.push(s.end);
  }
  cuts.sort((a, b) => a - b);

  const root = document.createDocumentFragment();
  const stack = [];
  let active = [];
  let next = 0;
  for (let k = 0; k < cuts.length; k++) {
    const p = cuts[k];
    if (p >= ce || (k > 0 && p === cuts[k - 1])) continue;
    if (active.some((s) => s.end <= p)) active = active.filter((s) => s.end > p);
    let joined = false;
    while (next < spans.length && spans[next].start <= p) {
      const s = spans[next++];
      if (s.end > p) { active.push(s); joined = true; }
    }
    if (joined) active.sort(order);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].span === active[keep]) keep++;
    stack.length = keep;
    for (let j = keep; j < active.length; j++) {
      const span = active[j];
      const node = makeElement(span, span.start === p);
      (j === 0 ? root : stack[j - 1].node).append(node);
      stack.push({ span, node });
    }
    let to = ce;
    for (let m = k + 1; m < cuts.length; m++) if (cuts[m] > p) { to = cuts[m]; break; }
    (stack.length ? stack[stack.length - 1].node : root).append(text.slice(p, to));
  }
  chunk.node.replaceChildren(root);
}

function drawAround(view, i) {
  for (let j = Math.max(0, i - 1); j <= Math.min(view.chunks.length - 1, i + 1); j++) {
    if (!view.chunks[j].done) { drawChunk(view, j); observer?.unobserve(view.chunks[j].node); }
  }
}

// The element that starts `span`, drawing its chunk first if needed.
function headOf(span) {
  const view = state.view;
  if (!span || !view) return null;
  if (!span.head) drawAround(view, chunkIndex(view, span.start));
  return span.head;
}

function renderArticle(view) {
  observer?.disconnect();
  spanOf = new WeakMap();
  const body = document.createElement('div');
  body.className = 'article-body';
  view.chunks.forEach((chunk, i) => {
    chunk.node = document.createElement('div');
    chunk.node.className = 'chunk';
    chunk.node.dataset.chunk = String(i);
    if (view.text.length <= EAGER || chunk.end <= EAGER_START) drawChunk(view, i);
    else chunk.node.textContent = view.text.slice(chunk.start, chunk.end);
    body.append(chunk.node);
  });
  ui.article.replaceChildren(body);
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) drawAround(view, Number(entry.target.dataset.chunk));
  }, { rootMargin: '800px 0px' });
  for (const chunk of view.chunks) if (!chunk.done) observer.observe(chunk.node);
}

// ---------------------------------------------------------------------------------------------
// Showing a result. A large result is prepared in steps, yielding to the browser in between.

// The worker sends the result's arrays as JSON text in parts, so parsing can pause in between.
async function parseResult(data, tick) {
  if (data.result) return data.result;
  const result = { schema: data.schema, entities: [], quotes: [], condemnations: [] };
  for (const key of ['entities', 'quotes', 'condemnations']) {
    const list = result[key];
    for (const part of data.parts[key]) {
      for (const item of JSON.parse(part)) {
        // An entity's mentions may come in slices: consecutive items with the same id.
        if (key === 'entities' && list.length && list[list.length - 1].id === item.id) {
          const mentions = list[list.length - 1].mentions;
          for (const m of item.mentions) mentions.push(m);
        } else list.push(item);
      }
      if (!await tick()) return null;
    }
  }
  return result;
}

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
  const result = await parseResult(data, tick);
  if (!result || !await step('parse')) return;
  const view = await collectSpans(text, result, tick);
  if (!view || !await step('spans')) return;
  if (!await makeChunks(view, tick) || !await step('chunks')) return;
  clearLinks();
  state.text = text;
  state.result = result;
  state.byId = new Map(result.entities.map((e) => [e.id, e]));
  state.ms = ms;
  state.view = view;
  entityCursor.clear();
  ui.exportButton.disabled = false;
  ui.selection.hidden = true;
  ui.selection.replaceChildren();
  renderPanels(result);
  if (!await step('panels')) return;
  renderArticle(view);
  steps.article = Math.round(performance.now() - lapStart);
  state.steps = steps;
  const mentions = result.entities.reduce((n, e) => n + e.mentions.length, 0);
  const renderMs = performance.now() - t0;
  setStatus(`${plural(result.entities.length, 'name')} (${plural(mentions, 'mention')}), ${plural(result.quotes.length, 'quote')}, ${plural(result.condemnations.length, 'condemnation')}. Analysed ${plural(text.length, 'character')} in ${fmt.format(Math.round(ms))} ms, shown in ${fmt.format(Math.round(renderMs))} ms.`, 'ok');
  setPageState('ready');
}

function showEmpty() {
  ++showGeneration;
  latestId = ++nextId;  // anything still running is stale now
  waiting = null;
  observer?.disconnect();
  clearLinks();
  state.text = '';
  state.result = null;
  state.view = null;
  ui.exportButton.disabled = true;
  ui.selection.hidden = true;
  ui.article.replaceChildren(el('p', { class: 'empty', text: 'Paste or type an article above, open a file, or load the sample article.' }));
  for (const panel of [ui.said, ui.condemned, ui.entities]) panel.replaceChildren();
  for (const count of [ui.saidCount, ui.condemnedCount, ui.entitiesCount]) count.textContent = '';
  setStatus('Waiting for text.', 'info');
  setPageState('ready');
}
// ---------------------------------------------------------------------------------------------
// Panels

// A speaker's or source's name: its entity's canonical name, else the describing phrase.
function speakerName(actor) {
  if (!actor) return 'unknown';
  return (actor.entity && state.byId.get(actor.entity)?.name) || actor.name;
}
function actorName(actor) { return actor ? speakerName(actor) : 'unknown source'; }

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

function renderPanels(result) {
  const nameOf = speakerName;

  // Who said what: speakers by number of quotes; quotes without a speaker last.
  const groups = new Map();
  for (const q of result.quotes) {
    const key = q.speaker ? (q.speaker.entity ?? `name:${q.speaker.name}`) : '';
    if (!groups.has(key)) groups.set(key, { key, name: q.speaker ? nameOf(q.speaker) : '', entity: q.speaker?.entity ?? null, quotes: [] });
    groups.get(key).quotes.push(q);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.key === '') - (b.key === '') || b.quotes.length - a.quotes.length);
  const attributed = result.quotes.filter((q) => q.speaker).length;
  ui.saidCount.textContent = `${fmt.format(attributed)} of ${fmt.format(result.quotes.length)}`;
  ui.saidCount.setAttribute('aria-label', `${attributed} of ${result.quotes.length} quotes attributed`);
  ui.said.replaceChildren(result.quotes.length === 0 ? el('p', { class: 'none', text: 'No quotes found.' }) : limitedList('ul', ordered, (g) => {
    const who = g.key === '' ? el('span', { class: 'who none', text: 'No speaker found' })
      : g.entity ? el('button', { type: 'button', class: 'who link', dataset: { entity: g.entity }, 'aria-label': `${g.name}: show mentions` }, g.name)
        : el('span', { class: 'who', title: 'Not a named entity' }, g.name);
    return el('li', { class: 'group', dataset: { speaker: g.key } },
      el('h3', {}, who, ' ', el('span', { class: 'badge', text: plural(g.quotes.length, 'quote') })),
      limitedList('ol', g.quotes, (q) => el('li', {}, el('button', {
        type: 'button', class: 'jump', dataset: { quote: q.id },
        'aria-label': `${q.kind} quote${g.name ? ` by ${g.name}` : ''}: ${snippet(q.text, 120)}. Show in text`,
      }, el('span', { class: `kind ${q.kind}`, text: q.kind }), ' ', `“${snippet(q.text)}”`,
      q.cue ? el('span', { class: 'meta', text: ` (${q.cue.lemma})` }) : null)), 20, 'quotes'));
  }, LIST_LIMIT, 'speakers'));

  // Who condemned whom.
  ui.condemnedCount.textContent = fmt.format(result.condemnations.length);
  ui.condemned.replaceChildren(result.condemnations.length === 0 ? el('p', { class: 'none', text: 'No condemnations found.' }) : limitedList('ol', result.condemnations, (c) => {
    const source = c.source ? nameOf(c.source) : 'unknown source';
    const cueText = state.text.slice(c.cue.start, c.cue.end);
    return el('li', {}, el('button', {
      type: 'button', class: 'jump cond', dataset: { cond: c.id },
      'aria-label': `${source}${c.negated ? ' did not' : ''} ${c.cue.lemma}: ${snippet(c.target.text, 120)}${c.quote ? ', inside a quote' : ''}. Show in text`,
    },
    el('span', { class: c.source ? 'src' : 'src none', text: source }),
    el('span', { class: 'arrow', 'aria-hidden': 'true', text: ' → ' }),
    el('span', { class: c.negated ? 'cue negated' : 'cue', title: `${c.cue.lemma} (CAMEO ${c.cue.cameo})`, text: cueText }),
    el('span', { class: 'arrow', 'aria-hidden': 'true', text: ' → ' }),
    el('span', { class: 'tgt', text: snippet(c.target.text) }),
    c.negated ? el('span', { class: 'badge warn', text: 'negated' }) : null,
    c.quote ? el('span', { class: 'badge', text: 'in a quote' }) : null));
  }, LIST_LIMIT, 'condemnations'));

  // Entities by type, most mentioned first.
  ui.entitiesCount.textContent = fmt.format(result.entities.length);
  const sections = [];
  for (const type of TYPES) {
    const list = result.entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
    if (list.length === 0) continue;
    sections.push(el('section', { class: 'type-group', 'aria-label': `${TYPE_LABELS[type]}: ${list.length}` },
      el('h3', {}, el('span', { class: `swatch ent ${type}`, text: TYPE_LABELS[type] }), ' ', el('span', { class: 'badge', text: fmt.format(list.length) })),
      limitedList('ul', list, (e) => {
        const extra = [e.title, e.refersTo && `stands for ${e.refersTo}`, e.country && e.country !== e.name && `of ${e.country}`].filter(Boolean).join(', ');
        return el('li', {}, el('button', {
          type: 'button', class: 'entity', dataset: { entity: e.id },
          'aria-label': `${e.name}, ${TYPE_LABELS[e.type]}, ${plural(e.mentions.length, 'mention')}${extra ? `, ${extra}` : ''}. Show next mention`,
        }, el('span', { class: 'name', text: e.name }), extra ? el('span', { class: 'meta', text: ` ${extra}` }) : null,
        el('span', { class: 'badge', text: fmt.format(e.mentions.length) })));
      }, 50, 'names')));
  }
  ui.entities.replaceChildren(...(sections.length ? sections : [el('p', { class: 'none', text: 'No names found.' })]));
}

// ---------------------------------------------------------------------------------------------
// Links between findings: lit entity mentions (hover/focus), the selected finding and the
// spans it points to (a quote's speaker; a condemnation's source, cue and target). The state
// lives on spans, so chunks drawn later show it too.

const lit = { entity: null };
const selected = new Map();  // span -> { classes, label }
const SELECTED_CLASSES = ['selected', 'speaker-lit', 'source-lit', 'target-lit', 'clause-lit'];

function lightEntity(id) {
  if (lit.entity === id) return;
  const mentionsOf = (entity) => (entity && state.view?.entities.get(entity)?.mentions) || [];
  for (const span of mentionsOf(lit.entity)) for (const node of span.pieces) node.classList.remove('lit');
  lit.entity = id;
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

// The panel rows of the selected finding.
let currentRows = [];
function markRows(attribute, ids) {
  for (const node of currentRows) node.removeAttribute('aria-current');
  currentRows = [];
  for (const id of ids) {
    for (const node of document.querySelectorAll(`.panels button[data-${attribute}="${CSS.escape(id)}"]`)) {
      node.setAttribute('aria-current', 'true');
      currentRows.push(node);
    }
  }
}

let selectedEntity = null;

function clearSelection() {
  selectedEntity = null;
  markRows('none', []);
  for (const span of selected.keys()) {
    for (const node of span.pieces) node.classList.remove(...SELECTED_CLASSES);
    if (span.head) delete span.head.dataset.label;
  }
  selected.clear();
}

function clearLinks() {
  lightEntity(null);
  clearSelection();
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
  const node = headOf(span);
  if (!node) return;
  reveal(node);
  if (focus && node.tabIndex === -1) node.focus({ preventScroll: true });
  node.classList.remove('flash');
  void node.offsetWidth;  // restart the animation
  node.classList.add('flash');
}

function button(text, onclick, label) {
  return el('button', { type: 'button', class: 'link', 'aria-label': label, onclick }, text);
}

// Selects a finding: marks what it is linked to and explains it in the selection card.
function select(span) {
  clearSelection();
  const view = state.view;
  if (!span || !view) { ui.selection.hidden = true; return; }
  const card = [];
  if (span.kind === 'mention') {
    const e = span.entity;
    lightEntity(e.id);
    const extra = [e.title, e.refersTo && `stands for ${e.refersTo}`, e.country && e.country !== e.name && `of ${e.country}`].filter(Boolean).join(', ');
    const mentions = view.entities.get(e.id).mentions;
    selectedEntity = e.id;
    markRows('entity', [e.id]);
    card.push(el('span', { class: `swatch ent ${e.type}`, text: TYPE_LABELS[e.type] }), ' ', el('strong', { text: e.name }),
      extra ? ` (${extra})` : '', ` · mention ${fmt.format(span.index + 1)} of ${fmt.format(mentions.length)} `,
      mentions.length > 1 ? button('Next mention', () => jumpTo(mentions[(span.index + 1) % mentions.length]), `Next mention of ${e.name}`) : '');
  } else if (span.kind === 'quote') {
    const q = span.quote;
    const info = view.quotes.get(q.id);
    mark(info.span, 'selected');
    markRows('quote', [q.id]);
    card.push(el('span', { class: `kind ${q.kind}`, text: `${q.kind} quote` }));
    if (info.speaker) {
      mark(info.speaker, 'speaker-lit', 'speaker');
      if (q.speaker.entity) lightEntity(selectedEntity = q.speaker.entity);
      card.push(' said by ', el('strong', { class: 'speaker', text: speakerName(q.speaker) }),
        q.cue ? ` (cue “${state.text.slice(q.cue.start, q.cue.end)}”) ` : ' ',
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
      card.push(el('strong', { text: actorName(c.source) }), ' → ', el('span', { class: c.negated ? 'cue negated' : 'cue', text: state.text.slice(c.cue.start, c.cue.end) }),
        ' → ', el('em', { text: snippet(c.target.text) }), c.negated ? el('span', { class: 'badge warn', text: 'negated' }) : '',
        el('span', { class: 'rule', text: ` · ${c.cue.lemma}, CAMEO ${c.cue.cameo}, rule ${c.rule} ` }),
        info.source ? button('Go to source', () => jumpTo(info.source, { focus: false }), 'Go to the source') : '', ' ',
        button('Go to target', () => jumpTo(info.target, { focus: false }), 'Go to the target'));
    }
  }
  ui.selection.replaceChildren(...card);
  ui.selection.hidden = card.length === 0;
}

// The finding a node belongs to (innermost), or null.
function findingOf(node) {
  const target = node instanceof Element ? node.closest('mark.ent, .quote, .cue') : null;
  if (!target || !ui.article.contains(target)) return null;
  return spanOf.get(target) ?? null;
}

// The entity lit when the mouse hovers no name: the selected name, or the selected quote's speaker.
function baseEntity() { return selectedEntity; }

ui.article.addEventListener('mouseover', (event) => {
  const node = event.target instanceof Element ? event.target.closest('mark.ent') : null;
  lightEntity(node ? node.dataset.entity : baseEntity());
});
ui.article.addEventListener('mouseleave', () => lightEntity(baseEntity()));

ui.article.addEventListener('click', (event) => {
  if (event.target.closest('button')) return;
  const span = findingOf(event.target);
  if (!span?.head) return;
  if (document.activeElement !== span.head) span.head.focus({ preventScroll: true });
  else select(span);
});

ui.article.addEventListener('focusin', (event) => {
  const span = findingOf(event.target);
  if (span && span.head === event.target) select(span);
});

// Arrow keys move between findings (in text order); Enter follows a finding's link.
ui.article.addEventListener('keydown', (event) => {
  const view = state.view;
  if (!view || view.findings.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
  const current = findingOf(document.activeElement);
  const index = current && current.head === document.activeElement ? current.f : -1;
  const last = view.findings.length - 1;
  let to;
  switch (event.key) {
    case 'ArrowDown': case 'ArrowRight': to = index < 0 ? 0 : Math.min(last, index + 1); break;
    case 'ArrowUp': case 'ArrowLeft': to = index < 0 ? 0 : Math.max(0, index - 1); break;
    case 'Home': to = 0; break;
    case 'End': to = last; break;
    case 'Escape': clearLinks(); ui.selection.hidden = true; ui.article.focus(); event.preventDefault(); return;
    case 'Enter': case ' ':
      if (!current) return;
      event.preventDefault();
      follow(current);
      return;
    default: return;
  }
  event.preventDefault();
  const node = headOf(view.findings[to]);
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'nearest' });
});

function follow(span) {
  const view = state.view;
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

// Panels: hover/focus a name lights its mentions; buttons jump to the text.
const entityCursor = new Map();
for (const panel of [ui.said, ui.condemned, ui.entities]) {
  panel.addEventListener('mouseover', (event) => {
    const node = event.target instanceof Element ? event.target.closest('[data-entity]') : null;
    if (node) lightEntity(node.dataset.entity);
  });
  panel.addEventListener('focusin', (event) => {
    const node = event.target.closest?.('[data-entity]');
    if (node) lightEntity(node.dataset.entity);
  });
  panel.addEventListener('mouseleave', () => lightEntity(baseEntity()));
  panel.addEventListener('click', (event) => {
    const node = event.target instanceof Element ? event.target.closest('button') : null;
    const view = state.view;
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
}

// ---------------------------------------------------------------------------------------------
// Input: typing (debounced), files (.txt, or .html reduced to its text), the sample, export.

// A text this long is kept out of the textarea: laying out megabytes in a text box freezes the
// page for seconds. It is analysed and shown all the same; typing in the box replaces it.
const LARGE = 1_000_000;
let debounce = 0;

ui.text.addEventListener('input', () => {
  clearTimeout(debounce);
  const text = ui.text.value;
  // A paste of a large text: take it out of the box in the same task, before any layout.
  if (text.length > LARGE) { setText(text); return; }
  showLargeNote(null);
  if (text.trim() === '') { showEmpty(); return; }
  setPageState('busy');
  debounce = setTimeout(() => analyse(ui.text.value), 250);
});

// The name of the opened file, for the exported JSON's file name.
let inputName = null;

function setText(text, name = null) {
  clearTimeout(debounce);
  inputName = name;
  const large = text.length > LARGE;
  ui.text.value = large ? '' : text;
  showLargeNote(large ? text : null);
  if (text.trim() === '') showEmpty();
  else analyse(text);
}

function showLargeNote(text) {
  const note = ui.largeNote;
  if (text === null) { note.hidden = true; note.replaceChildren(); return; }
  note.replaceChildren(`A large text (${plural(text.length, 'character')}) is loaded and analysed below. It is kept out of this box, where editing it would be slow; typing here replaces it. `,
    button('Edit it here anyway', () => { ui.text.value = text; showLargeNote(null); ui.text.focus(); }, 'Put the large text into the box to edit it (slow)'));
  note.hidden = false;
}

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

async function openFile(file) {
  if (!file) return;
  if (file.size > MAX_LENGTH * 3) {
    setPageState('error');
    setStatus(`${file.name} is too large for the demo (${fmt.format(file.size)} bytes).`, 'error');
    return;
  }
  try {
    const raw = await file.text();
    const isHtml = /\.x?html?$/i.test(file.name) || /html/.test(file.type) || /^\s*<(!doctype html|html|head|body)\b/i.test(raw.slice(0, 1000));
    setText(isHtml ? htmlToText(raw) : raw, file.name.replace(/\.[^.]*$/, '') || null);
  } catch (e) {
    setPageState('error');
    setStatus(`Could not read ${file.name}: ${e?.message ?? e}`, 'error');
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
    setPageState('error');
    setStatus(`Could not load the sample article (${e?.message ?? e}). Paste a text instead.`, 'error');
  }
}
ui.sample.addEventListener('click', loadSample);
ui.clear.addEventListener('click', () => { setText(''); ui.text.focus(); });

ui.exportButton.addEventListener('click', () => {
  if (!state.result) return;
  const blob = new Blob([`${JSON.stringify(state.result, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: inputName ? `${inputName}.presslens.json` : 'presslens-result.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// For tests and the curious: the shown result (read-only).
Object.defineProperty(window, 'presslensDemo', {
  value: Object.freeze({
    get result() { return state.result; },
    get text() { return state.text; },
    get ms() { return state.ms; },
    get steps() { return state.steps; },
  }),
});

setPageState('busy');
startWorker();  // loading the WebAssembly while the sample is fetched
loadSample();
