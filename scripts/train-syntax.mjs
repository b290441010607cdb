#!/usr/bin/env node
// Trains the syntactic layer (tagger and parser) and writes data/syntax-model.bin
// (npm run train:syntax): builds tools/word_clusters and tools/train_syntax natively, learns
// word classes from the unlabeled text of the UD English EWT and GUM train files, CoNLL 2003
// train and PolNeAR train in ../shared/data (build/syntax-word-classes.tsv), then trains under
// `nice` on the UD train files, choosing the epoch on their dev files. Deterministic (fixed
// seeds and order). Never reads a test file.
// With --compact (npm run train:syntax:compact), the fast configuration instead: the compact
// feature set, greedy, 2^18 buckets with direct rows, 40k tagger and 80k parser weights,
// non-projective trees lifted; written to data/syntax-model-compact.bin.
// Usage: node scripts/train-syntax.mjs [--compact] [extra train_syntax arguments]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'data');
const ud = join(shared, 'ud');
const train = ['en_ewt-ud-train.conllu', 'en_gum-ud-train.cc-by.conllu'];
const dev = ['en_ewt-ud-dev.conllu', 'en_gum-ud-dev.cc-by.conllu'];
const unlabeled = [
  ...train.flatMap((f) => ['--conllu', join(ud, f)]),
  '--conll', join(shared, 'conll2003', 'eng.train'),
  '--jsonl', join(shared, 'polnear', 'train.jsonl'),
];
if (![...train.map((f) => join(ud, f)), ...unlabeled.filter((a) => !a.startsWith('--'))].every(existsSync)) {
  console.error(`train-syntax: ${shared} is incomplete; nothing to train on`);
  process.exit(1);
}
const build = process.env.PRESSLENS_TRAIN_BUILD || join(root, 'build', 'native');
execFileSync('cmake', ['-S', root, '-B', build, '-G', 'Ninja'], { stdio: 'inherit' });
execFileSync('cmake', ['--build', build, '--target', 'train_syntax', 'word_clusters', '-j2'], { stdio: 'inherit' });
const classes = join(build, 'syntax-word-classes.tsv');
execFileSync('nice', ['-n', '10', join(build, 'word_clusters'), classes, '--classes', '32', '--classes', '256',
  '--iterations', '12', ...unlabeled], { stdio: 'inherit' });
const compact = process.argv.includes('--compact');
const name = compact ? 'syntax-model-compact.bin' : 'syntax-model.bin';
const out = join(root, 'data', name);
const config = compact
  ? ['--tagger-epochs', '5', '--parser-epochs', '8', '--retrain-epochs', '3', '--tagger-weights', '40000', '--parser-weights', '80000',
    '--tagger-bits', '18', '--parser-bits', '18', '--beam', '1', '--compact', '--lift']
  : ['--tagger-epochs', '8', '--parser-epochs', '8', '--retrain-epochs', '5', '--tagger-weights', '120000', '--upos-weights', '150000', '--parser-weights', '300000',
    '--parser-bits', '22', '--beam', '8'];
const args = [out, ...train.flatMap((f) => ['--train', join(ud, f)]), ...dev.flatMap((f) => ['--dev', join(ud, f)]),
  ...config, '--clusters', classes, ...process.argv.slice(2).filter((a) => a !== '--compact')];
execFileSync('nice', ['-n', '10', join(build, 'train_syntax'), ...args], { stdio: 'inherit' });
const bytes = readFileSync(out);
console.log(`train-syntax: data/${name} ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
