// The demo page (web/) in headless Chromium: the sample article's highlights and links against
// what the package's own analyze() returns in Node, the panels behind their tabs (also at
// 375 px), the network view, JSON export, an XSS article, a hand-made result with Wikidata ids
// and reported speech, keyboard navigation, and responsiveness while a 5 MB text is analysed.
// Screenshots go to test-results/. Skips when Chromium or the wasm build is missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasChromium, launchBrowser, ROOT } from './harness.mjs';

const built = existsSync(join(ROOT, 'dist/presslens-core.mjs'));
const hasPlaywright = existsSync(join(ROOT, 'node_modules/playwright-core'));
const skip = !hasChromium ? 'Chromium is not installed (/usr/bin/chromium)'
  : !hasPlaywright ? 'playwright-core is not installed (npm install)'
    : !built ? 'dist/presslens-core.mjs is not built (npm run build)' : false;

const RESULTS = join(ROOT, 'test-results');

// A snapshot of the page and the package under test, served to the browser and imported in
// Node alike, so both run the same build even while dist/ is being rebuilt.
function snapshot() {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-demo-'));
  const mjs = (src) => !/\.(cc|h)$/.test(src);
  for (const part of ['web', 'wasm', 'dist', 'data/sample-article.txt']) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: mjs });
  }
  return dir;
}

// Waits until the page shows the analysis of `text` (or an error).
async function waitShown(page, text, timeout = 20_000) {
  await page.waitForFunction((t) => document.body.dataset.state !== 'busy'
    && (document.body.dataset.state === 'error' || window.presslensDemo.text === t), text, { timeout, polling: 50 });
  return page.evaluate(() => document.body.dataset.state);
}

// Replaces the textarea's text the way a paste does (one input event).
async function paste(page, text) {
  await page.evaluate((t) => {
    const box = document.getElementById('text');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

// Every focusable finding in the article: kind, id and its offset in the text.
function findingsInPage(page) {
  return page.evaluate(() => {
    const article = document.getElementById('article');
    const range = document.createRange();
    return [...article.querySelectorAll('[data-f]')].map((node) => {
      range.setStart(article, 0);
      range.setEndBefore(node);
      const kind = node.matches('mark.ent') ? 'mention' : node.matches('.quote') ? 'quote' : 'cue';
      return {
        kind, start: range.toString().length, f: Number(node.dataset.f),
        id: node.dataset.entity ?? node.dataset.quote ?? node.dataset.cond,
        type: kind === 'mention' ? node.classList[1] : undefined,
        label: node.getAttribute('aria-label'), role: node.getAttribute('role'),
      };
    });
  });
}

describe('demo page', { skip }, () => {
  let server;
  let browser;
  let page;
  let expected;
  let sample;
  let root;
  const problems = [];   // page errors and console errors, checked at the end
  // While an .html file is parsed (inert, by DOMParser), Chromium reports the page's CSP refusing
  // the file's inline handlers: that is the defence working (nothing would run anyway).
  let cspExpected = false;
  const cspBlocks = [];

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    root = snapshot();
    sample = readFileSync(join(root, 'data/sample-article.txt'), 'utf8');
    const { createAnalyzer } = await import(pathToFileURL(join(root, 'wasm/index.mjs')).href);
    const analyzer = await createAnalyzer();
    expected = analyzer.analyze(sample);
    analyzer.dispose();
    const { serve } = await import('../../scripts/serve.mjs');
    server = await serve({ root, port: 0 });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (cspExpected && /Content Security Policy/.test(m.text())) cspBlocks.push(m.text());
      else problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`); });
    await page.goto(server.demoURL);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the sample article is preloaded, analysed and highlighted as the package finds it', async () => {
    assert.equal(await waitShown(page, sample), 'ready');
    assert.equal(await page.textContent('#article'), sample, 'the article is shown as it is, character for character');
    assert.match(await page.textContent('#status'), /Analysed 3,\d{3} characters in \d/);

    const found = await findingsInPage(page);
    const mentions = expected.entities.flatMap((e) => e.mentions.map((m) => ({ id: e.id, type: e.type, start: m.start })));
    const shownMentions = found.filter((f) => f.kind === 'mention');
    assert.ok(mentions.length > 20, 'the package finds the sample\'s names');
    assert.deepEqual(shownMentions.map(({ id, type, start }) => ({ id, type, start })),
      mentions.sort((a, b) => a.start - b.start), 'one coloured mark per mention, with its entity and type');
    assert.deepEqual(found.filter((f) => f.kind === 'quote').map(({ id, start }) => ({ id, start })),
      expected.quotes.map(({ id, start }) => ({ id, start })).sort((a, b) => a.start - b.start));
    const cueStarts = [...new Set(expected.condemnations.map((c) => c.cue.start))].sort((a, b) => a - b);
    assert.deepEqual(found.filter((f) => f.kind === 'cue').map((f) => f.start), cueStarts);
    for (const f of found) {
      assert.equal(f.role, 'button');
      assert.ok(f.label && f.label.length > 5, `finding ${f.id} has an ARIA label`);
    }
    assert.deepEqual(found.map((f) => f.f), found.map((_, i) => i), 'findings are numbered in text order');

    // Crossing spans are split into pieces; the pieces of a quote or cue together are its text.
    const pieces = await page.evaluate(() => {
      const join = (selector) => [...document.querySelectorAll(selector)].map((n) => n.textContent).join('');
      return {
        quotes: Object.fromEntries([...document.querySelectorAll('#article .quote[data-f]')].map((n) => [n.dataset.quote, join(`#article .quote[data-quote="${n.dataset.quote}"]`)])),
        nested: document.querySelectorAll('#article .clause .quote mark.ent, #article .quote .cue, #article .clause .quote').length,
      };
    });
    for (const q of expected.quotes) assert.equal(pieces.quotes[q.id], q.text, `${q.id} is drawn whole`);
    if (expected.condemnations.some((c) => expected.quotes.some((q) => q.start < c.cue.start && c.cue.end <= q.end))) {
      assert.ok(pieces.nested > 0, 'names inside quotes inside condemnations are nested');
    }
  });

  test('text colours pass WCAG AA contrast', async () => {
    const failures = await page.evaluate(() => {
      const rgb = (s) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (node) => {
        for (let n = node; n; n = n.parentElement) {
          const c = rgb(getComputedStyle(n).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set();
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const n = t.parentElement;
        if (!t.data.trim() || seen.has(n) || !n.checkVisibility?.() || n.closest('.visually-hidden, textarea')) continue;
        seen.add(n);
        const style = getComputedStyle(n);
        const fg = lum(rgb(style.color));
        const bg = lum(background(n));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`${n.tagName}.${n.className} "${t.data.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
      }
      return out;
    });
    assert.deepEqual(failures, []);
  });

  test('each quote is linked to its speaker, as the package attributes it', async () => {
    const name = (actor) => expected.entities.find((e) => e.id === actor.entity)?.name ?? actor.name;
    const attributed = expected.quotes.filter((q) => q.speaker);
    for (const q of expected.quotes) {
      await page.locator(`#article .quote[data-f][data-quote="${q.id}"]`).dispatchEvent('click');
      const shown = await page.evaluate(() => ({
        speaker: [...document.querySelectorAll('#article .speaker-lit')].map((n) => n.textContent).join(''),
        card: document.getElementById('selection').textContent,
        focused: document.activeElement?.dataset.quote ?? null,
        selected: document.querySelectorAll('#article .quote.selected').length,
      }));
      assert.equal(shown.focused, q.id, `clicking ${q.id} focuses it`);
      assert.ok(shown.selected >= 1);
      if (q.speaker) {
        assert.equal(shown.speaker, sample.slice(q.speaker.start, q.speaker.end), `${q.id}: its speaker mention is lit`);
        assert.ok(shown.card.includes(`said by ${name(q.speaker)}`), `${q.id}: "${shown.card}" names ${name(q.speaker)}`);
      } else {
        assert.equal(shown.speaker, '');
        assert.match(shown.card, /no speaker found/);
      }
    }

    // Each attributed quote is labelled after its last piece with its speaker and cue.
    const labels = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#article .quote[data-f]')].map((n) => {
      const pieces = document.querySelectorAll(`#article .quote[data-quote="${n.dataset.quote}"]`);
      return [n.dataset.quote, [...pieces].map((p) => p.dataset.who ?? null)];
    })));
    for (const q of expected.quotes) {
      const who = q.speaker ? `${name(q.speaker)}${q.cue ? ` (${sample.slice(q.cue.start, q.cue.end)})` : ''}` : null;
      assert.deepEqual(labels[q.id], [...labels[q.id].slice(0, -1).map(() => null), who], `${q.id}: ${who}`);
    }

    // "Who said what": one group per speaker, with its quotes.
    const groups = new Map();
    for (const q of attributed) {
      const key = q.speaker.entity ?? `name:${q.speaker.name}`;
      groups.set(key, [...(groups.get(key) ?? []), q.id]);
    }
    const panel = await page.evaluate(() => [...document.querySelectorAll('#said .group')].map((g) => ({
      key: g.dataset.speaker, who: g.querySelector('.who').textContent,
      quotes: [...g.querySelectorAll('button.jump')].map((b) => b.dataset.quote),
    })));
    for (const [key, ids] of groups) {
      const group = panel.find((g) => g.key === key);
      assert.ok(group, `speaker ${key} has a group in "Who said what"`);
      assert.deepEqual(group.quotes, ids);
    }
    const wang = expected.entities.find((e) => e.name === 'Wang Yi');
    const wangQuotes = attributed.filter((q) => q.speaker.entity === wang?.id);
    if (wangQuotes.length) {
      const group = panel.find((g) => g.key === wang.id);
      assert.equal(group.who, 'Wang Yi');
      assert.deepEqual(group.quotes, wangQuotes.map((q) => q.id), "Wang Yi's quotes are listed under him");
    }

    // Jump to text from the panel.
    const first = expected.quotes.at(-1);
    await page.click(`#said button.jump[data-quote="${first.id}"]`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.quote), first.id);
  });

  test('hovering a name lights all its mentions', async () => {
    const busiest = [...expected.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
    await page.hover(`#article mark.ent[data-f][data-entity="${busiest.id}"]`);
    const lit = await page.evaluate(() => [...document.querySelectorAll('#article mark.ent.lit')].map((n) => n.dataset.entity));
    assert.equal(lit.length, busiest.mentions.length);
    assert.ok(lit.every((id) => id === busiest.id));
    await page.hover('h1');
    await page.click('#tab-entities');
    await page.hover(`#entities button.entity[data-entity="${busiest.id}"]`);
    assert.equal(await page.locator('#article mark.ent.lit').count(), busiest.mentions.length, 'also from the entity list');
    const types = await page.evaluate(() => [...document.querySelectorAll('#entities button.entity')].map((b) => [b.dataset.entity, b.querySelector('.badge').textContent]));
    assert.deepEqual(new Map(types), new Map(expected.entities.map((e) => [e.id, String(e.mentions.length)])), 'entity list with mention counts');
  });

  test('"Who condemned whom" shows source → cue → target, with "unlawful sanctions"', async () => {
    await page.click('#tab-condemned');
    const rows = await page.evaluate(() => [...document.querySelectorAll('#condemned button.cond')].map((b) => ({
      id: b.dataset.cond, text: b.textContent,
      source: b.querySelector('.src').textContent, cue: b.querySelector('.cue').textContent, target: b.querySelector('.tgt').textContent,
    })));
    assert.equal(rows.length, expected.condemnations.length);
    const sanctions = expected.condemnations.filter((c) => c.target.text.includes('unlawful sanctions'));
    assert.ok(sanctions.length >= 1, 'the package finds the condemnation of "unlawful sanctions"');
    for (const c of sanctions) {
      const row = rows.find((r) => r.id === c.id);
      assert.ok(row.target.includes('unlawful sanctions'), row.text);
      assert.equal(row.cue, sample.slice(c.cue.start, c.cue.end));
      const source = c.source ? (expected.entities.find((e) => e.id === c.source.entity)?.name ?? c.source.name) : 'unknown source';
      assert.equal(row.source, source);
      assert.ok(row.text.startsWith(`${source} → ${row.cue} → `), row.text);
    }
    const c = sanctions[0];
    await page.click(`#condemned button.cond[data-cond="${c.id}"]`);
    const shown = await page.evaluate(() => ({
      focused: document.activeElement?.dataset.cond ?? '',
      source: [...document.querySelectorAll('#article .source-lit')].map((n) => n.textContent).join(''),
      target: [...document.querySelectorAll('#article .target-lit')].map((n) => n.textContent).join(''),
    }));
    assert.ok(shown.focused.split(' ').includes(c.id), 'the cue takes focus');
    if (c.source) assert.equal(shown.source, sample.slice(c.source.start, c.source.end));
    assert.equal(shown.target, c.target.text);

    // The screenshot: the first attributed quote selected, its speaker's mentions lit.
    const quote = expected.quotes.find((q) => q.speaker?.entity) ?? expected.quotes[0];
    await page.locator(`#article .quote[data-f][data-quote="${quote.id}"]`).dispatchEvent('click');
    await page.waitForTimeout(400);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.getElementById('article').scrollTop = 0;
      document.querySelector('.panels').scrollTop = 0;
    });
    if (quote.speaker?.entity) await page.hover(`#article mark.ent[data-f][data-entity="${quote.speaker.entity}"]`);
    await page.screenshot({ path: join(RESULTS, 'demo.png') });
  });

  test('export downloads the same result as analyze() in Node', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.equal(download.suggestedFilename(), 'presslens-result.json');
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), expected);
  });

  test('keyboard: Tab reaches the article, arrow keys step through the findings', async () => {
    await page.focus('#text');
    // Past the selection card's buttons (a condemnation is selected), if any, to the article.
    for (let i = 0; i < 4 && await page.evaluate(() => document.activeElement.id !== 'article'); i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'article');
    const focused = () => page.evaluate(() => ({ f: document.activeElement.dataset.f, label: document.activeElement.getAttribute('aria-label'), card: document.getElementById('selection').hidden ? '' : document.getElementById('selection').textContent }));
    await page.keyboard.press('ArrowDown');
    const a = await focused();
    assert.equal(a.f, '0');
    assert.ok(a.card.length > 0, 'the focused finding is explained');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused()).f, '1');
    await page.keyboard.press('End');
    const total = expected.entities.reduce((n, e) => n + e.mentions.length, 0) + expected.quotes.length
      + new Set(expected.condemnations.map((c) => c.cue.start)).size;
    assert.equal((await focused()).f, String(total - 1));
    await page.keyboard.press('ArrowUp');
    assert.equal((await focused()).f, String(total - 2));
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('.panels') !== null), 'Tab leaves the article for the panels');
  });

  test('works at 375 px wide', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => document.getElementById('article-heading').scrollIntoView());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`);
    await page.screenshot({ path: join(RESULTS, 'demo-375.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('at 375 px the tabs reach every panel without scrolling past the article', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const tabs = await page.evaluate(() => [...document.querySelectorAll('#tabs [role=tab]')].map((t) => {
      const r = t.getBoundingClientRect();
      return { id: t.id, text: t.textContent.trim(), visible: r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 40 };
    }));
    assert.deepEqual(tabs.map((t) => t.id), ['tab-said', 'tab-condemned', 'tab-entities', 'tab-network']);
    assert.ok(tabs.every((t) => t.visible), `every tab is on screen at the top of the page: ${JSON.stringify(tabs)}`);
    const attributed = expected.quotes.filter((q) => q.speaker).length;
    assert.deepEqual(tabs.map((t) => t.text.replace(/\s+/g, ' ')), [`Said ${attributed}/${expected.quotes.length}`,
      `Condemned ${expected.condemnations.length}`, `Named ${expected.entities.length}`, 'Network']);
    const articleBottom = await page.evaluate(() => document.getElementById('article').getBoundingClientRect().bottom + scrollY);
    assert.ok(articleBottom > 3 * 740, `the article is long at this width (${Math.round(articleBottom)} px)`);
    for (const [tab, panel, row] of [['tab-condemned', 'condemned-panel', '#condemned button.cond'], ['tab-said', 'said-panel', '#said button.jump'],
      ['tab-entities', 'entities-panel', '#entities button.entity'], ['tab-network', 'network-panel', '#network svg.network']]) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click(`#${tab}`);
      const shown = await page.evaluate(([panel, row]) => {
        const first = document.querySelector(row).getBoundingClientRect();
        return {
          selected: document.querySelector('[role=tab][aria-selected=true]').getAttribute('aria-controls'),
          others: [...document.querySelectorAll('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id),
          rowTop: first.top, tabsTop: document.getElementById('tabs').getBoundingClientRect().top,
        };
      }, [panel, row]);
      assert.equal(shown.selected, panel);
      assert.deepEqual(shown.others, [panel], 'one panel at a time');
      assert.ok(shown.rowTop >= 0 && shown.rowTop < shown.tabsTop, `${tab}: the first row is on screen, above the tab bar (${Math.round(shown.rowTop)} px)`);
    }
    // The keyboard moves between tabs as ARIA tabs do.
    await page.focus('#tab-network');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-said');
    await page.screenshot({ path: join(RESULTS, 'demo-375-tabs.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the network view: actors and links as the result has them; an arrow shows the sentences behind it', async () => {
    const { networkModel } = await import(pathToFileURL(join(root, 'web/network.mjs')).href);
    const model = networkModel(expected);
    assert.ok(model.edges.some((e) => e.kind === 'said') && model.edges.some((e) => e.kind === 'condemned'), 'the sample has both kinds of links');
    await page.click('#tab-network');
    const drawn = await page.evaluate(() => ({
      nodes: [...document.querySelectorAll('#network svg .node')].map((n) => ({ key: n.dataset.node, label: n.querySelector('text').textContent })),
      edges: [...document.querySelectorAll('#network svg .edge')].map((e) => ({ key: e.dataset.edge, count: e.querySelector('.edge-count').textContent })),
      rows: [...document.querySelectorAll('#network button.edge-row')].map((b) => b.dataset.edge),
    }));
    const shown = new Set(model.nodes.slice(0, 12).map((n) => n.key));
    assert.deepEqual(drawn.nodes.map((n) => n.key), model.nodes.slice(0, 12).map((n) => n.key));
    assert.deepEqual(drawn.edges, model.edges.filter((e) => shown.has(e.from) && shown.has(e.to)).map((e) => ({ key: e.key, count: String(e.count) })));
    assert.deepEqual(drawn.rows, model.edges.slice(0, 30).map((e) => e.key), 'every link is listed as text too');

    for (const kind of ['condemned', 'said']) {
      const edge = model.edges.find((e) => e.kind === kind && shown.has(e.from) && shown.has(e.to));
      await page.locator(`#network svg .edge[data-edge="${edge.key}"]`).dispatchEvent('click');
      const detail = await page.evaluate(() => ({
        heading: document.querySelector('#network .edge-detail h3')?.textContent,
        items: [...document.querySelectorAll('#network .edge-detail button')].map((b) => b.dataset.quote ?? b.dataset.cond),
        pressed: [...document.querySelectorAll('#network .edge[aria-pressed=true]')].map((e) => e.dataset.edge),
      }));
      assert.deepEqual(detail.items, edge.items, `${edge.key}: the findings behind it`);
      assert.deepEqual(detail.pressed, [edge.key]);
      assert.match(detail.heading, kind === 'said' ? / said about / : / (did not )?condemn/);
      await page.click(`#network .edge-detail button >> nth=0`);
      const focused = await page.evaluate(() => document.activeElement?.dataset.quote ?? document.activeElement?.dataset.cond ?? '');
      assert.ok(focused.split(' ').includes(edge.items[0]), `the first sentence of ${edge.key} is shown in the text`);
    }
    // Keyboard: an arrow takes focus and Enter shows its sentences.
    const last = drawn.edges.at(-1).key;
    await page.focus(`#network svg .edge[data-edge="${last}"]`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#network .edge[aria-pressed=true]')].map((e) => e.dataset.edge)), [last]);
    await page.evaluate(() => document.getElementById('panels').scrollIntoView());
    await page.screenshot({ path: join(RESULTS, 'demo-network.png') });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.click('#tab-network');
    const fits = await page.evaluate(() => {
      const svg = document.querySelector('#network svg').getBoundingClientRect();
      const font = document.querySelector('#network svg .node text').getBoundingClientRect().height;
      return { width: svg.width, overflow: document.documentElement.scrollWidth - innerWidth, font };
    });
    assert.ok(fits.width > 300 && fits.overflow <= 0, JSON.stringify(fits));
    assert.ok(fits.font >= 9, `labels stay readable (${fits.font.toFixed(1)} px high)`);
    await page.screenshot({ path: join(RESULTS, 'demo-375-network.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('#tab-said');
  });

  test('an article full of HTML and script is shown as text and nothing runs', async () => {
    const requests = [];
    const onRequest = (r) => requests.push(r.url());
    page.on('request', onRequest);
    const payload = [
      'Russia condemned "the <b>attack</b>" on Ukraine, said Foreign Minister Wang Yi.',
      '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
      '<a href="javascript:window.__pwned = 3">click</a> </textarea><script>window.__pwned = 4</script>',
      '"<svg onload=window.__pwned=5>" said <iframe srcdoc="<script>parent.__pwned=6</script>"></iframe> Lavrov.',
      '<style>body { display: none }</style> &amp; &lt;b&gt; alert(1) <!-- comment --> ]]>',
    ].join('\n');
    await paste(page, payload);
    assert.equal(await waitShown(page, payload), 'ready');
    await page.waitForTimeout(200);
    const shown = await page.evaluate(() => ({
      pwned: window.__pwned,
      text: document.getElementById('article').textContent,
      elements: document.querySelectorAll('#article :is(script, img, a, iframe, svg, style, b, textarea), .panels :is(script, img, a:not(.wikidata), iframe, style, b, svg:not(.network))').length,
      // the panels' own links: an entity's Wikidata page, built from its id (checked by pattern)
      wikidata: [...document.querySelectorAll('.panels a.wikidata')].every((a) => /^https:\/\/www\.wikidata\.org\/wiki\/Q[1-9]\d*$/.test(a.href)),
      visible: getComputedStyle(document.body).display,
    }));
    assert.equal(shown.pwned, undefined, 'no payload ran');
    assert.equal(shown.text, payload, 'the markup is shown as text');
    assert.equal(shown.elements, 0, 'no element was created from the article');
    assert.ok(shown.wikidata, 'the only links are Wikidata pages');
    assert.equal(shown.visible, 'block');
    // Clicking through every finding runs nothing either.
    const n = await page.locator('#article [data-f]').count();
    for (let i = 0; i < n; i++) await page.locator(`#article [data-f="${i}"]`).dispatchEvent('click');

    // An .html file is reduced to its text; its scripts never run and its images never load.
    const html = '<!doctype html><html><head><title>t</title><script>window.__pwned = 7</script></head><body>'
      + '<article><h1>Sanctions</h1><p>Lavrov <b>condemned</b> the "sanctions".</p><img src="/x.png" onerror="window.__pwned = 8">'
      + '<p>Wang Yi said: "We &amp; they."</p><script>window.__pwned = 9</script></article></body></html>';
    cspExpected = true;
    await page.setInputFiles('#file', { name: 'evil.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    const text = 'Sanctions\nLavrov condemned the "sanctions".\nWang Yi said: "We & they."';
    assert.equal(await waitShown(page, text), 'ready');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    cspExpected = false;
    assert.ok(cspBlocks.every((m) => /inline event handler/.test(m)), cspBlocks.join('\n'));
    assert.equal(await page.inputValue('#text'), text);
    assert.equal(await page.textContent('#article'), text);
    page.off('request', onRequest);
    assert.deepEqual(requests.filter((u) => /\/x(\.png)?$/.test(u)), [], 'no image was fetched');
  });

  test('typing re-analyses after a pause; stale results are ignored', async () => {
    await page.fill('#text', '');
    assert.equal(await waitShown(page, ''), 'ready');
    await page.focus('#text');
    const typed = 'Lavrov said "we condemn the sanctions" in Moscow.';
    await page.keyboard.type(typed, { delay: 5 });
    assert.equal(await waitShown(page, typed), 'ready');
    // Two texts in quick succession: only the second is shown, even if the first answers later.
    await paste(page, 'Wang Yi said "first".');
    await page.waitForTimeout(300);
    await paste(page, 'Wang Yi said "second".');
    assert.equal(await waitShown(page, 'Wang Yi said "second".'), 'ready');
    await page.waitForTimeout(300);
    assert.equal(await page.textContent('#article'), 'Wang Yi said "second".');
  });

  test('spans crossing the drawing chunks are split and whole again', async () => {
    // A one-line quote of ~140,000 characters: the text is drawn in chunks, and a line that
    // long is cut at spaces, so the quote (with the names in it) crosses chunk boundaries.
    const long = `Foreign Minister Wang Yi said: “${'Russia and China will stand together, said the Kremlin. '.repeat(2500)}” That was all.\nRussia condemned the West.`;
    await paste(page, long);
    assert.equal(await waitShown(page, long), 'ready');
    const shown = await page.evaluate(() => {
      const result = window.presslensDemo.result;
      const quote = result.quotes.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
      return {
        text: document.getElementById('article').textContent,
        chunks: document.querySelectorAll('#article .chunk').length,
        quote: { id: quote.id, text: quote.text },
        pieces: [...document.querySelectorAll(`#article .quote[data-quote="${quote.id}"]`)].map((n) => n.textContent).join(''),
        mentions: document.querySelectorAll('#article mark.ent[data-f]').length,
        expectedMentions: result.entities.reduce((n, e) => n + e.mentions.length, 0),
      };
    });
    assert.equal(shown.text, long);
    assert.ok(shown.chunks > 2, `${shown.chunks} chunks`);
    assert.ok(shown.quote.text.length > 130_000, 'the long quote is found');
    assert.equal(shown.pieces, shown.quote.text, 'its pieces in all chunks make the whole quote');
    assert.equal(shown.mentions, shown.expectedMentions);
  });

  test('a readable error for a text over the limit', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${server.demoURL}?maxLength=1000`);
    await other.waitForFunction(() => document.body.dataset.state === 'error');
    assert.match(await other.textContent('#status'), /too long for the demo: 3,450 characters; the limit is 1,000/);
    await other.close();
  });

  test('the page stays responsive while a 5 MB text is analysed and shown', async (t) => {
    const big = `${sample}\n`.repeat(Math.ceil(5e6 / (sample.length + 1)));
    // The text crosses into the page once; the measurement runs inside the page.
    await page.evaluate((t) => { window.__big = t; }, big);
    const timing = await page.evaluate(async () => {
      let last = performance.now();
      let worst = 0;
      let running = true;
      const tick = () => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      await new Promise((ok) => requestAnimationFrame(ok));
      const t0 = performance.now();
      const box = document.getElementById('text');
      box.value = window.__big;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok, fail) => {
        const wait = () => {
          if (document.body.dataset.state === 'ready' && window.presslensDemo.text === window.__big) ok();
          else if (document.body.dataset.state === 'error') fail(new Error(document.getElementById('status').textContent));
          else if (performance.now() - t0 > 25_000) fail(new Error('no result after 25 s'));
          else setTimeout(wait, 20);
        };
        wait();
      });
      await new Promise((ok) => requestAnimationFrame(ok));
      running = false;
      return { worst, total: performance.now() - t0, steps: window.presslensDemo.steps, analysis: window.presslensDemo.ms };
    });
    t.diagnostic(`5 MB: longest frame gap ${Math.round(timing.worst)} ms; analysis ${Math.round(timing.analysis)} ms in the worker; main thread steps (ms) ${JSON.stringify(timing.steps)}`);
    assert.ok(timing.worst < 500, `the longest frame gap was ${Math.round(timing.worst)} ms (total ${Math.round(timing.total)} ms)`);
    assert.match(await page.textContent('#status'), /5,00\d,\d{3} characters/);
    assert.match(await page.textContent('#large-note'), /large text/);
    // Highlights are drawn near the screen; End jumps to the last finding, drawing its chunk.
    await page.focus('#article');
    await page.keyboard.press('End');
    const last = await page.evaluate(() => ({ f: Number(document.activeElement.dataset.f), chunks: document.querySelectorAll('#article .chunk').length }));
    assert.ok(last.f > 100_000, `last finding ${last.f}`);
    assert.ok(last.chunks > 1000);
    await page.evaluate(() => { delete window.__big; });
  });

  test('a hand-made result: Wikidata links, reported speech apart, hostile names shown as text', async () => {
    const { result, text } = await import(pathToFileURL(join(ROOT, 'tests/node/page-fixture.mjs')).href);
    const hostile = structuredClone(result);
    hostile.entities[3].name = '<img src=x onerror="window.__pwned = 10">Lavrov';
    hostile.quotes[2].speaker.name = '<script>window.__pwned = 11</script>';
    await page.evaluate(([t, r]) => window.presslensDemo.show(t, r), [text, hostile]);
    assert.equal(await waitShown(page, text), 'ready');
    await page.click('#tab-entities');
    const links = await page.evaluate(() => [...document.querySelectorAll('#entities a.wikidata')].map((a) => ({
      href: a.getAttribute('href'), target: a.target, rel: a.rel, text: a.textContent, entity: a.closest('li').querySelector('[data-entity]').dataset.entity,
    })));
    assert.deepEqual(links.map((l) => [l.entity, l.href, l.text]).sort(), [
      ['e0', 'https://www.wikidata.org/wiki/Q7968', 'Q7968'], ['e1', 'https://www.wikidata.org/wiki/Q148', 'Q148'], ['e2', 'https://www.wikidata.org/wiki/Q159', 'Q159'],
    ], 'a link for each well-formed QID, none for a malformed one');
    assert.ok(links.every((l) => l.target === '_blank' && /\bnoopener\b/.test(l.rel)));
    // Selecting a mention shows its id in the card too.
    await page.locator('#article mark.ent[data-f][data-entity="e0"]').dispatchEvent('click');
    assert.equal(await page.getAttribute('#selection a.wikidata', 'href'), 'https://www.wikidata.org/wiki/Q7968');

    const kinds = await page.evaluate(() => ({
      article: Object.fromEntries([...document.querySelectorAll('#article .quote[data-f]')].map((n) => [n.dataset.quote, [n.className, getComputedStyle(n).textDecorationStyle]])),
      panel: [...document.querySelectorAll('#said button.jump .kind')].map((n) => n.textContent),
    }));
    assert.deepEqual(kinds.article, { q0: ['quote direct', 'solid'], q1: ['quote mixed', 'dashed'], q2: ['quote indirect', 'dashed'] });
    assert.deepEqual(kinds.panel.sort(), ['direct', 'reported', 'reported + quoted']);
    const badges = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#article .cue[data-f]')]
      .map((n) => [n.dataset.cond, getComputedStyle(n, '::after').content])));
    assert.deepEqual(badges, { c0: 'none', c1: '"negated"', c2: 'none' }, 'a negated cue carries a badge');

    await page.click('#tab-network');
    const shown = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: document.querySelectorAll('.panels :is(script, img, iframe), #selection :is(script, img)').length,
      names: [...document.querySelectorAll('#network svg .node title')].map((t) => t.textContent),
      said: document.getElementById('said').textContent,
    }));
    assert.equal(shown.pwned, undefined);
    assert.equal(shown.elements, 0);
    assert.ok(shown.names.includes(hostile.entities[3].name) && shown.names.includes(hostile.quotes[2].speaker.name), 'markup in names is text');
    assert.ok(shown.said.includes('<script>window.__pwned = 11</script>'));
    await page.click('#tab-said');
  });

  test('no errors, dialogs or network requests outside the page', () => {
    assert.deepEqual(problems, []);
  });
});
