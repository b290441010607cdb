#!/usr/bin/env node
// Scores data/syntax-model.bin (or MODEL.bin) on the UD dev files (npm run eval:syntax): one line per file,
// "NAME words=N UPOS=0.xxx UAS=0.xxx LAS=0.xxx" (CoNLL 2018 definitions, gold tokenization,
// predicted tags, punctuation included). Exits 0 with a message when ../shared is absent.
// Usage: node scripts/eval-syntax.mjs [MODEL.bin] [eval_syntax arguments: --beam N, --time]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ud = join(root, '..', 'shared', 'data', 'ud');
const dev = { 'EWT-dev': 'en_ewt-ud-dev.conllu', 'GUM-dev': 'en_gum-ud-dev.cc-by.conllu' };
if (!Object.values(dev).every((f) => existsSync(join(ud, f)))) {
  console.log(`eval-syntax: ${ud} is absent; nothing to score`);
  process.exit(0);
}
const build = process.env.PRESSLENS_NATIVE_BUILD || join(root, 'build', 'native');
execFileSync('cmake', ['-S', root, '-B', build, '-G', 'Ninja'], { stdio: 'ignore' });
execFileSync('cmake', ['--build', build, '--target', 'eval_syntax', '-j2'], { stdio: ['ignore', 'ignore', 'inherit'] });
const extra = process.argv.slice(2);
const model = extra[0] && !extra[0].startsWith('--') ? extra.shift() : join(root, 'data', 'syntax-model.bin');
execFileSync(join(build, 'eval_syntax'), [model, ...extra,
  ...Object.entries(dev).map(([name, f]) => `${name}=${join(ud, f)}`)], { stdio: 'inherit' });
