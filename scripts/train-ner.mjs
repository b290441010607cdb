#!/usr/bin/env node
// Trains the entity tagger and writes data/ner-model.bin (npm run train:entities).
//   1. converts ../shared/data/conll2003/eng.{train,testa} to raw text with the evaluators'
//      conll2json.py (so training sees the text layout the evaluation sees),
//   2. writes them with UTF-8 byte offsets for tools/train_ner (in a temp dir; the CoNLL text
//      never enters the project),
//   3. builds tools/train_ner natively and runs it (deterministic: fixed seed and order).
// Usage: node scripts/train-ner.mjs [EPOCHS]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const conll = join(root, '..', 'shared', 'data', 'conll2003');
if (!existsSync(join(conll, 'eng.train'))) {
  console.error(`train-ner: ${conll} is absent; nothing to train on`);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), 'presslens-ner-'));
try {
  for (const split of ['train', 'testa']) {
    const jsonl = join(tmp, `${split}.jsonl`);
    execFileSync('python3', [join(conll, 'conll2json.py'), join(conll, `eng.${split}`), jsonl], { stdio: 'inherit' });
    const parts = [];
    for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line);
      const bytes = (u16) => Buffer.byteLength(d.text.slice(0, u16));
      const text = Buffer.from(d.text);
      parts.push(Buffer.from(`DOC ${text.length} ${d.entities.length}\n`), text, Buffer.from('\n'));
      parts.push(Buffer.from(d.entities.map((e) => `${bytes(e.start)} ${bytes(e.end)} ${e.type}\n`).join('')));
    }
    writeFileSync(join(tmp, `${split}.docs`), Buffer.concat(parts));
  }
  const build = process.env.PRESSLENS_TRAIN_BUILD || join(root, 'build', 'native');
  execFileSync('cmake', ['-S', root, '-B', build, '-G', 'Ninja'], { stdio: 'inherit' });
  execFileSync('cmake', ['--build', build, '--target', 'train_ner'], { stdio: 'inherit' });
  const args = [join(tmp, 'train.docs'), join(tmp, 'testa.docs'), join(root, 'data', 'ner-model.bin')];
  if (process.argv[2]) args.push(process.argv[2]);
  execFileSync(join(build, 'train_ner'), args, { stdio: 'inherit' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
