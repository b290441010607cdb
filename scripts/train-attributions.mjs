#!/usr/bin/env node
// Trains the attribution tagger and writes data/attribution-model.bin (npm run train:attributions).
//   1. writes PolNeAR train (../shared/data/polnear/train.jsonl) with UTF-8 byte offsets for
//      tools/train_attributions (in a temp dir; the article text never enters the project).
//      Articles k % 10 == 9 (k the line index) are held out: in no file the trainer reads, so
//      neither trained on nor used to choose anything (npm run eval:heldout scores them).
//      Articles k % 10 == 8 are the validation slice that chooses the epoch and the
//      quantisation; the rest are trained on. Then the chosen settings are applied to a model
//      trained on the training and validation articles together (--no-refit keeps the model
//      trained on the training articles alone).
//   2. builds tools/train_attributions natively and runs it (deterministic: fixed seed and order).
// Usage: node scripts/train-attributions.mjs [--no-refit] [--out FILE] [--heldout-gold FILE] [EPOCHS]
//   --out FILE writes the model there instead of data/attribution-model.bin.
//   --heldout-gold FILE also writes the held-out articles as gold for score_attributions.py
//   (node scripts/eval-quotes.mjs --attributions --native --gold FILE scores them).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'shared', 'data', 'polnear', 'train.jsonl');
if (!existsSync(source)) {
  console.error(`train-attributions: ${source} is absent; nothing to train on`);
  process.exit(1);
}
const args = process.argv.slice(2);
const valueOf = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : null;
};
const heldoutGold = valueOf('--heldout-gold');
const out = valueOf('--out') ?? join(root, 'data', 'attribution-model.bin');
const refit = !args.includes('--no-refit');
const epochs = args.find((a, k) => /^\d+$/.test(a) && !['--heldout-gold', '--out'].includes(args[k - 1]));

const docs = readFileSync(source, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const heldout = (k) => k % 10 === 9;
const validation = (k) => k % 10 === 8;

// One document in train_attributions' format: the text, then one line per gold fragment.
function encode(d, k) {
  const text = Buffer.from(d.text);
  // UTF-16 offset -> UTF-8 byte offset, for every offset of the text.
  const bytes = new Uint32Array(d.text.length + 1);
  for (let i = 0, b = 0; i <= d.text.length; ++i) {
    bytes[i] = b;
    const c = d.text.charCodeAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  const lines = [];
  d.attributions.forEach((a, n) => {
    for (const [role, spans] of [['S', a.source], ['C', a.cue], ['T', a.content]])
      for (const [s, e] of spans) lines.push(`${n} ${role} ${bytes[s]} ${bytes[e]}\n`);
  });
  return [Buffer.from(`DOC ${text.length} ${lines.length}\n`), text, Buffer.from('\n' + lines.join(''))];
}

const tmp = mkdtempSync(join(tmpdir(), 'presslens-attr-'));
try {
  const train = [], valid = [];
  docs.forEach((d, k) => {
    if (!heldout(k)) (validation(k) ? valid : train).push(...encode(d, k));
  });
  writeFileSync(join(tmp, 'train.docs'), Buffer.concat(train));
  writeFileSync(join(tmp, 'validation.docs'), Buffer.concat(valid));
  if (heldoutGold)
    writeFileSync(heldoutGold, docs.filter((d, k) => heldout(k)).map((d) => JSON.stringify(d)).join('\n') + '\n');
  const build = process.env.PRESSLENS_TRAIN_BUILD || join(root, 'build', 'native');
  execFileSync('cmake', ['-S', root, '-B', build, '-G', 'Ninja'], { stdio: 'inherit' });
  execFileSync('cmake', ['--build', build, '-j2', '--target', 'train_attributions'], { stdio: 'inherit' });
  const run = [join(tmp, 'train.docs'), join(tmp, 'validation.docs'), resolve(out)];
  if (epochs) run.push(epochs);
  if (refit) run.push('--refit');
  execFileSync(join(build, 'train_attributions'), run, { stdio: 'inherit' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
