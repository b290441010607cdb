#!/usr/bin/env node
// npm run eval:entities [-- --native] [-- --split testa] [-- --json OUT.json]
//
// Scores presslens' entities on CoNLL-2003 dev (eng.testa) exactly as the held-out set is
// scored: the text comes from the evaluators' conll2json.py, the scorer is score_ner.py
// (exact-match micro F1 over PER+ORG+LOC), types mapped PERSON->PER, ORG->ORG, GPE/LOC->LOC
// (NORP and EVENT have no CoNLL class and are left out). Uses the npm package API
// (wasm/index.mjs, built by `npm run build`); --native uses build/native/presslens_native
// (the same core, same JSON). Prints a skip message and exits 0 when ../shared is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const native = args.includes('--native');
const split = opt('--split') ?? 'testa';
const conll = join(root, '..', 'shared', 'data', 'conll2003');
if (!existsSync(join(conll, `eng.${split}`)) || !existsSync(join(conll, 'score_ner.py'))) {
  console.log(`eval:entities: skipped (${conll}/eng.${split} is absent)`);
  process.exit(0);
}
const python = process.env.PYTHON ?? 'python3';
const TYPE = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC' };

const tmp = mkdtempSync(join(tmpdir(), 'presslens-eval-ent-'));
try {
  const gold = join(tmp, 'gold.jsonl');
  execFileSync(python, [join(conll, 'conll2json.py'), join(conll, `eng.${split}`), gold], { stdio: ['ignore', 'ignore', 'inherit'] });
  const docs = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

  let results;
  const started = process.hrtime.bigint();
  if (native) {
    const bin = process.env.PRESSLENS_NATIVE ?? join(root, 'build', 'native', 'presslens_native');
    if (!existsSync(bin)) {
      console.error(`eval:entities: ${bin} not built (cmake --build build/native)`);
      process.exit(1);
    }
    const files = docs.map((d, i) => {
      const f = join(tmp, `doc${i}.txt`);
      writeFileSync(f, d.text);
      return f;
    });
    const out = execFileSync(bin, files, { maxBuffer: 1 << 30 }).toString();
    results = out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  } else {
    const indexPath = join(root, 'wasm', 'index.mjs');
    if (!existsSync(join(root, 'dist', 'presslens-core.mjs'))) {
      console.error('eval:entities: dist/presslens-core.mjs not built (npm run build), or use --native');
      process.exit(1);
    }
    const { createAnalyzer } = await import(indexPath);
    const analyzer = await createAnalyzer();
    results = docs.map((d) => analyzer.analyze(d.text));
    analyzer.dispose?.();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const pred = join(tmp, 'pred.jsonl');
  const lines = docs.map((d, i) => {
    const entities = [];
    for (const e of results[i].entities) {
      const type = TYPE[e.type];
      if (!type) continue;
      for (const m of e.mentions) entities.push({ start: m.start, end: m.end, type });
    }
    return JSON.stringify({ id: d.id, entities });
  });
  writeFileSync(pred, lines.join('\n') + '\n');
  const scoreArgs = [join(conll, 'score_ner.py'), gold, pred];
  if (opt('--json')) scoreArgs.push('--json', opt('--json'));
  const report = execFileSync(python, scoreArgs).toString();
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  console.log(`presslens ${native ? 'native' : 'wasm'} on eng.${split}: ${docs.length} documents, ` +
    `${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s`);
  process.stdout.write(report);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
