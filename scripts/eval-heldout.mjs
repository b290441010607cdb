#!/usr/bin/env node
// Scores every independent held-out set present with the scorers the dev sets use, one table
// (npm run eval:heldout [-- --root DIR]).
//
// The held-out sets are annotated blind, to ANNOTATION.md and ENTITIES.md, by annotators who
// never ran presslens; they hold corpus text, so they live outside the repository, under DIR
// (default: the folder that holds the project, beside ../shared). A set that is absent is listed
// as skipped. Each row runs the same command a reader can run by hand (shown with --commands).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const dir = resolve(rootAt >= 0 ? args[rootAt + 1] : join(root, '..'));
const showCommands = args.includes('--commands');

// era, what the documents are, how they were chosen, the file under DIR, what it scores.
const SETS = [
  { era: '1996', name: 'Reuters (CoNLL-2003 eng.train, documents ≡ 7 mod 10, news filter)',
    file: 'heldout3/reuters1996-train-heldout.jsonl', task: 'quotes' },
  { era: '2004–19', name: 'Wikinews (the 19 GUM_news documents of UD GUM train)',
    file: 'heldout3/gum-news-heldout.jsonl', task: 'quotes' },
  { era: '2004–19', name: 'Wikinews (the 19 GUM_news documents of UD GUM train)',
    file: 'heldout3/gum-news-heldout-entities.jsonl', task: 'entities' },
  { era: '2016', name: 'PolNeAR train lines 305, 315, …, 595 (30 articles)',
    file: 'heldout2/polnear-train-heldout2-condemnations.jsonl', task: 'quotes' },
  { era: '2016', name: 'PolNeAR train, 12 articles of six publishers',
    file: 'heldout2/polnear-train-heldout2-entities.jsonl', task: 'entities' },
  { era: '2016', name: 'PolNeAR train articles k ≡ 9 mod 10 (left out of the tagger\'s training)',
    file: 'heldout/polnear-train-heldout-attributions.jsonl', task: 'attributions' },
];

const COMMANDS = {
  quotes: (f) => ['scripts/eval-quotes.mjs', '--gold', f],
  attributions: (f) => ['scripts/eval-quotes.mjs', '--attributions', '--native', '--gold', f],
  entities: (f) => ['scripts/eval-entities.mjs', '--era', 'modern', '--modern-gold', f],
};

// The figures of one scorer's output, by the lines each eval script prints.
function figures(task, out) {
  const row = (label) => out.split('\n').find((l) => l.startsWith(label))?.trim().split(/\s+/) ?? [];
  const num = (re) => out.match(re)?.[1] ?? '–';
  if (task === 'entities') {
    const f1 = (label) => row(label).at(-1) ?? '–';
    return `F1 PER+ORG+LOC ${num(/F1\(PER,ORG,LOC\)=([\d.]+)/)} (PER ${f1('PER ')}, ORG ${f1('ORG ')}, ` +
      `LOC ${f1('LOC ')}); linking B-cubed ${num(/B-cubed.*F1 ([\d.]+)/)}`;
  }
  if (task === 'attributions') {
    return `content F1 ${num(/content overlap.*?F1 ([\d.]+)/)}, recall indirect ` +
      `${num(/indirect ([\d.]+)/)}, source ${num(/source right on matched pairs ([\d.]+)/)}, ` +
      `end-to-end F1 ${num(/e2e=([\d.]+)/)}`;
  }
  const c = row('condemnations');
  const parts = [];
  if (Number(row('quote spans')[2]) > 0) {
    parts.push(`quotes F1 ${row('quote spans')[6]}, attribution ${num(/attribution accuracy\s+([\d.]+)/)}, ` +
      `quote+speaker F1 ${row('quote+speaker')[6]}`);
  }
  if (Number(c[1]) > 0) {
    parts.push(`condemnations P ${c[4]} R ${c[5]} F1 ${c[6]} (${c[1]} gold), right source ` +
      `${num(/source correct \(name\|span\)\s+([\d.]+)/)}`);
  }
  return parts.join('; ');
}

console.log(`held-out sets under ${dir}\n`);
console.log('| era | documents | task | figures |\n|---|---|---|---|');
for (const set of SETS) {
  const file = join(dir, set.file);
  const command = COMMANDS[set.task](file);
  if (!existsSync(file)) {
    console.log(`| ${set.era} | ${set.name} | ${set.task} | skipped (${set.file} is absent) |`);
    continue;
  }
  const r = spawnSync(process.execPath, command, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    console.error(`eval-heldout: ${command.join(' ')} failed`);
    process.exit(1);
  }
  console.log(`| ${set.era} | ${set.name} | ${set.task} | ${figures(set.task, r.stdout)} |`);
  if (showCommands) console.log(`|  |  |  | \`node ${command.join(' ')}\` |`);
}
