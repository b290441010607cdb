// `presslens batch` and batch(): input order, jobs, bad lines, directories, stdin, --resume
// after a killed run, and results equal to analyze()'s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../../wasm/index.mjs';
import { batch } from '../../wasm/batch.mjs';
import { htmlToText } from '../../wasm/html-text.mjs';

const cli = new URL('../../wasm/cli.mjs', import.meta.url).pathname;
const sample = readFileSync(new URL('../../data/sample-article.txt', import.meta.url), 'utf8');
const run = (args, input) => spawnSync('node', [cli, 'batch', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
const analyzer = await createAnalyzer();
const expected = (id, text) => JSON.stringify({ id, ...analyzer.analyze(text) });

// Documents of varied length cut from the sample article: the long and short ones finish out
// of order on several threads. Some ids are numbers.
const docs = (n, prefix = 'd') => Array.from({ length: n }, (_, i) => ({
  id: i % 7 === 3 && prefix === 'd' ? i : `${prefix}${i}`,
  text: sample.slice((i * 131) % 900, (i * 131) % 900 + 40 + ((i * 977) % sample.length)),
}));
const jsonl = (list) => list.map((d) => JSON.stringify(d)).join('\n') + '\n';

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('results in input order, equal to analyze(), whatever the number of jobs', (t) => {
  const dir = tempDir(t);
  const list = docs(300);
  writeFileSync(join(dir, 'in.jsonl'), jsonl(list));
  const want = list.map((d) => expected(d.id, d.text)).join('\n') + '\n';
  for (const jobs of ['1', '3']) {
    const r = run(['-j', jobs, '-q', join(dir, 'in.jsonl')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, want, `--jobs ${jobs}`);
  }
});

test('stdin (no INPUT, and -), -o OUT, several inputs in order, and the summary', (t) => {
  const dir = tempDir(t);
  const a = docs(20, 'a'), b = docs(10, 'b');
  writeFileSync(join(dir, 'b.jsonl'), jsonl(b));
  const want = [...a, ...b].map((d) => expected(d.id, d.text)).join('\n') + '\n';
  const piped = run([], jsonl(a));
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout, a.map((d) => expected(d.id, d.text)).join('\n') + '\n');
  assert.match(piped.stderr, /^presslens batch: 20 documents analysed \(.* MB of input\) in .* s, .* MB\/s, 0 failed\n$/);
  const out = join(dir, 'out.jsonl');
  const both = run(['-o', out, '-', join(dir, 'b.jsonl')], jsonl(a).replace(/\n/g, '\r\n'));
  assert.equal(both.status, 0, both.stderr);
  assert.equal(both.stdout, '');
  assert.equal(readFileSync(out, 'utf8'), want);
});

test('a bad document is reported with its line and skipped; the run goes on and exits 1', (t) => {
  const dir = tempDir(t);
  const lines = [
    JSON.stringify({ id: 'ok1', text: 'Russia condemned the sanctions.' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'num', text: 42 }),
    JSON.stringify({ text: 'no id' }),
    '',
    JSON.stringify(['an', 'array']),
    JSON.stringify({ id: 'ok1', text: 'A repeated id.' }),
    JSON.stringify({ id: 'long', text: 'x'.repeat(101) }),
    JSON.stringify({ id: 'ok2', text: 'Merkel said: "We will not accept this."', source: 'ignored' }),
  ];
  writeFileSync(join(dir, 'in.jsonl'), lines.join('\n'));  // no final newline
  const r = run(['--max-length', '100', join(dir, 'in.jsonl')]);
  assert.equal(r.status, 1);
  const file = join(dir, 'in.jsonl');
  const errors = r.stderr.trim().split('\n');
  assert.deepEqual(errors.slice(0, -1).map((l) => l.slice(0, l.indexOf(':', `presslens batch: ${file}:`.length))), [2, 3, 4, 6, 7, 8].map((n) => `presslens batch: ${file}:${n}`));
  assert.match(errors[0], /invalid JSON/);
  assert.match(errors[1], /"text" is not a string/);
  assert.match(errors[2], /"id" is missing/);
  assert.match(errors[3], /not a JSON object/);
  assert.match(errors[4], /the id "ok1" was seen before/);
  assert.match(errors[5], /101 UTF-16 code units long; the limit is 100/);
  assert.match(errors.at(-1), /2 documents analysed .* 6 failed$/);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['ok1', 'ok2']);
});

test('line numbers, repeated ids and CRLF across the chunks the workers are given', (t) => {
  // About 700 KB of JSON Lines: the workers get it in several chunks of whole lines, and number
  // the lines of each chunk from 1.
  const dir = tempDir(t);
  const lines = [], want = [], bad = [];
  for (let i = 0; i < 3000; ++i) {
    const text = sample.slice((i * 37) % 1200, (i * 37) % 1200 + 200);
    if (i % 401 === 17) { lines.push('{"id": "torn", "text": "'); bad.push([i + 1, /invalid JSON/]); continue; }
    if (i % 577 === 5) { lines.push(''); continue; }
    if (i % 613 === 9) { lines.push(JSON.stringify({ id: `d${i - 1}`, text })); bad.push([i + 1, /the id "d\d+" was seen before/]); continue; }
    lines.push(JSON.stringify({ id: `d${i}`, text }));
    want.push(expected(`d${i}`, text));
  }
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, lines.join('\r\n'));
  assert.ok(statSync(file).size > 4 * 128 * 1024);
  const r = run(['-j', '2', '--progress', '1', file]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, `${want.join('\n')}\n`);
  const errors = r.stderr.trim().split('\n').filter((l) => l.includes(`${file}:`));
  assert.deepEqual(errors.map((l) => Number(/:(\d+): /.exec(l.slice(`presslens batch: ${file}`.length))[1])), bad.map(([n]) => n));
  errors.forEach((l, k) => assert.match(l, bad[k][1]));
  assert.match(r.stderr, new RegExp(`${want.length.toLocaleString('en-US')} documents analysed .* ${bad.length} failed\n$`));
});

test('a directory: each .txt and .html file below it, id = relative path, HTML read as text', (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'corpus', 'b'), { recursive: true });
  const page = '<html><head><title>T</title><script>document.write("Putin said \\"x\\"")</script></head>'
    + '<body><p>Chancellor Angela Merkel said: &ldquo;We will not accept this.&rdquo;</p><!-- Obama condemned it --><p>Russia &amp; China</p></body></html>';
  writeFileSync(join(dir, 'corpus', 'b', 'page.html'), page);
  writeFileSync(join(dir, 'corpus', 'a.txt'), sample);
  writeFileSync(join(dir, 'corpus', 'notes.md'), 'not a document');
  const r = run(['-q', join(dir, 'corpus')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${expected('a.txt', sample)}\n${expected('b/page.html', htmlToText(page))}\n`);
  const html = JSON.parse(r.stdout.split('\n')[1]);
  assert.ok(html.entities.some((e) => e.name === 'Angela Merkel'));
  assert.ok(!html.entities.some((e) => e.name === 'Putin' || e.name === 'Obama'), 'script and comments are not text');
});

test('htmlToText drops scripts, styles and comments, decodes references, breaks blocks', () => {
  assert.equal(htmlToText('<p>A &amp; B&#8217;s &#x201C;c&#x201D; &bogus; &lt;i&gt;</p><div>D</div>'), 'A & B’s “c” &bogus; <i>\n\nD');
  assert.equal(htmlToText('x<SCRIPT type="a">if (a < b) alert("</p>")</Script >y<style>p{}</style>z'), 'xyz');
  assert.equal(htmlToText('a<!-- <p>hidden</p> -->b<!-- unterminated'), 'ab');
  assert.equal(htmlToText('a<br>b<br/>c  \t d<script>never closed'), 'a\nb\nc d');
  assert.equal(htmlToText('&#0; &#xD800; &#99999999;'), '\uFFFD \uFFFD \uFFFD');
});

test('--resume after a killed run: the torn last line is cut, the output equals a whole run', async (t) => {
  const dir = tempDir(t);
  const list = docs(3000);
  const input = join(dir, 'in.jsonl'), out = join(dir, 'out.jsonl');
  writeFileSync(input, jsonl(list));
  const whole = run(['-q', input]).stdout;

  const child = spawn('node', [cli, 'batch', '-q', '-j', '2', '-o', out, input], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  while (child.exitCode === null && (statSync(out, { throwIfNoEntry: false })?.size ?? 0) < 100000) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  assert.equal(await exited, null, 'the run was killed before its end');
  appendFileSync(out, '{"id":"d2999","schema":"pressl');  // a half-written line as a kill can leave
  const partial = readFileSync(out, 'utf8');
  assert.ok(partial.length < whole.length);

  const resumed = run(['--resume', '-o', out, input]);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.match(resumed.stderr, / already in /);
  assert.equal(readFileSync(out, 'utf8'), whole);
  const again = run(['--resume', '-o', out, input]);
  assert.match(again.stderr, /0 documents analysed .* 3,000 already in /);
  assert.equal(readFileSync(out, 'utf8'), whole);
});

test('usage errors exit 2; --help exits 0', () => {
  assert.equal(run(['--resume']).status, 2);
  assert.equal(run(['--jobs', '0']).status, 2);
  assert.equal(run(['--frobnicate']).status, 2);
  assert.match(run(['--jobs']).stderr, /option '--jobs' requires an argument/);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: presslens batch /);
  assert.equal(run(['/nonexistent.jsonl']).status, 1);
});

test('batch(): objects in input order, equal to analyze(); a bad text yields an error entry', async () => {
  async function* input() {
    yield* docs(40);
    yield { id: 'bad', text: null };
    yield { id: 'last', text: sample };
  }
  const got = [];
  for await (const r of batch(input(), { jobs: 2 })) got.push(r);
  assert.equal(got.length, 42);
  docs(40).forEach((d, i) => assert.deepEqual(got[i], { id: d.id, ...analyzer.analyze(d.text) }));
  assert.equal(got[40].id, 'bad');
  assert.equal(got[40].error.code, 'ERR_INVALID_ARGUMENT');
  assert.deepEqual(got[41], { id: 'last', ...analyzer.analyze(sample) });
  const json = [];
  for await (const line of batch([{ id: 1, text: sample }], { jobs: 1, format: 'json' })) json.push(line);
  assert.deepEqual(json, [expected(1, sample)]);
  await assert.rejects(async () => { for await (const r of batch([], { jobs: 0 })) void r; }, /jobs must be a positive integer/);
});

test('the package exports presslens/batch for Node with its types, and ships its files', (t) => {
  const root = new URL('../../', import.meta.url).pathname;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['./batch'], { types: './wasm/batch.d.mts', node: './wasm/batch.mjs' });
  for (const f of ['batch.mjs', 'batch.d.mts', 'batch-worker.mjs', 'batch-cli.mjs', 'batch-input.mjs', 'html-text.mjs']) {
    assert.ok(pkg.files.includes(`wasm/${f}`), `wasm/${f} is in the package`);
  }
  const dir = tempDir(t);
  writeFileSync(join(dir, 'use.mts'), `import { batch } from ${JSON.stringify(join(root, 'wasm/batch.mjs'))};
for await (const r of batch([{ id: 1, text: 'x' }], { jobs: 2 })) {
  if (r.error) { const code: string = r.error.code; console.log(code); } else { const n: number = r.quotes.length; console.log(r.id, n); }
}
for await (const line of batch([], { format: 'json' })) { if (typeof line === 'string') console.log(line.length); }`);
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', join(dir, 'use.mts')], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
