#!/usr/bin/env node
// Scores quotes, speakers and condemnations on the dev gold (../shared/data/dev) with the
// evaluators' scorer. One script serves `npm run eval:quotes` and `npm run eval:condemnations`;
// with --attributions (`npm run eval:attributions`) it scores every attribution of PolNeAR dev
// (../shared/data/polnear/dev.jsonl: direct, mixed and reported speech) with score_attributions.py.
//
//   node scripts/eval-quotes.mjs [--attributions] [--native [BINARY]] [--gold FILE] [--pred OUT]
//                                [--details]
//
// By default the npm package API is used (wasm/node.mjs, built by `npm run build`);
// --native runs build/native/presslens_native instead (same core, same JSON).
// Without ../shared (a user's clone) it prints a message and exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  return v && !v.startsWith('--') ? v : true;
};

const attributions = !!opt('--attributions');
const devDir = resolve(root, attributions ? '../shared/data/polnear' : '../shared/data/dev');
const gold = typeof opt('--gold') === 'string' ? resolve(opt('--gold'))
  : join(devDir, attributions ? 'dev.jsonl' : 'quotes-condemnations.jsonl');
const scorer = join(devDir, attributions ? 'score_attributions.py' : 'score_quotes.py');
if (!existsSync(gold) || !existsSync(scorer)) {
  console.log(`eval-quotes: skipped (no ${gold} or scorer: ../shared is not present)`);
  process.exit(0);
}

const docs = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
if (docs.some((d) => typeof d.text !== 'string')) {
  console.error('eval-quotes: the gold file has no "text" fields; re-derive them with detok.py first');
  process.exit(2);
}

// Returns analyze(text) -> presslens/1 result objects.
async function makeAnalyze() {
  const native = opt('--native');
  if (native) {
    const bin = typeof native === 'string' ? resolve(native) : join(root, 'build/native/presslens_native');
    if (!existsSync(bin)) {
      console.error(`eval-quotes: ${bin} not found (cmake --build build/native)`);
      process.exit(2);
    }
    // One process per document: the binary reads a file and prints one JSON line.
    const dir = mkdtempSync(join(tmpdir(), 'presslens-eval-'));
    return (text) => {
      const file = join(dir, 'doc.txt');
      writeFileSync(file, text);
      const r = spawnSync(bin, [file], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`presslens_native failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    };
  }
  const pkg = join(root, 'wasm/node.mjs');
  if (!existsSync(join(root, 'dist/presslens.wasm'))) {
    console.error('eval-quotes: dist/presslens.wasm not found; run `npm run build` or pass --native');
    process.exit(2);
  }
  const { createAnalyzer } = await import(pathToFileURL(pkg).href);
  const analyzer = await createAnalyzer();
  return (text) => analyzer.analyze(text);
}

// The attribution view of a result's quotes: PolNeAR marks a quote interrupted by its
// attribution ("“A,” she said. “B.”") as one attribution whose content runs from A to B, where
// the result holds two quotes, B with the rule QUOTE_CONTINUATION right after A in `quotes`
// (ANNOTATION.md: the continuation is its own quote and inherits the speaker). The view joins
// each continuation into the quote before it (A's start, B's end, A's speaker and cue); every
// other quote is scored as it is.
function attributionView(quotes) {
  const out = [];
  for (const q of quotes) {
    const prev = out[out.length - 1];
    if (q.rule === 'QUOTE_CONTINUATION' && prev && prev.end <= q.start)
      out[out.length - 1] = { ...prev, end: q.end };
    else out.push(q);
  }
  return out;
}

const analyze = await makeAnalyze();
const actorName = (a) => (a && a.name ? a.name : null);
const lines = docs.map((d) => {
  const r = analyze(d.text);
  if (attributions) return JSON.stringify({ id: d.id, quotes: attributionView(r.quotes) });
  return JSON.stringify({
    id: d.id,
    // The quotes gold marks quotation marks only: reported speech (indirect, mixed) is scored
    // by --attributions.
    quotes: r.quotes.filter((q) => q.kind !== 'indirect' && q.kind !== 'mixed').map((q) => ({
      start: q.start, end: q.end, kind: q.kind,
      speaker: q.speaker ? actorName(q.speaker) : null,
      speaker_start: q.speaker ? q.speaker.start : null,
      speaker_end: q.speaker ? q.speaker.end : null,
      cue: q.cue ? q.cue.lemma : null,
    })),
    condemnations: r.condemnations.map((c) => ({
      source: c.source ? actorName(c.source) : null,
      source_start: c.source ? c.source.start : null,
      source_end: c.source ? c.source.end : null,
      cue: c.cue.lemma, cue_start: c.cue.start, cue_end: c.cue.end,
      target_start: c.target.start, target_end: c.target.end,
      negated: !!c.negated,
    })),
  });
});

const predFile = typeof opt('--pred') === 'string'
  ? resolve(opt('--pred'))
  : join(mkdtempSync(join(tmpdir(), 'presslens-pred-')), 'pred.jsonl');
writeFileSync(predFile, lines.join('\n') + '\n');
const scoreArgs = [scorer, gold, predFile];
if (opt('--details')) scoreArgs.push('--details');
const s = spawnSync('python3', scoreArgs, { stdio: 'inherit' });
if (s.error) {
  console.error(`eval-quotes: cannot run python3: ${s.error.message}`);
  process.exit(2);
}
process.exit(s.status ?? 1);
