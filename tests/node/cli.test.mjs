// The command line: summary, --json (JSON Lines), --html, stdin, --help, Unix exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../../wasm/cli.mjs', import.meta.url).pathname;
const sample = new URL('../../data/sample-article.txt', import.meta.url).pathname;
const run = (args, input) => spawnSync('node', [cli, ...args], { input, encoding: 'utf8' });

test('a file gives a readable summary of who said what and who condemned whom', () => {
  const r = run([sample]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^== .*sample-article.txt ==/);
  assert.match(r.stdout, /Who said what:\n/);
  assert.match(r.stdout, /Who condemned whom:\n.*condemn→ .*unlawful sanctions/s);
});

test('stdin, and --json gives one JSON object per file', () => {
  const one = run(['--json'], 'Russia condemned the sanctions.');
  assert.equal(one.status, 0);
  assert.equal(JSON.parse(one.stdout).schema, 'presslens/1');
  const many = run(['--json', sample, sample]);
  const lines = many.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.equal(JSON.parse(lines[1]).file, sample);
});

test('a missing file: message on stderr, the others still analysed, exit 1', () => {
  const r = run(['--json', '/nonexistent/x.txt', sample]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'presslens: /nonexistent/x.txt: No such file or directory\n');
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('usage errors exit 2; --help exits 0', () => {
  const bad = run(['--frobnicate']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unrecognized option '--frobnicate'/);
  assert.equal(run(['--html']).status, 2);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: presslens/);
});

test('--html writes a page where article markup is escaped text', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'out.html');
  const evil = 'Putin said "<script>alert(1)</script>" and <img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a></textarea>';
  const r = run(['--html', out, '-'], evil);
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.ok(!html.includes('<script>') && !html.includes('<img') && !html.includes('<a href'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && html.includes('&lt;/textarea&gt;'));
});
