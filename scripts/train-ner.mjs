#!/usr/bin/env node
// Trains the entity tagger and writes data/ner-model.bin (npm run train:entities).
//   1. converts ../shared/data/conll2003/eng.{train,testa} to raw text with the evaluators'
//      conll2json.py (so training sees the text layout the evaluation sees),
//   2. writes them with UTF-8 byte offsets for tools/train_ner (in a temp dir; the CoNLL text
//      never enters the project),
//   3. builds tools/train_ner natively and runs it (deterministic: fixed seed and order).
//   With --extra, the openly licensed tweets of ../shared/data/ner-extra (Broad Twitter Corpus,
//   WNUT-17: person -> PER, location -> LOC, group and corporation -> ORG, product and
//   creative work -> MISC) are added to the training documents, their tokens joined by the
//   spacing English punctuation takes.
//   With --gum, the entity layer of UD English GUM's train file (CC BY 4.0, openly licensed
//   genres, ../shared/data/ud/en_gum-ud-train.cc-by.conllu) is added the same way: its proper-name
//   mentions, person -> PER, organization -> ORG, place -> LOC, the other types -> MISC
//   (--gum=drop: left out), and its capitalised adjectives ("Swiss") -> MISC, as CoNLL-2003 tags
//   them (scripts/gum-ner-docs.mjs). Its news documents (GUM_news_*) are
//   never read: they are a held-out set for the tagger.
// Usage: node scripts/train-ner.mjs [--extra[=FILE,...]] [--gum[=drop]] [--extra-epochs=N]
//                                   [--out=MODEL] [EPOCHS]
//   --extra-epochs: the extra documents (tweets, GUM) are trained on in the first N epochs only.
//   --out writes the model elsewhere than data/ner-model.bin (to compare trainings).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGumDocuments } from './gum-ner-docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const conll = join(root, '..', 'shared', 'data', 'conll2003');
if (!existsSync(join(conll, 'eng.train'))) {
  console.error(`train-ner: ${conll} is absent; nothing to train on`);
  process.exit(1);
}
const extraArg = process.argv.find((a) => a.startsWith('--extra') && !a.startsWith('--extra-epochs'));
const extra = extraArg ? (extraArg.split('=')[1] ?? 'btc.train,wnut17train.conll').split(',') : [];
const outArg = process.argv.find((a) => a.startsWith('--out='));
const out = outArg ? outArg.slice('--out='.length) : join(root, 'data', 'ner-model.bin');
const epochs = process.argv.slice(2).find((a) => /^\d+$/.test(a));
const gumArg = process.argv.find((a) => a === '--gum' || a.startsWith('--gum='));
const gumOther = gumArg === '--gum=drop' ? null : 'MISC';
const extraEpochs = process.argv.find((a) => a.startsWith('--extra-epochs='))?.split('=')[1];

// A CoNLL-style file (TOKEN ... TAG per line, blank lines between sentences, IOB2) as
// training documents {text, entities: [{start, end, type}]}, one per sentence.
function readTokenFile(path) {
  const MAP = { PER: 'PER', LOC: 'LOC', ORG: 'ORG', person: 'PER', location: 'LOC', group: 'ORG',
    corporation: 'ORG', product: 'MISC', 'creative-work': 'MISC' };
  const docs = [];
  for (const block of readFileSync(path, 'utf8').split(/\n\s*\n/)) {
    let text = '';
    const entities = [];
    let open = null;
    for (const line of block.split('\n')) {
      const cols = line.split(/\t| /);
      if (cols.length < 2 || !cols[0]) continue;
      const [token, tag] = [cols[0], cols[cols.length - 1]];
      const glue = /^([.,!?;:)\]}%]|'s|'re|'ve|'ll|'d|'m|n't)$/i.test(token) || /[([{]$/.test(text);
      if (text && !glue) text += ' ';
      const start = text.length;
      text += token;
      const type = MAP[tag.slice(2)];
      if (tag.startsWith('I-') && open && open.type === type) {
        open.end = text.length;
      } else {
        open = tag.startsWith('B-') || tag.startsWith('I-') ? (type ? { start, end: text.length, type } : null) : null;
        if (open) entities.push(open);
      }
    }
    if (text) docs.push({ text, entities });
  }
  return docs;
}

const tmp = mkdtempSync(join(tmpdir(), 'presslens-ner-'));
try {
  for (const split of ['train', 'testa']) {
    const jsonl = join(tmp, `${split}.jsonl`);
    execFileSync('python3', [join(conll, 'conll2json.py'), join(conll, `eng.${split}`), jsonl], { stdio: 'inherit' });
    const parts = [];
    const docs = readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    if (split === 'train') {
      const dir = join(root, '..', 'shared', 'data', 'ner-extra');
      for (const f of extra) docs.push(...readTokenFile(join(dir, f)).map((d) => ({ ...d, extra: true })));
      if (gumArg) {
        const gum = readGumDocuments(join(root, '..', 'shared', 'data', 'ud', 'en_gum-ud-train.cc-by.conllu'),
          { titlesPath: join(root, 'data', 'titles.txt'), otherType: gumOther, adjectives: true, keep: (id) => !id.startsWith('GUM_news_') });
        docs.push(...gum.map((d) => ({ text: d.text, entities: d.entities, extra: true })));
      }
    }
    for (const d of docs) {
      const bytes = (u16) => Buffer.byteLength(d.text.slice(0, u16));
      const text = Buffer.from(d.text);
      parts.push(Buffer.from(`${d.extra ? 'XDOC' : 'DOC'} ${text.length} ${d.entities.length}\n`), text, Buffer.from('\n'));
      parts.push(Buffer.from(d.entities.map((e) => `${bytes(e.start)} ${bytes(e.end)} ${e.type}\n`).join('')));
    }
    writeFileSync(join(tmp, `${split}.docs`), Buffer.concat(parts));
  }
  const build = process.env.PRESSLENS_TRAIN_BUILD || join(root, 'build', 'native');
  execFileSync('cmake', ['-S', root, '-B', build, '-G', 'Ninja'], { stdio: 'inherit' });
  execFileSync('cmake', ['--build', build, '--target', 'train_ner'], { stdio: 'inherit' });
  const args = [join(tmp, 'train.docs'), join(tmp, 'testa.docs'), out];
  if (epochs || extraEpochs) args.push(epochs ?? '20');
  if (extraEpochs) args.push(extraEpochs);
  execFileSync(join(build, 'train_ner'), args, { stdio: 'inherit' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
