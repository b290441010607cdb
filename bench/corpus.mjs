// The benchmark's texts: the CoNLL-2003 dev articles (rebuilt by the evaluators' conll2json.py
// into a temporary directory, never into the project) plus the sample article; a self-made
// corpus when ../shared is absent; and the pathological inputs of issue 8.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.PRESSLENS_SHARED_DATA ?? path.join(ROOT, '..', 'shared', 'data');

export function sampleArticle() {
  return fs.readFileSync(path.join(ROOT, 'data', 'sample-article.txt'), 'utf8');
}

// A small deterministic PRNG (mulberry32), so the self-made texts are the same on every run.
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Wang Yi', 'Sergei Lavrov', 'Antony Blinken', 'Ursula von der Leyen', 'Olaf Scholz',
  'Emmanuel Macron', 'Maria Zakharova', 'Josep Borrell', 'Rishi Sunak', 'Narendra Modi'];
const PLACES = ['Moscow', 'Beijing', 'Washington', 'Brussels', 'Berlin', 'Paris', 'Kyiv', 'Gaza',
  'London', 'New Delhi', 'Tehran', 'Ankara'];
const ORGS = ['the United Nations', 'NATO', 'the European Union', 'the Foreign Ministry',
  'Reuters', 'the Red Cross', 'the World Bank', 'Amnesty International'];
const CUES = ['said', 'told reporters', 'added', 'stressed', 'warned', 'wrote'];
const CONDEMN = ['condemned', 'denounced', 'criticised', 'blamed', 'accused', 'did not condemn'];
const FILLER = ['talks', 'the ceasefire', 'the sanctions', 'the summit', 'trade', 'the strike',
  'the agreement', 'the border', 'the election', 'the vote'];

// A self-made news corpus (used when ../shared is absent): the same shapes as the dev articles
// (headline, dateline, quotes with speakers, condemnations), generated from fixed lists.
export function syntheticArticles(count, seed = 1) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const articles = [];
  for (let i = 0; i < count; ++i) {
    const lines = [`${pick(PLACES).toUpperCase()} TALKS ON ${pick(FILLER).toUpperCase()}`,
      `${pick(PLACES)} 2024-0${1 + (i % 9)}-1${i % 10}`];
    const sentences = [];
    const n = 6 + Math.floor(rand() * 10);
    for (let s = 0; s < n; ++s) {
      const r = rand();
      if (r < 0.3) sentences.push(`“We will not accept ${pick(FILLER)},” ${pick(PEOPLE)} ${pick(CUES)} in ${pick(PLACES)}.`);
      else if (r < 0.45) sentences.push(`${pick(PEOPLE)} ${pick(CUES)} that ${pick(ORGS)} had "no plan" for ${pick(FILLER)}.`);
      else if (r < 0.6) sentences.push(`${pick(ORGS).replace(/^the /, 'The ')} ${pick(CONDEMN)} ${pick(PLACES)} over ${pick(FILLER)}.`);
      else sentences.push(`Officials from ${pick(PLACES)} and ${pick(PLACES)} met on Monday to discuss ${pick(FILLER)}, according to ${pick(ORGS)}.`);
    }
    lines.push(sentences.join(' '));
    articles.push(lines.join('\n'));
  }
  return articles;
}

// The dev articles: { source, articles }. `smoke` keeps a handful.
export function loadCorpus({ smoke = false } = {}) {
  const sample = sampleArticle();
  const conll = path.join(SHARED, 'conll2003', 'eng.testa');
  const converter = path.join(SHARED, 'conll2003', 'conll2json.py');
  if (!smoke && fs.existsSync(conll) && fs.existsSync(converter)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-bench-'));
    try {
      const out = path.join(dir, 'dev.jsonl');
      const r = spawnSync('python3', [converter, conll, out], { encoding: 'utf8' });
      if (r.status === 0) {
        const docs = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
        return { source: `CoNLL-2003 eng.testa (${docs.length} articles) + sample article`, articles: [...docs, sample] };
      }
      console.error(`bench: conll2json.py failed (${r.stderr.trim()}); using the self-made corpus`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const count = smoke ? 4 : 200;
  return { source: `self-made corpus (${count} articles) + sample article`, articles: [...syntheticArticles(count), sample] };
}

// `articles` joined and repeated up to `bytes` (UTF-8) of text, cut at an article boundary.
export function repeatToSize(articles, bytes, separator = '\n\n') {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % articles.length) {
    parts.push(articles[i]);
    size += Buffer.byteLength(articles[i]) + separator.length;
  }
  return parts.join(separator);
}

// The pathological inputs of issue 8, each roughly `scale` times its full size (1 = the sizes
// the issue names). Returns [{ name, text }].
export function pathologicalInputs(articles, scale = 1) {
  const rand = prng(8);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const n = (x) => Math.max(1, Math.round(x * scale));

  const oneLine = repeatToSize(articles.map((a) => a.replace(/\s*\n\s*/g, ' ')), n(10 << 20), ' ');

  const marks = ['"', '“', '”', "'", '‘', '’', '«', '»', '„'];
  const words = ['a', 'said', 'Putin', 'the', 'war', 'no', 'Lavrov', '.', ','];
  const quoteParts = [];
  for (let i = 0; i < n(200000); ++i) quoteParts.push(pick(marks) + (rand() < 0.5 ? pick(words) + ' ' : ''));
  const quotes = quoteParts.join('');

  const capitals = ['Foreign', 'Minister', 'Wang', 'Yi', 'Vladimir', 'Putin', 'United', 'Nations',
    'The', 'New', 'York', 'Security', 'Council', 'President', 'Of', 'Beijing', 'Reuters', 'Mr'];
  const caps = [];
  for (let i = 0; i < n(100000); ++i) caps.push(pick(capitals));
  const capitalised = caps.join(' ');

  const depth = n(50000);
  let open = '';
  let close = '';
  for (let i = 0; i < depth; ++i) {
    open += i % 2 ? '‘' : '“';
    close = (i % 2 ? '’' : '”') + close;
  }
  const nested = `Lavrov said ${open}we condemn the attack${close}, according to TASS.`;

  const word = 'Abcdefghij'.repeat(n(1 << 20) / 10 | 0);

  return [
    { name: `${fmtSize(Buffer.byteLength(oneLine))} without a newline`, text: oneLine },
    { name: `${quoteParts.length.toLocaleString('en')} quote marks`, text: quotes },
    { name: `${caps.length.toLocaleString('en')} capitalised words in a row`, text: capitalised },
    { name: `quotes nested ${depth.toLocaleString('en')} deep`, text: nested },
    { name: `a ${fmtSize(word.length)} "word"`, text: word },
  ];
}

export function fmtSize(bytes) {
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

// Random text of `length` UTF-16 code units: ASCII words, punctuation, quote marks, accented
// letters, CJK, emoji (surrogate pairs) and lone surrogates.
export function randomText(rand, length) {
  const pieces = [' ', ' ', '\n', '.', ',', '"', '“', '”', '’', 'é', 'Ж', '中', '😀', '\u0000',
    '\uD800', '\uDC00', 'The', 'Said', 'minister', 'condemned', 'Putin', 'Paris'];
  let s = '';
  while (s.length < length) {
    const r = rand();
    if (r < 0.3) s += String.fromCharCode(Math.floor(rand() * 0x10000));
    else s += pieces[Math.floor(rand() * pieces.length)];
  }
  return s;
}
