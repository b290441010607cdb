// The browser extension (dist/extension) in headless Chromium: article pages served from
// 127.0.0.1 (tests/browser/pages: bylines, navigation, ads, comments, links in the text), the
// toolbar button pressed (CDP Extensions.triggerAction: the same click a user makes, with its
// activeTab grant), the highlights and the side panel checked against the package's own
// analyze() of the article text, links, layout and selection intact, removal restoring the
// page's DOM exactly, JSON export, a hostile page and a 5 MB page. A screenshot goes to
// test-results/. Skips when Chromium, the build, or Chromium's extension loading is missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_ARGS, CHROMIUM, hasChromium, ROOT, startServer } from './harness.mjs';

const BUILT = join(ROOT, 'dist/extension');
const hasPlaywright = existsSync(join(ROOT, 'node_modules/playwright-core'));
const skip = !hasChromium ? 'Chromium is not installed (/usr/bin/chromium)'
  : !hasPlaywright ? 'playwright-core is not installed (npm install)'
    : !existsSync(join(BUILT, 'manifest.json')) ? 'dist/extension is not built (npm run build)' : false;
const RESULTS = join(ROOT, 'test-results');
const PAGES = join(ROOT, 'tests/browser/pages');

// A page whose text tries to be markup, with markup a parser has to repair.
const HOSTILE = `<!doctype html><html><head><title>Hostile &lt;script&gt; test</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council row over &lt;script&gt;alert(1)&lt;/script&gt; in the minutes</h1>
<p>Councillor Nadia Petrov condemned the mayor on Friday. “Someone typed &lt;img src=x onerror="window.pwned=1"&gt; into the official minutes,” Petrov said.</p>
<p>The mayor, Viktor Hale, said that &lt;b&gt;nobody&lt;/b&gt; at City Hall had touched the file &amp; that the clerk's office would check it.
<p>Clerk <b>Ines <i>Moreau</b> said</i> the file was restored. “We keep a backup of every page, even the 𝔣𝔞𝔫𝔠𝔶 ones 🙂,” Moreau said.
<div><span><span><span>“It was a prank,” said police spokesman Arno Lind, who added that <u>no crime</u> was committed.</span></span></span></div>
<p>Sources in the council said the row would continue at Monday's session‮ with reversed text‬ and a long word ${'x'.repeat(3000)}.</p>
</article><footer>© City Gazette</footer></body></html>`;

// An article too short for Readability's first pass: it retries on a re-parsed copy, whose text
// nodes are new ones, matched to the page's by their text. An inline SVG label stays as it is.
const SHORT = `<!doctype html><html><head><title>Brief</title></head><body><nav><a href="/">Home</a></nav>
<main><h1>Port reopens</h1><p>“The port is open again,” said harbour master Ivo Stern on Sunday.</p>
<p>Stern thanked the crews. <svg width="60" height="20"><text x="0" y="15">Ivo Stern</text></svg></p></main></body></html>`;

// About 5 MB of article: paragraphs of reported and quoted speech, inside an article element.
function hugePage() {
  const names = ['Paulo Renzi', 'Elena Marsh', 'Tomas Greer', 'Grace Adeyemi', 'Robert Lindqvist', 'Helen Brandt'];
  const places = ['Ardenia', 'Kestova', 'Geneva', 'Vienna', 'Dunmore', 'Veltran'];
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const who = names[i % names.length];
    const where = places[(i * 7) % places.length];
    const p = `<p>In ${where} on day ${i}, ${who} condemned the decision of the port authority. “We cannot accept report number ${i},” ${who} told reporters, and said that the inquiry in ${places[(i + 1) % places.length]} would go on.</p>\n`;
    paragraphs.push(p);
    size += p.length;
  }
  return `<!doctype html><html><head><title>The complete record</title></head><body><nav><a href="/">Home</a></nav><article><h1>The complete record</h1>${paragraphs.join('')}</article></body></html>`;
}

describe('browser extension', { skip }, () => {
  let server;
  let context;
  let profile;
  let dir;
  let worker;          // the extension's service worker
  let cdp;             // a browser-level DevTools session
  let extensionId;
  let analyzer;
  let unavailable = '';
  const problems = [];

  before(async () => {
    const { chromium } = await import('playwright-core');
    const { createAnalyzer } = await import(join(ROOT, 'wasm/index.mjs'));
    analyzer = await createAnalyzer();
    // A copy of the build, so a rebuild during the run changes nothing under test.
    dir = mkdtempSync(join(tmpdir(), 'presslens-extension-'));
    cpSync(BUILT, dir, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'presslens-chromium-'));
    server = await startServer(PAGES, { '/hostile.html': HOSTILE, '/short.html': SHORT, '/huge.html': hugePage() });
    // Extensions need Chromium's new headless mode, which playwright starts with headless: false
    // and --headless=new; Extensions.triggerAction needs --enable-unsafe-extension-debugging.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: false, acceptDownloads: true, viewport: { width: 1100, height: 800 },
      args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`,
        '--enable-unsafe-extension-debugging', ...BROWSER_ARGS],
    });
    worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => null);
    if (!worker) { unavailable = 'this Chromium did not load the unpacked extension'; return; }
    extensionId = new URL(worker.url()).host;
    worker.on('console', (m) => { if (m.type() === 'error') problems.push(`service worker: ${m.text()}`); });
    cdp = await context.browser().newBrowserCDPSession();
    const { extensions } = await cdp.send('Extensions.getExtensions').catch(() => ({ extensions: [] }));
    if (!extensions.some((e) => e.id === extensionId)) unavailable = 'this Chromium has no CDP Extensions domain to press the toolbar button';
  });

  after(async () => {
    await context?.close();
    await server?.close();
    analyzer?.dispose();
    for (const d of [profile, dir]) if (d) rmSync(d, { recursive: true, force: true });
    assert.deepEqual(problems, [], 'no page or extension errors');
  });

  async function open(path) {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    await page.goto(`${server.url}${path}`);
    return page;
  }

  // Presses the toolbar button in `page`'s tab, as a click does (on the tab in front).
  async function press(page) {
    await page.bringToFront();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  }

  const tabIdOf = (page) => worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  const stateOf = (tabId, field) => worker.evaluate(async ([id, key]) => {
    const state = await chrome.tabs.sendMessage(id, { type: 'presslens:get-state' }).catch(() => null);
    return key ? state?.[key] : state;
  }, [tabId, field]);

  // Waits for the content script of tab `tabId` to reach a status in `want`; returns its state.
  // With `page` (a first press just made): the content script registers its listener as soon as
  // it is injected, so no answer for 10 s means the toolbar click never reached the extension
  // (seen on a loaded machine); the click is made once more, and the button's tooltip, which
  // names any error, is part of the failure message.
  async function waitState(tabId, want, timeout = 30_000, page = null) {
    const started = Date.now(), until = started + timeout;
    let pressedAgain = false;
    for (;;) {
      const status = await stateOf(tabId, 'status');
      if (want.includes(status)) return stateOf(tabId);
      if (Date.now() > until) {
        const title = await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId).catch(() => '?');
        throw new Error(`extension state ${status}, waited for ${want} (pressed again: ${pressedAgain}; button: ${title})`);
      }
      if (page && status === undefined && !pressedAgain && Date.now() - started > 10_000) {
        pressedAgain = true;
        await press(page);
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  // The page's DOM without the extension's elements, and the geometry of its blocks.
  const snapshotPage = (page) => page.evaluate(() => {
    const elements = [...document.body.querySelectorAll('*')].filter((e) => !e.tagName.startsWith('PRESSLENS-'));
    return {
      html: document.body.innerHTML,
      // Boxes of their own (inline content moves along the line as highlights take room).
      blocks: elements.filter((e) => e instanceof HTMLElement && /^(block|flex|grid|list-item|table)/.test(getComputedStyle(e).display)).map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName} ${Math.round(r.left)} ${Math.round(r.width)}`;
      }),
      tags: elements.map((e) => e.tagName).join(' '),
    };
  });

  // The highlights in the page, joined across their pieces: { 'mention:e1:0': text, ... }.
  const highlightsIn = (page) => page.evaluate(() => {
    const found = {};
    const add = (key, node) => { found[key] = (found[key] ?? '') + node.textContent; };
    for (const n of document.querySelectorAll('presslens-mark')) add(`mention:${n.dataset.entity}:${n.dataset.mention}`, n);
    for (const n of document.querySelectorAll('presslens-quote')) add(`quote:${n.dataset.quote}`, n);
    for (const n of document.querySelectorAll('presslens-cue')) for (const id of n.dataset.cond.split(' ')) add(`cue:${id}`, n);
    for (const n of document.querySelectorAll('presslens-target')) add(`target:${n.dataset.cond}`, n);
    for (const n of document.querySelectorAll('presslens-actor')) {
      for (const id of n.dataset.speakerOf?.split(' ') ?? []) add(`speaker:${id}`, n);
      for (const id of n.dataset.sourceOf?.split(' ') ?? []) add(`source:${id}`, n);
    }
    const who = {};
    for (const n of document.querySelectorAll('presslens-quote[data-who]')) {
      if (who[n.dataset.quote]) who[n.dataset.quote] = 'labelled twice';
      else who[n.dataset.quote] = n.dataset.who;
    }
    return { found, who };
  });

  // test-results/extension.png: the page and, beside it, the side panel.
  async function screenshot(page, panel) {
    const left = await page.evaluate(() => {
      getSelection().removeAllRanges();
      scrollTo(0, 0);
      return Math.max(0, document.querySelector('article').getBoundingClientRect().left - 20);
    });
    await panel.setViewportSize({ width: 400, height: 640 });
    const { scrollWidth, clientWidth } = await panel.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, 'the panel fits a 400 px side panel');
    const shots = [await page.screenshot({ clip: { x: left, y: 60, width: 860, height: 640 } }), await panel.screenshot()];
    const sheet = await context.newPage();
    await sheet.setViewportSize({ width: 1262, height: 640 });
    await sheet.setContent(`<body style="margin:0;display:flex">${shots.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}" style="display:block;border-right:1px solid #999">`).join('')}</body>`);
    mkdirSync(RESULTS, { recursive: true });
    await sheet.screenshot({ path: join(RESULTS, 'extension.png') });
    await sheet.close();
    await panel.setViewportSize({ width: 1100, height: 800 });
  }

  const squash = (s) => s.replace(/\s+/g, '');

  // What the page must show for `result` of `text`.
  function expectedHighlights(text, result) {
    const found = {};
    for (const e of result.entities) e.mentions.forEach((m, i) => { found[`mention:${e.id}:${i}`] = text.slice(m.start, m.end); });
    for (const q of result.quotes) {
      found[`quote:${q.id}`] = text.slice(q.start, q.end);
      if (q.speaker) found[`speaker:${q.id}`] = text.slice(q.speaker.start, q.speaker.end);
    }
    for (const c of result.condemnations) {
      if (c.source) found[`source:${c.id}`] = text.slice(c.source.start, c.source.end);
      found[`cue:${c.id}`] = text.slice(c.cue.start, c.cue.end);
      found[`target:${c.id}`] = text.slice(c.target.start, c.target.end);
    }
    return found;
  }

  // Presses the button on `path`, checks the highlights against analyze() of the extracted text,
  // and returns what the test goes on with.
  async function analysePage(path, { leftOut = [], kept = [] } = {}) {
    const page = await open(path);
    const before = await snapshotPage(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await press(page);
    const tabId = await tabIdOf(page);
    assert.ok(tabId, 'the click grants the extension the tab (activeTab)');
    const state = await waitState(tabId, ['done', 'error'], 30_000, page);
    assert.equal(state.status, 'done', state.error);
    assert.deepEqual(requests, [], 'the page makes no request while analysed');
    for (const s of leftOut) assert.ok(!state.text.includes(s), `Readability leaves out ${JSON.stringify(s)}`);
    for (const s of kept) assert.ok(state.text.includes(s), `the article text has ${JSON.stringify(s)}`);
    const result = analyzer.analyze(state.text);
    assert.deepEqual(state.result, result, 'the extension shows what analyze() finds in the article text');
    const { found, who } = await highlightsIn(page);
    const want = expectedHighlights(state.text, result);
    assert.deepEqual(Object.keys(found).sort(), Object.keys(want).sort(), 'one highlight per finding');
    for (const [key, value] of Object.entries(want)) assert.equal(squash(found[key]), squash(value), `${key} covers its text`);
    const names = new Map(result.entities.map((e) => [e.id, e.name]));
    for (const q of result.quotes) {
      assert.equal(who[q.id], q.speaker ? (q.speaker.entity && names.get(q.speaker.entity)) || q.speaker.name : undefined, `${q.id} is labelled once, with its speaker`);
    }
    const after = await snapshotPage(page);
    assert.equal(after.tags, before.tags, 'no element of the page is added, lost or replaced');
    assert.deepEqual(after.blocks, before.blocks, 'no block of the page moves or changes width');
    return { page, tabId, state, result, before };
  }

  // Presses the button again: the page's DOM is what it was.
  async function pressToClear(page, tabId, before) {
    await press(page);
    await waitState(tabId, ['off']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('presslens-mark, presslens-quote, presslens-cue').length), 0);
    assert.equal((await snapshotPage(page)).html, before.html, 'the DOM is restored exactly');
  }

  async function openPanel(tabId) {
    const panel = await context.newPage();
    panel.on('pageerror', (e) => problems.push(`panel: ${e.message}`));
    panel.on('console', (m) => { if (m.type() === 'error') problems.push(`panel console: ${m.text()}`); });
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
    await panel.waitForFunction(() => document.body.dataset.state === 'done');
    return panel;
  }

  test('a news page: the article is highlighted as analyze() finds it; links, layout and selection hold; a second click restores it', async (t) => {
    if (unavailable) return t.skip(unavailable);
    const { page, tabId, state, result, before } = await analysePage('/harbour-talks.html', {
      leftOut: ['Most read', 'reader_77', 'disgrace', 'Subscribe now', 'Sponsored', 'Privacy', 'Politics'],
      kept: ['Ministers from Ardenia', 'Talks resume in Vienna next week'],
    });
    assert.ok(result.quotes.length >= 3 && result.condemnations.length >= 1 && result.entities.length >= 5, 'the sample has findings');
    // The link inside the article: still the same link, with its highlight inside it, and a
    // click on the highlight lands on the link.
    const link = await page.evaluate(() => {
      const a = document.getElementById('inline-link');
      const mark = a.querySelector('presslens-mark');
      const r = mark.getBoundingClientRect();
      a.scrollIntoView({ block: 'center' });
      const r2 = mark.getBoundingClientRect();
      const hit = document.elementFromPoint(r2.left + r2.width / 2, r2.top + r2.height / 2);
      return { href: a.getAttribute('href'), text: a.textContent, marked: r.width > 0, hitsLink: hit?.closest('a') === a };
    });
    assert.deepEqual(link, { href: '/tags/united-nations', text: 'United Nations', marked: true, hitsLink: true });
    // Selecting a paragraph selects its text, highlights or not.
    const selected = await page.evaluate(() => {
      const p = document.getElementById('inline-link').closest('p');
      getSelection().selectAllChildren(p);
      return { selected: getSelection().toString(), text: p.textContent };
    });
    assert.equal(selected.selected.replace(/\s+/g, ' '), selected.text.replace(/\s+/g, ' '));
    // The side panel: the three lists, each entry showing its place in the page, and export.
    const panel = await openPanel(tabId);
    await screenshot(page, panel);
    const lists = await panel.evaluate(() => ({
      quotes: document.querySelectorAll('#said button[data-quote]').length,
      conds: document.querySelectorAll('#condemned button[data-cond]').length,
      entities: document.querySelectorAll('#entities button[data-entity]').length,
      status: document.getElementById('status').textContent,
    }));
    assert.equal(lists.quotes, result.quotes.length);
    assert.equal(lists.conds, result.condemnations.length);
    assert.equal(lists.entities, result.entities.length);
    assert.match(lists.status, new RegExp(`${result.quotes.length} quotes?`));
    // The first quote is out of sight at the bottom of the page; its entry brings it into view.
    const first = result.quotes[0];
    const outOfSight = await page.evaluate((id) => {
      scrollTo(0, document.body.scrollHeight);
      return document.querySelector(`presslens-quote[data-quote="${id}"]`).getBoundingClientRect().bottom < 0;
    }, first.id);
    assert.ok(outOfSight);
    await panel.click(`#said button[data-quote="${first.id}"]`);
    await page.waitForFunction((id) => {
      const n = document.querySelector('[data-presslens-focus]');
      const r = n?.getBoundingClientRect();
      return n?.dataset.quote === id && r.top >= 0 && r.bottom <= innerHeight;
    }, first.id);
    await panel.click('#tab-condemned');
    const cond = result.condemnations[0];
    await panel.click(`#condemned button[data-cond="${cond.id}"]`);
    await page.waitForFunction((id) => document.querySelector('[data-presslens-focus]')?.dataset.cond === id, cond.id);
    await panel.click('#tab-entities');
    const many = result.entities.find((e) => e.mentions.length > 1);
    await panel.click(`#entities button[data-entity="${many.id}"]`);
    await panel.click(`#entities button[data-entity="${many.id}"]`);
    // The second click on a name shows its second mention.
    await page.waitForFunction((id) => { const n = document.querySelector('[data-presslens-focus]'); return n?.dataset.entity === id && n.dataset.mention === '1'; }, many.id);
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('#export')]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(exported.result, result);
    assert.equal(exported.text, state.text);
    assert.equal(exported.url, page.url());
    await panel.close();

    await pressToClear(page, tabId, before);
    // And again: the page can be analysed anew.
    await press(page);
    await waitState(tabId, ['done'], 30_000, page);
    const again = (await highlightsIn(page)).found;
    assert.deepEqual(Object.keys(again).sort(), Object.keys(expectedHighlights(state.text, result)).sort());
    await pressToClear(page, tabId, before);
    await page.close();
  });

  test('a page of a different build: figure, blockquote, lists and inline markup; the panel\'s Clear restores it', async (t) => {
    if (unavailable) return t.skip(unavailable);
    const { page, tabId, result, before } = await analysePage('/clinic-strike.html', {
      leftOut: ['Log in', 'Newsletter', 'Win a weekend', 'Pay them what', '12 comments', 'All rights reserved', 'Weather'],
      kept: ['More than four hundred nurses', 'We did not want this', 'declined to comment'],
    });
    assert.ok(result.quotes.some((q) => q.speaker), 'quotes are attributed');
    // A quote that runs through a link is drawn in pieces: before, inside and after the link.
    const pieces = await page.evaluate(() => {
      const a = document.getElementById('quote-link');
      const quote = a.querySelector('presslens-quote')?.dataset.quote;
      return { quote, inLink: a.children.length, around: [a.previousSibling, a.nextSibling].map((n) => n?.closest?.('presslens-quote')?.dataset.quote ?? n?.parentElement?.closest('presslens-quote')?.dataset.quote) };
    });
    assert.ok(pieces.quote, 'the link holds a piece of the quote');
    assert.equal(pieces.inLink, 1);
    assert.deepEqual(pieces.around, [pieces.quote, pieces.quote]);
    const panel = await openPanel(tabId);
    await panel.click('#clear');
    await panel.waitForFunction(() => document.body.dataset.state === 'off');
    assert.equal((await snapshotPage(page)).html, before.html, 'the DOM is restored exactly');
    await panel.close();
    await page.close();
  });

  test('a hostile page: text that looks like markup stays text, odd markup is handled', async (t) => {
    if (unavailable) return t.skip(unavailable);
    const { page, tabId, state, before } = await analysePage('/hostile.html', { kept: ['<img src=x onerror="window.pwned=1">', '🙂'] });
    assert.ok(state.text.includes('<script>alert(1)</script>') || state.text.includes('Someone typed'), 'the article text is read');
    const page2 = await page.evaluate(() => ({
      pwned: window.pwned ?? null, scripts: document.scripts.length, images: document.images.length,
    }));
    assert.deepEqual(page2, { pwned: null, scripts: 0, images: 0 });
    const panel = await openPanel(tabId);
    const injected = await panel.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, pwned: window.pwned ?? null }));
    assert.deepEqual(injected, { scripts: 1, images: 0, pwned: null });
    await panel.close();
    await pressToClear(page, tabId, before);
    await page.close();
  });

  test('a short article (re-created text nodes matched by their text), with an SVG label left alone', async (t) => {
    if (unavailable) return t.skip(unavailable);
    const { page, tabId, state, result, before } = await analysePage('/short.html', { kept: ['The port is open again', 'Stern thanked the crews.'] });
    assert.ok(result.quotes.length >= 1 && result.entities.length >= 1);
    assert.ok(!state.text.includes('Stern thanked the crews. Ivo Stern'), 'SVG text is not part of the article text');
    assert.equal(await page.evaluate(() => document.querySelector('svg text').innerHTML), 'Ivo Stern');
    await pressToClear(page, tabId, before);
    await page.close();
  });

  test('a page the extension may not read: the button shows why', async (t) => {
    if (unavailable) return t.skip(unavailable);
    const page = await context.newPage();
    await page.goto('chrome://version/');
    await press(page);
    const badge = () => worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
    });
    let shown = await badge();
    for (let i = 0; i < 50 && shown.text === ''; i++) shown = await badge();
    assert.equal(shown.text, '!');
    assert.match(shown.title, /^presslens cannot read this page: /);
    await page.close();
  });

  test('a 5 MB page: the first 1,000,000 characters are analysed and highlighted, and the panel says so', async (t) => {
    if (unavailable) return t.skip(unavailable);
    const page = await open('/huge.html');
    const html = await page.evaluate(() => document.body.innerHTML);
    await press(page);
    const tabId = await tabIdOf(page);
    const state = await waitState(tabId, ['done', 'error'], 120_000, page);
    assert.equal(state.status, 'done', state.error);
    assert.equal(state.truncated, true);
    assert.ok(state.text.length <= 1_000_000 && state.text.length > 900_000, `analysed ${state.text.length} characters`);
    assert.ok(state.length > 4_500_000, `of ${state.length}`);
    const result = analyzer.analyze(state.text);
    assert.equal(state.result.quotes.length, result.quotes.length);
    assert.equal(state.result.condemnations.length, result.condemnations.length);
    const drawn = await page.evaluate(() => document.querySelectorAll('presslens-quote[data-who]').length);
    assert.equal(drawn, result.quotes.filter((q) => q.speaker).length, 'every attributed quote is drawn');
    const panel = await openPanel(tabId);
    assert.match(await panel.textContent('#status'), /first 1,000,000 characters|first [\d,]+ characters of [\d,]+/);
    await panel.close();
    await press(page);
    await waitState(tabId, ['off'], 60_000);
    assert.equal(await page.evaluate(() => document.body.innerHTML), html, 'the DOM is restored exactly');
    await page.close();
  });
});
