// examples/: the Node script and the command-line recipe run and print what they promise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

test('examples/node.mjs prints who said what and who condemned whom', () => {
  const out = execFileSync('node', [join(root, 'examples/node.mjs'), join(root, 'data/sample-article.txt')], { encoding: 'utf8' });
  assert.match(out, /^Wang Yi: “China will support Russia’s stable development/m);
  assert.match(out, /→ .*\(CAMEO 11\d+\)$/m);
});

test('examples/cli.sh: summary, JSON Lines, the condemnations and an HTML page', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-examples-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'articles'));
  copyFileSync(join(root, 'data/sample-article.txt'), join(dir, 'articles/one.txt'));
  writeFileSync(join(dir, 'articles/two.txt'), 'Canada condemned the missile test.');
  const out = execFileSync('sh', [join(root, 'examples/cli.sh'), 'articles'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, PRESSLENS: `node ${join(root, 'wasm/cli.mjs')}` },
  });
  assert.match(out, /^== articles\/one\.txt ==/m);
  assert.match(out, /^articles\/two\.txt: Canada -> the missile test$/m);
  assert.equal(readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n').length, 2);
  assert.match(readFileSync(join(dir, 'findings.html'), 'utf8'), /^<!doctype html>/i);
});
