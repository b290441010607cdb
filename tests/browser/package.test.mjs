// The package in Chromium: <script type="module">, a Web Worker, the wasm fetched from its own
// URL, a page bundled by esbuild from `import { createAnalyzer } from 'presslens'` with no
// configuration, and a bundle that lacks the wasm file (a clear error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasChromium, launchBrowser, ROOT, startServer } from './harness.mjs';

const built = existsSync(join(ROOT, 'dist/presslens-core.mjs'));
const skip = !hasChromium ? 'no /usr/bin/chromium' : !built ? 'dist/ not built' : false;
const TEXT = '“Russia will 😀 win,” Putin said. China condemned the sanctions.';

// The page computes a summary the test compares with the same analysis in Node.
const CHECK = `
  const text = ${JSON.stringify(TEXT)};
  const ok = (r) => r.schema === 'presslens/1' && r.quotes.every((q) => text.slice(q.start, q.end) === q.text)
    && r.entities.every((e) => e.mentions.every((m) => text.slice(m.start, m.end) === m.text));
  const summary = (r) => JSON.stringify({ ok: ok(r), quotes: r.quotes.map((q) => q.text), entities: r.entities.map((e) => e.name) });`;

test('the package works in a page, in a Worker and bundled by esbuild', { skip }, async (t) => {
  const { createAnalyzer } = await import('../../wasm/index.mjs');
  const a = await createAnalyzer();
  const r = a.analyze(TEXT);
  a.dispose();
  const expected = { ok: true, quotes: r.quotes.map((q) => q.text), entities: r.entities.map((e) => e.name) };

  // esbuild bundles a consumer's page as if presslens were installed in its node_modules.
  const dir = mkdtempSync(join(tmpdir(), 'presslens-bundle-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules/presslens'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: `import { createAnalyzer } from 'presslens';${CHECK}
      createAnalyzer().then((a) => { document.title = 'RESULT ' + summary(a.analyze(text)); })
        .catch((e) => { document.title = 'ERROR ' + e.message; });`, resolveDir: dir },
    bundle: true, format: 'esm', platform: 'browser', outfile: join(dir, 'out/bundle.js'), logLevel: 'error',
  });
  // The streamed build bundled by a bundler that leaves its `new URL()` asset behind (esbuild
  // told the production condition): no wasm beside the bundle, and an error saying what to do.
  await esbuild.build({
    stdin: { contents: `import { createAnalyzer } from 'presslens';
      createAnalyzer().then(() => { document.title = 'RESULT loaded'; }, (e) => { document.title = 'ERROR ' + e.name + ': ' + e.message; });`, resolveDir: dir },
    bundle: true, format: 'esm', platform: 'browser', conditions: ['production'], outfile: join(dir, 'out/streamed.js'), logLevel: 'error',
  });

  const server = await startServer(ROOT, {
    '/t/module.html': `<script type="module">import { createAnalyzer } from '/wasm/index.mjs';${CHECK}
      const a = await createAnalyzer(); document.title = 'RESULT ' + summary(a.analyze(text));</script>`,
    '/t/worker.html': `<script type="module">${CHECK}
      const w = new Worker('/wasm/worker.mjs', { type: 'module' });
      w.onmessage = ({ data }) => { document.title = data.error ? 'ERROR ' + data.error.message : 'RESULT ' + summary(data.result); };
      w.postMessage({ id: 1, text });</script>`,
    '/t/wasmurl.html': `<script type="module">import { createAnalyzer } from '/wasm/index.mjs';${CHECK}
      const a = await createAnalyzer({ wasmURL: '/dist/presslens.wasm' }); document.title = 'RESULT ' + summary(a.analyze(text));</script>`,
    '/t/bundle.html': '<script type="module" src="/t/bundle.js"></script>',
    '/t/bundle.js': readFileSync(join(dir, 'out/bundle.js')),
    '/t/x/streamed.html': '<script type="module" src="/t/x/streamed.js"></script>',
    '/t/x/streamed.js': readFileSync(join(dir, 'out/streamed.js')),
  });
  const browser = await launchBrowser();
  t.after(async () => { await browser.close(); await server.close(); });
  for (const page of ['module', 'worker', 'wasmurl', 'bundle']) {
    const p = await browser.context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server.url}/t/${page}.html`);
    await p.waitForFunction(() => /^(RESULT|ERROR) /.test(document.title), null, { timeout: 20000 });
    const title = await p.title();
    assert.ok(title.startsWith('RESULT '), `${page}: ${title} ${errors.join('; ')}`);
    assert.deepEqual(JSON.parse(title.slice(7)), expected, page);
    await p.close();
  }
  const p = await browser.context.newPage();
  await p.goto(`${server.url}/t/x/streamed.html`);  // ../dist/ from there is not served
  await p.waitForFunction(() => /^(RESULT|ERROR) /.test(document.title), null, { timeout: 20000 });
  assert.match(await p.title(), /^ERROR WasmError: presslens: cannot load the package's presslens.wasm from \S+: HTTP 404: the bundle has no copy of it beside itself\. Import presslens\/inline/);
  await p.close();
});
