// The command line: summary, --json (JSON Lines), --html, stdin, --help, Unix exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

test('--json carries what the knowledge base knows: ids, countries, the country an actor stands for', () => {
  const r = run(['--json'], 'Vladimir Putin met Chinese officials, the Kremlin said.');
  assert.equal(r.status, 0, r.stderr);
  const byName = new Map(JSON.parse(r.stdout).entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Vladimir Putin').wikidata, 'Q7747');
  assert.equal(byName.get('Vladimir Putin').country, 'Russia');
  assert.equal(byName.get('Chinese').wikidata, 'Q148');  // a NORP: its country's id
  assert.equal(byName.get('Kremlin').refersTo, 'Russia');
  assert.equal(byName.get('Kremlin').wikidata, undefined);  // never its country's id
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

test('a file that is not text is reported once and skipped, the others still analysed, exit 1', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const withNul = join(dir, 'program.bin');
  writeFileSync(withNul, Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01'), Buffer.alloc(64), Buffer.from('Putin said "no."')]));
  const notUtf8 = join(dir, 'noise.dat');  // bytes 0x80-0xFF: none of them starts a UTF-8 character
  writeFileSync(notUtf8, Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i * 37) % 128)));
  const r = run(['--json', withNul, notUtf8, sample]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `presslens: ${withNul}: not a text file (binary data or not UTF-8), skipped\n`
    + `presslens: ${notUtf8}: not a text file (binary data or not UTF-8), skipped\n`);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'the sample is still analysed');
  assert.equal(JSON.parse(r.stdout).file, sample);
});

test('text with a few bytes that are not UTF-8, or UTF-16 with a byte order mark, is analysed', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const latin1 = join(dir, 'latin1.txt');
  writeFileSync(latin1, Buffer.from('The caf\xe9 owner, Marie Dupont, said: "We are open."', 'latin1'));
  const utf16 = join(dir, 'utf16.txt');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from('Russia condemned the sanctions.', 'utf16le')]));
  const r = run(['--json', latin1, utf16]);
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = r.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(a.quotes[0].text, 'We are open.');
  assert.equal(b.condemnations[0].cue.lemma, 'condemn');
});

test('a text over the limit names the file once and suggests --max-length; a bad --max-length exits 2', () => {
  const r = run(['--max-length', '100', sample]);
  assert.equal(r.status, 1);
  // The file named once, the prefix once (the checkout's own path may contain "presslens").
  const message = r.stderr.split(sample).join('FILE');
  assert.match(message, /^presslens: FILE: too long: \d+ characters, the limit is 100 \(raise it with --max-length\), skipped\n$/);
  assert.equal(message.match(/presslens/g).length, 1, 'the prefix appears once');
  assert.equal(run(['--max-length=100000', sample]).status, 0);
  for (const bad of [['--max-length'], ['--max-length', 'ten'], ['--max-length=-1'], ['--max-length', '99999999999']]) {
    const u = run(bad);
    assert.equal(u.status, 2, bad.join(' '));
    assert.match(u.stderr, /^presslens: option '--max-length' requires a number of characters from 0 to \d+\nTry 'presslens --help'/);
  }
});

test('an --html path that cannot be written: one line naming it, exit 1', () => {
  const r = run(['--html', '/nonexistent/dir/out.html', sample]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'presslens: cannot write /nonexistent/dir/out.html: No such file or directory\n');
});
