// examples/browser.html and examples/worker.html, served from the project as `npm run demo` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hasChromium, launchBrowser, ROOT, startServer } from './harness.mjs';

const skip = !hasChromium ? 'no /usr/bin/chromium' : !existsSync(join(ROOT, 'dist/presslens.wasm')) ? 'dist/ not built' : false;

test('the browser and worker examples show their findings', { skip }, async (t) => {
  const server = await startServer();
  const browser = await launchBrowser();
  t.after(async () => { await browser.close(); await server.close(); });
  const open = async (path) => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + path);
    await page.waitForFunction(() => document.title === 'presslens: done', null, { timeout: 20000 }).catch(() => {});
    assert.equal(await page.title(), 'presslens: done', `${path}: ${errors.join('; ')}`);
    return page;
  };
  const page = await open('/examples/browser.html');
  assert.deepEqual(await page.locator('#out li').allTextContents(),
    ['Ellen Park: “We will rebuild the bridge,”', 'Canada condemn → the missile test']);
  const worker = await open('/examples/worker.html');
  const counts = JSON.parse(await worker.locator('#out').textContent());
  assert.ok(counts.quotes > 5 && counts.condemnations > 0, JSON.stringify(counts));
});
