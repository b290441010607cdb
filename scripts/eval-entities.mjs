#!/usr/bin/env node
// npm run eval:entities [-- --native] [-- --split testa] [-- --era conll|modern|both]
//                       [-- --modern-gold FILE]
//                       [-- --json OUT.json] [-- --details]
//
// Scores presslens' entities on the dev sets of two eras, each exactly as its held-out set is
// scored:
//   conll   CoNLL-2003 dev (eng.testa, Reuters 1996): the text comes from the evaluators'
//           conll2json.py, the scorer is score_ner.py (exact-match micro F1 over PER+ORG+LOC),
//           types mapped PERSON->PER, ORG->ORG, GPE/LOC->LOC (NORP and EVENT have no CoNLL
//           class and are left out). --json OUT writes its figures.
//   modern  the entity-annotated PolNeAR dev articles (2016 US news, polnear/dev-entities-
//           condemnations.jsonl, conventions in dev/ENTITIES.md), scored by score_entities.py:
//           F1(PER,ORG,LOC), per type, and B-cubed linking of the result's entities.
//           --details lists its misses and false alarms; --modern-gold FILE scores another file of
//           the same format (a held-out set).
// Uses the npm package API (wasm/index.mjs, built by `npm run build`); --native uses
// build/native/presslens_native (the same core, same JSON). An era whose data is absent
// (../shared is not part of a clone) prints a skip message; the script then exits 0.
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
const era = opt('--era') ?? 'both';
const shared = join(root, '..', 'shared', 'data');
const conll = join(shared, 'conll2003');
const polnear = join(shared, 'polnear');
const python = process.env.PYTHON ?? 'python3';
const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// The analyzer's results for the texts, and the seconds it took.
async function analyze(texts, tmp) {
  const started = process.hrtime.bigint();
  let results;
  if (native) {
    const bin = process.env.PRESSLENS_NATIVE ?? join(root, 'build', 'native', 'presslens_native');
    if (!existsSync(bin)) {
      console.error(`eval:entities: ${bin} not built (cmake --build build/native)`);
      process.exit(1);
    }
    const files = texts.map((text, i) => {
      const f = join(tmp, `doc${i}.txt`);
      writeFileSync(f, text);
      return f;
    });
    const out = execFileSync(bin, files, { maxBuffer: 1 << 30 }).toString();
    results = out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  } else {
    if (!existsSync(join(root, 'dist', 'presslens-core.mjs'))) {
      console.error('eval:entities: dist/presslens-core.mjs not built (npm run build), or use --native');
      process.exit(1);
    }
    const { createAnalyzer } = await import(join(root, 'wasm', 'index.mjs'));
    const analyzer = await createAnalyzer();
    results = texts.map((text) => analyzer.analyze(text));
    analyzer.dispose?.();
  }
  return { results, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const megabytes = (texts) => (texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6).toFixed(2);

async function evalConll(tmp) {
  if (!existsSync(join(conll, `eng.${split}`)) || !existsSync(join(conll, 'score_ner.py'))) {
    console.log(`eval:entities: CoNLL skipped (${conll}/eng.${split} is absent)`);
    return;
  }
  const TYPE = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC' };
  const gold = join(tmp, 'gold.jsonl');
  execFileSync(python, [join(conll, 'conll2json.py'), join(conll, `eng.${split}`), gold], { stdio: ['ignore', 'ignore', 'inherit'] });
  const docs = readJsonl(gold);
  const texts = docs.map((d) => d.text);
  const { results, seconds } = await analyze(texts, tmp);
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
  console.log(`== CoNLL-2003 (1996 newswire): presslens ${native ? 'native' : 'wasm'} on eng.${split}: ` +
    `${docs.length} documents, ${megabytes(texts)} MB in ${seconds.toFixed(2)} s`);
  process.stdout.write(report);
}

async function evalModern(tmp) {
  const goldFile = opt('--modern-gold') ?? join(polnear, 'dev-entities-condemnations.jsonl');
  if (!existsSync(goldFile) || !existsSync(join(polnear, 'score_entities.py'))) {
    console.log(`eval:entities: modern skipped (${goldFile} is absent)`);
    return;
  }
  const docs = readJsonl(goldFile).filter((d) => d.entities);
  const texts = docs.map((d) => d.text);
  const { results, seconds } = await analyze(texts, tmp);
  const pred = join(tmp, 'pred-modern.jsonl');
  const lines = docs.map((d, i) => JSON.stringify({
    id: d.id,
    entities: results[i].entities.map((e) => ({ type: e.type, name: e.name, mentions: e.mentions })),
  }));
  writeFileSync(pred, lines.join('\n') + '\n');
  const scoreArgs = [join(polnear, 'score_entities.py'), goldFile, pred];
  if (args.includes('--details')) scoreArgs.push('--details');
  const report = execFileSync(python, scoreArgs).toString();
  console.log(`== modern news (${opt('--modern-gold') ?? '2016 PolNeAR dev'}): presslens ${native ? 'native' : 'wasm'}: ` +
    `${docs.length} documents, ${megabytes(texts)} MB in ${seconds.toFixed(2)} s`);
  process.stdout.write(report);
}

const tmp = mkdtempSync(join(tmpdir(), 'presslens-eval-ent-'));
try {
  if (era === 'conll' || era === 'both') await evalConll(tmp);
  if (era === 'both') console.log('');
  if (era === 'modern' || era === 'both') await evalModern(tmp);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
