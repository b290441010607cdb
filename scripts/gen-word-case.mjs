#!/usr/bin/env node
// Builds data/word-case.bin (npm run gen:word-case): how often English text capitalises each
// word inside a sentence, from unlabeled text only: the words of the CoNLL-2003 training
// file, the PolNeAR training articles (2016 news) and the UD English EWT and GUM training
// treebanks (../shared/data; never a dev or test split). The entity tagger reads a word's class
// as a feature (Gazetteer::WordCase in core/gazetteer.h): a capitalised word that English mostly writes in lower case
// ("Sees", "Legacy") is rarely a name, one it always capitalises ("Breitbart") usually is.
//
// A word counts where it stands inside a sentence: not first, not after an opening quote, a
// colon or a line break, and not in a line most of whose words are capitalised (a headline).
// Words seen at least MIN_COUNT times get a class by the share r capitalised:
//   1: r < 0.1,  2: 0.1 <= r < 0.5,  3: 0.5 <= r < 0.9,  4: r >= 0.9.
// Output: sorted little-endian uint32 keys, each the low 32 bits of Hash(kHashSeed, word, true)
// (core/gazetteer.h) with its two low bits replaced by class - 1. Only hashes ship, no text.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'data');
if (!existsSync(shared)) {
  console.error(`gen-word-case: ${shared} is absent; data/word-case.bin is kept as committed`);
  process.exit(1);
}
const MIN_COUNT = 3;
const counts = new Map();  // word as written in lower case -> [lower, capitalised]
const count = (w, capitalised) => {
  const k = w.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let c = counts.get(k);
  if (!c) counts.set(k, (c = [0, 0]));
  ++c[capitalised ? 1 : 0];
};
const isWord = (t) => /^\p{L}[\p{L}\p{M}]*$/u.test(t);
const isCap = (t) => /^\p{Lu}/u.test(t);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '--', '.', '!', '?', ';', '``', '`']);
// One sentence's tokens: counts its words that stand inside it.
function sentence(tokens) {
  const words = tokens.filter(isWord);
  if (words.length < 3 || words.filter(isCap).length * 2 > words.length) return;
  for (let i = 1; i < tokens.length; ++i)
    if (isWord(tokens[i]) && !OPENERS.has(tokens[i - 1]) && !(tokens[i].length > 1 && tokens[i] === tokens[i].toUpperCase()))
      count(tokens[i], isCap(tokens[i]));
}
// CoNLL-2003 train: TOKEN POS CHUNK TAG, blank lines between sentences (only the tokens).
let tokens = [];
for (const line of readFileSync(join(shared, 'conll2003', 'eng.train'), 'utf8').split('\n')) {
  const t = line.split(' ')[0];
  if (!t || t === '-DOCSTART-') { if (tokens.length) sentence(tokens); tokens = []; continue; }
  tokens.push(t);
}
// UD train treebanks: the FORM column.
for (const f of ['en_ewt-ud-train.conllu', 'en_gum-ud-train.cc-by.conllu']) {
  tokens = [];
  for (const line of readFileSync(join(shared, 'ud', f), 'utf8').split('\n')) {
    if (!line.trim()) { if (tokens.length) sentence(tokens); tokens = []; continue; }
    const cols = line.split('\t');
    if (line.startsWith('#') || cols[0].includes('-') || cols[0].includes('.')) continue;
    tokens.push(cols[1]);
  }
}
// PolNeAR train: raw text, cut into lines and sentences at a stop followed by a space.
for (const line of readFileSync(join(shared, 'polnear', 'train.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  for (const para of JSON.parse(line).text.split(/\n+/))
    for (const s of para.split(/(?<=[.!?]["”’]?)\s+/))
      sentence(s.match(/\p{L}[\p{L}\p{M}]*|[^\s\p{L}]/gu) ?? []);
}
// FNV-1a 64 over the UTF-8 bytes folded to ASCII lower case (Hash(kHashSeed, w, true)).
function foldedHash(word) {
  let h = 14695981039346656037n;
  for (let c of Buffer.from(word, 'utf8')) {
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = ((h ^ BigInt(c)) * 1099511628211n) & 0xffffffffffffffffn;
  }
  return h;
}
const keys = [];
const classes = [0, 0, 0, 0];
for (const [w, [lower, cap]] of counts) {
  const n = lower + cap;
  if (n < MIN_COUNT) continue;
  const r = cap / n;
  const cls = r < 0.1 ? 0 : r < 0.5 ? 1 : r < 0.9 ? 2 : 3;
  ++classes[cls];
  // The folded hash the core computes for the token as written (ASCII folding only).
  keys.push(((Number(foldedHash(w) & 0xffffffffn) & ~3) | cls) >>> 0);
}
keys.sort((a, b) => a - b);
const out = Buffer.alloc(4 * keys.length);
keys.forEach((k, i) => out.writeUInt32LE(k, 4 * i));
writeFileSync(join(root, 'data', 'word-case.bin'), out);
console.log(`data/word-case.bin: ${keys.length} words (classes 1-4: ${classes.join(', ')}), ${out.length} bytes`);
