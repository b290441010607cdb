#!/usr/bin/env node
// Compiles the condemnation and speech lexicons into C++ arrays:
//   node gen-lexicons.mjs OUT.cc condemnation-cues.txt condemnation-words.txt \
//       speech-cues.txt speaker-words.txt en/function-words.txt
// The regular inflections and plurals are generated here, at build time, so that building the
// Analyzer (at every cold start) parses nothing and makes no string: CueLexicon
// (core/condemnation_lexicon.h) uses the arrays in place, SpeechLexicon (core/speech_cues.h)
// only hashes its words. The output depends only on the inputs (deterministic).
import { readFileSync, writeFileSync } from 'node:fs';

const [out, cuesPath, wordsPath, speechPath, speakerPath, functionPath] = process.argv.slice(2);
if (!out || !functionPath) {
  console.error('usage: gen-lexicons.mjs OUT.cc condemnation-cues.txt condemnation-words.txt ' +
    'speech-cues.txt speaker-words.txt en/function-words.txt');
  process.exit(2);
}

// The lines of a data file as ForEachDataLine (core/data.h) reads them.
function dataLines(path) {
  return readFileSync(path, 'latin1')
    .split('\n')
    .map((l) => l.replace(/[\r \t]+$/, '').replace(/^[ \t]+/, ''))
    .filter((l) => l !== '' && l[0] !== '#');
}
const words = (s) => s.split(/[ \t]+/).filter((w) => w !== '');
const blockName = (line) => {
  const close = line.indexOf(']');
  return close < 0 ? line.slice(1) : line.slice(1, close);
};

// --- Regular inflections.
const isVowel = (c) => 'aeiou'.includes(c) && c !== '';
const endsWithAny = (s, ...suffixes) => suffixes.some((x) => s.endsWith(x));
// A one-syllable verb ending in one consonant after one vowel doubles it before -ed and -ing
// ("slam" -> "slammed", "rap" -> "rapped"; not "mock", "boo", "blow").
function doublesFinal(v) {
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v) && !/[aeiou]{2}/.test(v);
}
// Base, -s, -ed, -ing.
function verbForms(v) {
  let third, past, gerund;
  const last = v.slice(-1);
  if (doublesFinal(v)) return [v, v + 's', v + last + 'ed', v + last + 'ing'];
  if (v.length > 1 && last === 'y' && !isVowel(v[v.length - 2])) {
    third = v.slice(0, -1) + 'ies';
    past = v.slice(0, -1) + 'ied';
  } else {
    third = endsWithAny(v, 's', 'x', 'z', 'ch', 'sh', 'o') ? v + 'es' : v + 's';
    past = last === 'e' ? v + 'd' : v + 'ed';
  }
  if (v.endsWith('ie')) gerund = v.slice(0, -2) + 'ying';
  else if (last === 'e' && !endsWithAny(v, 'ee', 'oe', 'ye')) gerund = v.slice(0, -1) + 'ing';
  else gerund = v + 'ing';
  return [v, third, past, gerund];
}
function nounPlural(n) {
  if (n.length > 1 && n.endsWith('y') && !isVowel(n[n.length - 2])) return n.slice(0, -1) + 'ies';
  if (endsWithAny(n, 's', 'x', 'ch', 'sh')) return n + 'es';
  return n + 's';
}
// "criticize" -> "criticise"; '' when there is no -iz- spelling.
function britishSpelling(w) {
  const p = w.lastIndexOf('iz');
  if (p < 0 || p + 2 >= w.length) return '';
  return w.slice(0, p + 1) + 's' + w.slice(p + 2);
}

// --- Cues: "POS LEMMA [~ NOUNS] | TARGET FLAGS | IRREGULAR FORMS" under "[CAMEO name]" blocks.
const Form = { kBase: 0, kThird: 1, kPast: 2, kGerund: 3, kNoun: 4, kNounPlural: 5 };
const FormName = Object.fromEntries(Object.entries(Form).map(([k, v]) => [v, k]));
const FLAGS = ['obj', 'that', 'clause', 'subj', 'light', 'verbal', 'actor', 'accuse', 'blame',
  'deny', 'negative', 'expressed', 'labelled', 'copula', 'factual'];
const entries = [];
const forms = new Map();  // form -> [[entry, kind]], in the order first seen
let cameo = '';
// The lines as entries, in file order; a verb's nouns ("condemn ~ condemnation") follow it,
// made from the verb's block unless an "n" line of their own states them (that line wins).
const specs = [];
const explicitNouns = new Set();
for (const line of dataLines(cuesPath)) {
  if (line[0] === '[') {
    cameo = words(blockName(line))[0] ?? '';
    continue;
  }
  const fields = line.split('|');
  const [lemmaPart, nounPart] = fields[0].split('~');
  const head = words(lemmaPart);
  if (head.length < 2 || (head[0] !== 'v' && head[0] !== 'n')) continue;
  const noun = head[0] === 'n';
  const e = { lemma: head.slice(1).join(' '), cameo, noun, rest: head.slice(2), preps: [] };
  for (const f of FLAGS) e[f] = false;
  for (const f of fields.length > 1 ? words(fields[1]) : []) {
    if (f === 'clause') e.that = e.clause = true;
    else if (FLAGS.includes(f)) e[f] = true;
    else if (f === 'fixed') e.fixed = true;
    else if (f !== 'particle') e.preps.push(f);  // particle: documentation only
  }
  e.irregular = fields.length > 2 ? words(fields[2]) : [];
  if (noun) explicitNouns.add(e.lemma);
  else if (nounPart === undefined) throw new Error(`${cuesPath}: verb cue "${e.lemma}" names no noun (~ NOUN, or ~ -)`);
  specs.push(e);
  for (const n of words(nounPart ?? '').filter((w) => w !== '-')) {
    const made = { lemma: n, cameo, noun: true, rest: [], preps: ['of', 'against'], irregular: [], made: true };
    for (const f of FLAGS) made[f] = false;
    made.deny = e.deny;
    specs.push(made);
  }
}
for (const e of specs.filter((s) => !(s.made && explicitNouns.has(s.lemma)))) {
  const noun = e.noun;
  const id = entries.length;
  entries.push(e);
  const add = (form, kind) => {
    if (form === '') return;
    if (!forms.has(form)) forms.set(form, []);
    const refs = forms.get(form);
    if (!refs.some(([en, k]) => en === id && k === kind)) refs.push([id, kind]);
  };
  const first = e.lemma.split(' ')[0];
  const addSpelling = (sp) => {
    if (noun) {
      add(sp, Form.kNoun);
      add(nounPlural(sp), Form.kNounPlural);
    } else {
      verbForms(sp).forEach((f, k) => add(f, [Form.kBase, Form.kThird, Form.kPast, Form.kGerund][k]));
    }
  };
  if (e.fixed) add(first, Form.kBase);
  else addSpelling(first);
  const british = e.fixed ? '' : britishSpelling(first);
  if (british) addSpelling(british);
  // Irregular forms: the kind follows from the ending; "hit", "came": an irregular past,
  // which is also the base form when it is no longer than the lemma.
  for (const f of e.irregular) {
    const kind = noun ? (f.endsWith('s') ? Form.kNounPlural : Form.kNoun)
      : f.endsWith('ing') ? Form.kGerund
      : f.endsWith('s') ? Form.kThird
      : f === first ? Form.kBase
      : Form.kPast;
    add(f, kind);
    if (!noun && kind === Form.kPast && f.length <= first.length) add(f, Form.kBase);
  }
}

// --- Word lists: "[name]" blocks; verbs get their regular forms too. Numbered blocks are the
// CAMEO sub-codes of "accuse X of Z" (words, or phrases written a_b), [collective] one phrase
// per line.
const VERB_LISTS = ['denial', 'refusal', 'request', 'light', 'dismissal', 'speech', 'naming', 'framing', 'provoke',
  'provoke-with-agent', 'control', 'non-assertive'];
const lists = new Map();  // name -> Set of words, in the order first seen
const collective = [];
const topics = [];
let block = '';
let topic = null;
for (const line of dataLines(wordsPath)) {
  if (line[0] === '[') {
    block = blockName(line);
    topic = null;
    if (/^[0-9]/.test(block)) {
      topic = { code: words(block)[0] ?? '', words: new Set(), phrases: [] };
      topics.push(topic);
    }
    continue;
  }
  if (topic) {
    for (const w of words(line)) {
      if (w.includes('_')) topic.phrases.push(w.split('_'));
      else topic.words.add(w);
    }
    continue;
  }
  if (block === 'collective') {
    collective.push(words(line));
    continue;
  }
  if (!lists.has(block)) lists.set(block, new Set());
  const set = lists.get(block);
  for (const w of words(line)) {
    if (!VERB_LISTS.includes(block)) {
      set.add(w);
      continue;
    }
    for (const f of verbForms(w)) set.add(f);
    const british = britishSpelling(w);
    if (british) for (const f of verbForms(british)) set.add(f);
  }
}

// Sections of the function words that the chunker, the coreference pass, the condemnation reader
// and the speaker pass use as lists (CueLexicon::List).
const FUNCTION_LISTS = ['passive-aux', 'aux', 'deontic', 'first-person', 'irregular-participle',
  'deictic-time',
  'time-opener',
  'clause-conjunction',
  'approximator',
  'subject-lead',
  'weekday-determiner',
  'conditional',
  'epistemic-modal',
  'future-modal',
  'stative-aux',
  'inversion-aux',
  'gerund-preposition',
  'deliberation-word',
  'future-to',
  'negative-to',
  'condition-conjunction',
  'actor-and',
  'source-preposition',
  'reason-preposition',
  'refusal-preposition',
  'noun-coordinator',
  'demonstrative-pronoun',
  'anticipatory-it',
  'provoked-preposition',
  'free-relative',
  'head-end',
  'possessive-pronoun',
  'quote-clause-opener',
  'noun-after-adjective',
  'noun-before',
  'object-pronoun',
  'person-pronoun',
  'verb-object-pronoun',
  'subject-pronoun',
  'group-pronoun',
  'noun-determiner',
  'clause-opener',
  'not-subject-verb',
  'clause-coordinator',
  'sequence-adverb',
  'subordinator',
  'place-preposition',
  'role-preposition',
  'author-preposition',
  'agent-preposition',
  'title-small-word',
  'masculine-pronoun',
  'feminine-pronoun',
  'neuter-pronoun',
  'plural-pronoun',
  'subject-opener',
  'definite-article',
  'genitive-preposition',
  'additive-conjunction',
  'predicative-as',
  'expletive-subject',
  'label-preposition',
  'article',
  'geographic-feature',
  'event-word',
  'gathering-word',
  'storm-word',
  'common-acronym',
  'date-word',
  'organisation-head',
  'organisation-preposition',
  'place-head',
  'company-head',
  'polity-head',
  'topic-head',
  'domain-suffix',
  'facility-head',
  'leader-office',
  'compass-word',
  'and-or',
  'honorific',
];
// Sections of the speaker words that the speaker pass uses as lists.
const SPEAKER_LISTS = ['document-noun', 'statement-noun', 'label-verb', 'irregular-said',
  'comma-inverted-cue', 'singular-in-s', 'publication-noun', 'speech-particle', 'after-quote-verb',
  'speaker-relative'];
for (const [path, names] of [[functionPath, FUNCTION_LISTS], [speakerPath, SPEAKER_LISTS]]) {
  block = '';
  for (const line of dataLines(path)) {
    if (line[0] === '[') {
      block = blockName(line);
      if (names.includes(block)) {
        // One name, one list: a section of the same name in another file would replace it.
        if (lists.has(block)) throw new Error(`${path}: [${block}] is a list of another data file`);
        lists.set(block, new Set());
      }
      continue;
    }
    if (names.includes(block)) for (const w of words(line)) lists.get(block).add(w);
  }
  // A registered name without its section would be an empty list (CueLexicon::List).
  for (const name of names)
    if (!lists.has(name)) throw new Error(`${path}: no [${name}] section, which gen-lexicons.mjs registers`);
}

// --- Speech cues ("lemma <tab> class <tab> forms"), speaker words and function words
// ("[section]" blocks): each word once, with its classes and cue.
const CueClass = { speech: 'kSpeech', naming: 'kNaming', utter: 'kUtter', report: 'kReport',
  according: 'kAccording' };
// WordClass bits (speech_cues.h): exact spellings in bits 0-7, lower-case forms from bit 8.
const EXACT_SECTIONS = ['title', 'not-name', 'particle', 'weekday', 'male-honorific',
  'female-honorific'];
const LOWER_SECTIONS = ['role', 'human', 'determiner', 'label', 'label-before', 'masculine',
  'feminine', 'plural', 'pronoun', 'stop', 'preposition', 'skippable', 'and-or', 'not-verb'];
const Section = Object.fromEntries([
  ...EXACT_SECTIONS.map((s, k) => [`[${s}]`, 1 << k]),
  ...LOWER_SECTIONS.map((s, k) => [`[${s}]`, 1 << (8 + k)]),
]);
const EXACT = EXACT_SECTIONS.map((s) => Section[`[${s}]`]);
const kSpellings = 1 << 30;  // marks a lower-case form of an exact spelling (bit 15 when packed)
const speechWords = new Map();  // word -> {lower, exact, cue}, in the order first seen
const speechCues = [];  // {lemma, cls, participle}
const speechWord = (w) => {
  if (!speechWords.has(w)) speechWords.set(w, { lower: 0, exact: 0, cue: -1 });
  return speechWords.get(w);
};
for (const line of dataLines(speechPath)) {
  const t1 = line.indexOf('\t');
  const t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
  if (t2 < 0) continue;
  const cls = CueClass[line.slice(t1 + 1, t2)] ?? 'kSpeech';
  const cue = { plain: -1, participle: -1 };  // this line's two cues, made when first needed
  for (const form of words(line.slice(t2 + 1))) {
    const e = speechWord(form);
    if (e.cue >= 0) continue;  // the first line that lists a form wins
    const ing = form.length > 4 && form.endsWith('ing') && cls !== 'kAccording';
    const slot = ing ? 'participle' : 'plain';
    if (cue[slot] < 0) {
      cue[slot] = speechCues.length;
      speechCues.push({ lemma: line.slice(0, t1), cls, participle: ing });
    }
    e.cue = cue[slot];
  }
}
let section = 0;
for (const line of [...dataLines(speakerPath), ...dataLines(functionPath)]) {
  if (line[0] === '[') {
    section = Section[line] ?? 0;
    continue;
  }
  if (!section) continue;
  for (const w of words(line)) {
    if (section === Section['[role]'] || section === Section['[human]']) {
      // Nouns with the plurals the speaker pass accepts: -s, -es, -ies for -y, -men for -man.
      speechWord(w).lower |= section;
      if (w.length < 2) continue;
      speechWord(w + 's').lower |= section;
      speechWord(w + 'es').lower |= section;
      if (w.endsWith('y')) speechWord(w.slice(0, -1) + 'ies').lower |= section;
      if (w.length >= 4 && w.endsWith('man')) speechWord(w.slice(0, -3) + 'men').lower |= section;
    } else if (EXACT.includes(section)) {
      // Exact spellings; their lower-case forms are marked as such.
      speechWord(w).exact |= section;
      speechWord(w.replace(/[A-Z]/g, (c) => c.toLowerCase())).lower |= kSpellings;
    } else {
      speechWord(w).lower |= section;
    }
  }
}
if (speechCues.length > 254) throw new Error('more speech cues than PackedEntry holds');

// --- C++.
// A string literal (octal escapes: a hex escape would run into a following hex digit).
const lit = (s) =>
  '"' + Array.from(Buffer.from(s, 'latin1'), (b) =>
    b === 0x22 || b === 0x5c ? '\\' + String.fromCharCode(b)
      : b >= 0x20 && b < 0x7f ? String.fromCharCode(b)
      : '\\' + b.toString(8).padStart(3, '0')).join('') + '"';
let src = '// Generated by scripts/gen-lexicons.mjs from data/condemnation-*.txt, ' +
  'data/speech-cues.txt,\n// data/speaker-words.txt and data/en/function-words.txt. Do not edit.\n';
src += '#include "condemnation_lexicon.h"\n#include "speech_cues.h"\n\n';
src += 'namespace presslens {\nnamespace {\n\n';
// Arrays of words, shared by all spans: a span is (pointer, size) into one of them.
const arrays = [];
const span = (type, items) => {
  if (items.length === 0) return '{nullptr, 0}';
  const name = `k${type === 'std::string_view' ? 'Words' : 'Spans'}${arrays.length}`;
  arrays.push(`const ${type} ${name}[] = {${items.join(', ')}};`);
  return `{${name}, ${items.length}}`;
};
const wordSpan = (ws) => span('std::string_view', ws.map(lit));
const phraseSpan = (ps) => span('ArrayView<std::string_view>', ps.map(wordSpan));

const entryRows = entries.map((e) =>
  `    {${lit(e.lemma)}, ${lit(e.cameo)}, ${e.noun}, ${wordSpan(e.rest)}, ${wordSpan(e.preps)}, ` +
  FLAGS.map((f) => e[f]).join(', ') + '},');
const refRows = [];
const formRows = [];
for (const [form, refs] of forms) {
  formRows.push(`    {${lit(form)}, {kFormRefs + ${refRows.length}, ${refs.length}}},`);
  for (const [en, kind] of refs) refRows.push(`    {${en}, CueForm::${FormName[kind]}},`);
}
const listRows = [...lists].map(([name, set]) => `    {${lit(name)}, ${wordSpan([...set])}},`);
const collectiveSpan = phraseSpan(collective);
const topicRows = topics.map((t) =>
  `    {${lit(t.code)}, ${wordSpan([...t.words])}, ${phraseSpan(t.phrases)}},`);

src += arrays.join('\n') + '\n\n';
src += `const CueEntry kEntries[] = {\n${entryRows.join('\n')}\n};\n`;
src += `const CueFormRef kFormRefs[] = {\n${refRows.join('\n')}\n};\n`;
src += `const CueLexicon::FormData kForms[] = {\n${formRows.join('\n')}\n};\n`;
src += `const CueLexicon::ListData kLists[] = {\n${listRows.join('\n')}\n};\n`;
src += `const CueLexicon::TopicData kTopics[] = {\n${topicRows.join('\n')}\n};\n\n`;
src += '}  // namespace\n\n';
src += 'const CueLexicon::Data CueLexicon::kData = {\n';
src += `    {kEntries, ${entries.length}}, {kForms, ${forms.size}}, {kLists, ${lists.size}},\n`;
src += `    ${collectiveSpan}, {kTopics, ${topics.length}}};\n\n`;
const packed = [...speechWords].map(([w, e]) => {
  if (Buffer.byteLength(w, 'latin1') > 255) throw new Error(`speech word too long: ${w}`);
  const lower = (e.lower & (kSpellings - 1)) >> 8 | (e.lower & kSpellings ? 0x8000 : 0);
  return `{${Buffer.byteLength(w, 'latin1')}, ${e.cue + 1}, ${e.exact}, ${lower}}`;
});
const cueRows = speechCues.map((c) => `    {${lit(c.lemma)}, CueClass::${c.cls}, ${c.participle}},`);
src += 'namespace {\n\n';
src += `const SpeechLexicon::PackedEntry kSpeechEntries[] = {\n${packed.join(',\n')}};\n`;
src += `const CueInfo kSpeechCues[] = {\n${cueRows.join('\n')}\n};\n\n`;
src += '}  // namespace\n\n';
src += 'const SpeechLexicon::Data SpeechLexicon::kData = {\n';
src += `    {kSpeechEntries, ${packed.length}},\n`;
// The words' bytes as literals of about 96 characters, one per line (concatenated by C++).
const wordBytes = [...speechWords.keys()].join('');
const chunks = [];
for (let i = 0; i < wordBytes.length; i += 96) chunks.push('    ' + lit(wordBytes.slice(i, i + 96)));
src += `    {${chunks.join('\n').trimStart()},\n     ${Buffer.byteLength(wordBytes, 'latin1')}},\n`;
src += `    {kSpeechCues, ${speechCues.length}}};\n\n`;
src += '}  // namespace presslens\n';
writeFileSync(out, src);
