// The consumer matrix: the packed package installed offline in a fresh project, one page +
// worker built with each bundler (tests/browser/consumers.mjs), opened in Chromium. Page and
// worker both give the sample article's result as Node does; each build emits one copy of the
// wasm and the browser fetches that one copy. Vite's dev server serves the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildConsumers, BUNDLERS, carriesWasm, emitted } from './consumers.mjs';
import { hasChromium, launchBrowser, ROOT, startServer } from './harness.mjs';

const built = existsSync(join(ROOT, 'dist/presslens-core.mjs'));
const skip = !hasChromium ? 'no /usr/bin/chromium' : !built ? 'dist/ not built' : false;
const sample = readFileSync(join(ROOT, 'data/sample-article.txt'), 'utf8');

test('Vite, webpack, esbuild, Rollup and an import-map page: page and worker give the Node result from one wasm copy', { skip }, async (t) => {
  const { createAnalyzer } = await import('../../wasm/node.mjs');
  const analyzer = await createAnalyzer();
  const expected = analyzer.analyze(sample);
  analyzer.dispose();
  assert.ok(expected.quotes.length > 0 && expected.condemnations.length > 0, 'the sample has quotes and condemnations');

  const dir = mkdtempSync(join(tmpdir(), 'presslens-consumers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const consumers = buildConsumers(dir);
  const browser = await launchBrowser();
  t.after(() => browser.close());

  // Opens the page at `url`; page and worker must give the Node result.
  const check = async (url) => {
    const p = await browser.context.newPage();
    try {
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(url);
      await p.waitForFunction(() => /^(DONE|ERROR)/.test(document.title), null, { timeout: 30000 });
      assert.equal(await p.title(), 'DONE', errors.join('; '));
      const results = await p.evaluate(() => window.presslensResults);
      assert.deepEqual(results.page, expected, 'page result');
      assert.deepEqual(results.worker, expected, 'worker result');
    } finally {
      await p.close();
    }
  };

  for (const bundler of BUNDLERS) {
    await t.test(bundler, async () => {
      const { root, page } = consumers[bundler];
      if (bundler !== 'importmap') assert.equal(emitted(root).wasmCopies, 1, 'the build emits one copy of the wasm');
      const wasmRequests = new Set();
      const server = await startServer(root, { '/sample.txt': sample }, (path) => {
        const file = join(root, path);
        if (existsSync(file) && !path.endsWith('/') && carriesWasm(path, readFileSync(file).toString('latin1'))) wasmRequests.add(path);
      });
      try {
        await check(server.url + page);
        assert.equal(wasmRequests.size, 1, `one copy of the wasm is fetched: ${[...wasmRequests]}`);
      } finally {
        await server.close();
      }
    });
  }

  // Vite's dev server pre-bundles presslens into node_modules/.vite/deps; the wasm must still load.
  await t.test('vite dev server', async () => {
    const src = join(dir, 'vite');
    mkdirSync(join(src, 'public'));
    writeFileSync(join(src, 'public/sample.txt'), sample);
    const { createServer } = await import(pathToFileURL(join(dir, 'node_modules/vite/dist/node/index.js')).href);
    const vite = await createServer({ root: src, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
    await vite.listen();
    try {
      await check(vite.resolvedUrls.local[0]);
    } finally {
      await vite.close();
    }
  });
});
