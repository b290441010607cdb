#!/usr/bin/env node
// npm run golden -- save|check [--native BINARY] [--dir DIR]
//
// Pins the core's behaviour on every dev text: CoNLL-2003 dev (eng.testa), the quotes and
// condemnations dev gold, PolNeAR dev, the 28 PolNeAR dev articles with entity and
// condemnation gold, and data/sample-article.txt. `save` writes each document's JSON result
// under build/golden/ (outside git: the dev texts may not be committed); `check` runs the
// current build again and reports, per document that differs, the first differing finding.
// Uses build/native/presslens_native (the same core and JSON as the package). Prints a
// message and exits 0 when ../shared is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const mode = args[0];
if (mode !== 'save' && mode !== 'check') {
  console.error('usage: npm run golden -- save|check [--native BINARY] [--dir DIR]');
  process.exit(2);
}
const data = resolve(root, '../shared/data');
if (!existsSync(data)) {
  console.log(`golden: skipped (${data} is absent)`);
  process.exit(0);
}
const bin = resolve(opt('--native') ?? join(root, 'build/native/presslens_native'));
if (!existsSync(bin)) {
  console.error(`golden: ${bin} not built (cmake --build build/native)`);
  process.exit(2);
}
const dir = resolve(opt('--dir') ?? join(root, 'build/golden'));
const python = process.env.PYTHON ?? 'python3';

// The dev texts as [set, id, text].
const jsonl = (file) =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const tmp = mkdtempSync(join(tmpdir(), 'presslens-golden-'));
const docs = [];
const conll = join(data, 'conll2003');
if (existsSync(join(conll, 'eng.testa')) && existsSync(join(conll, 'conll2json.py'))) {
  const out = join(tmp, 'conll.jsonl');
  execFileSync(python, [join(conll, 'conll2json.py'), join(conll, 'eng.testa'), out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const d of jsonl(out)) docs.push(['conll-testa', d.id, d.text]);
}
for (const [set, file] of [
  ['quotes-condemnations', join(data, 'dev/quotes-condemnations.jsonl')],
  ['polnear-dev', join(data, 'polnear/dev.jsonl')],
  ['polnear-dev-entities-condemnations', join(data, 'polnear/dev-entities-condemnations.jsonl')],
]) {
  if (existsSync(file)) for (const d of jsonl(file)) docs.push([set, d.id, d.text]);
}
docs.push(['sample', 'sample-article', readFileSync(join(root, 'data/sample-article.txt'), 'utf8')]);

// One native run over all texts; one JSON line per file.
const files = docs.map(([, , text], i) => {
  const f = join(tmp, `${i}.txt`);
  writeFileSync(f, text);
  return f;
});
const lines = execFileSync(bin, files, { maxBuffer: 1 << 30 }).toString().split('\n');
rmSync(tmp, { recursive: true, force: true });
const results = new Map(docs.map(([set, id], i) => [`${set}/${id}`, lines[i]]));

const store = join(dir, 'golden.jsonl');
if (mode === 'save') {
  mkdirSync(dir, { recursive: true });
  writeFileSync(store, [...results].map(([key, out]) => JSON.stringify({ key, out })).join('\n') + '\n');
  console.log(`golden: saved ${results.size} documents to ${store}`);
  process.exit(0);
}

if (!existsSync(store)) {
  console.error(`golden: no ${store} (run npm run golden -- save on the reference build first)`);
  process.exit(2);
}
// The first finding (entity, quote, condemnation) whose JSON differs, as a short message.
function firstDifference(a, b) {
  const x = JSON.parse(a);
  const y = JSON.parse(b);
  for (const field of Object.keys({ ...x, ...y })) {
    const p = x[field];
    const q = y[field];
    if (!Array.isArray(p) || !Array.isArray(q)) {
      if (JSON.stringify(p) !== JSON.stringify(q)) return `${field}: ${JSON.stringify(p)} -> ${JSON.stringify(q)}`;
      continue;
    }
    for (let i = 0; i < Math.max(p.length, q.length); ++i) {
      const s = JSON.stringify(p[i]);
      const t = JSON.stringify(q[i]);
      if (s !== t) return `${field}[${i}]:\n    was ${s}\n    now ${t}`;
    }
  }
  return 'byte order only';
}
let differ = 0;
let checked = 0;
for (const { key, out } of jsonl(store)) {
  ++checked;
  const now = results.get(key);
  if (now === out) continue;
  ++differ;
  console.log(now === undefined ? `${key}: missing from this run` : `${key}: ${firstDifference(out, now)}`);
}
console.log(`golden: ${checked - differ}/${checked} documents identical`);
process.exit(differ ? 1 : 0);
