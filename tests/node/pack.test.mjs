// `npm pack` output installed into an empty folder with no network: import, require, the CLI,
// the TypeScript declarations, and zero runtime dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'presslens-pack-'));
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', ...opts });

test('the packed package installs offline and works from import, require and npx', async (t) => {
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir, root], { cwd: root }));
  const files = info.files.map((f) => f.path);
  for (const file of ['dist/presslens-core.mjs', 'dist/presslens.wasm', 'dist/presslens-wasm.mjs', 'wasm/index.d.mts']) {
    assert.ok(files.includes(file), `${file} is in the package`);
  }
  assert.ok(!files.some((f) => f.endsWith('.cc') || f.startsWith('tests/')), 'no sources or tests in the package');
  // Every relative link of the documents in the package points into the package.
  for (const doc of ['README.md', 'docs/schema.md', 'CHANGELOG.md']) {
    assert.ok(files.includes(doc), `${doc} is in the package`);
    const text = readFileSync(join(root, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const path = join(doc, '..', target).replace(/\/$/, '');
      assert.ok(files.some((f) => f === path || f.startsWith(`${path}/`)), `${doc} links ${target}, which is in the package`);
    }
  }

  writeFileSync(join(dir, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}');
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, info.filename)]);
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/presslens/package.json'), 'utf8'));
  assert.deepEqual(pkg.dependencies ?? {}, {}, 'zero runtime dependencies');

  const text = 'Chinese Foreign Minister Wang Yi said that “China will support Russia.”';
  writeFileSync(join(dir, 'esm.mjs'), `import { createAnalyzer } from 'presslens';
const a = await createAnalyzer(); const r = a.analyze(${JSON.stringify(text)});
const q = r.quotes[0]; console.log(JSON.stringify([r.schema, q.text, ${JSON.stringify(text)}.slice(q.start, q.end)]));`);
  writeFileSync(join(dir, 'cjs.cjs'), `const { createAnalyzer } = require('presslens');
createAnalyzer().then((a) => { const r = a.analyze(${JSON.stringify(text)}); console.log(JSON.stringify([r.schema, r.quotes[0].text])); });`);
  const expected = 'China will support Russia.';
  assert.deepEqual(JSON.parse(run('node', ['esm.mjs'])), ['presslens/1', expected, expected]);
  assert.deepEqual(JSON.parse(run('node', ['cjs.cjs'])), ['presslens/1', expected]);
  assert.match(run('npx', ['--offline', 'presslens', '--json'], { input: text }), /"schema":"presslens\/1"/);

  // The declarations type-check a consumer's code (and reject a wrong field).
  const tsc = join(root, 'node_modules/.bin/tsc');
  const tsOpts = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false'];
  writeFileSync(join(dir, 'use.mts'), `import { createAnalyzer, type Result, TextTooLargeError } from 'presslens';
const a = await createAnalyzer({ lexicon: [{ name: 'Acme', type: 'ORG', aliases: ['ACME'] }] });
const r: Result = a.analyze('x');
const who: string | undefined = r.quotes[0]?.speaker?.name;
const cameo: string | undefined = r.condemnations[0]?.cue.cameo;
const e = new TextTooLargeError('m'); const code: string = e.code;
console.log(who, cameo, code, r.entities.map((x) => x.mentions[0].text)); a.dispose();`);
  writeFileSync(join(dir, 'use.cts'), `import presslens = require('presslens');
presslens.createAnalyzer().then((a) => { const n: number = a.analyze('x').quotes.length; console.log(n); });`);
  run(tsc, [...tsOpts, 'use.mts', 'use.cts']);
  writeFileSync(join(dir, 'bad.mts'), `import { createAnalyzer } from 'presslens';
const a = await createAnalyzer(); const n: number = a.analyze('x').quotes[0].speakerName;`);
  assert.throws(() => run(tsc, [...tsOpts, 'bad.mts'], { stdio: 'pipe' }),
    (e) => /speakerName/.test(e.stdout) && /does not exist on type 'Quote'/.test(e.stdout));

  // Each module resolution a consumer may use finds declarations with what it imports: node16
  // ESM and CommonJS, bundler (with the ./inline and ./worker subpaths), and node10 (TypeScript
  // 5; 7 removed it), which reads the top-level "types": the CommonJS ones, with load().
  const common = ['--noEmit', '--strict', '--target', 'es2022', '--skipLibCheck', 'false'];
  run(tsc, [...common, '--module', 'node16', '--moduleResolution', 'node16', 'use.mts', 'use.cts']);
  writeFileSync(join(dir, 'bundler.ts'), `import { createAnalyzer, InvalidArgumentError } from 'presslens';
import { createAnalyzer as inlined } from 'presslens/inline';
import 'presslens/worker';
export const both: Promise<unknown>[] = [createAnalyzer({ wasmURL: new URL('https://example.org/p.wasm') }), inlined()];
export const code: string = new InvalidArgumentError('m').code;`);
  run(tsc, [...common, '--module', 'esnext', '--moduleResolution', 'bundler', 'bundler.ts']);
  writeFileSync(join(dir, 'node10.ts'), `import presslens = require('presslens');
presslens.load().then((m) => { const e = new m.TextTooLargeError('x'); const c: string = e.code; console.log(c); });
presslens.createAnalyzer({ maxLength: 10 }).then((a) => { const n: number = a.analyze('x').quotes.length; console.log(n); });`);
  run(join(root, 'node_modules/typescript5/bin/tsc'), [...common, '--module', 'commonjs', '--moduleResolution', 'node10', 'node10.ts']);
});
