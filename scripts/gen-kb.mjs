#!/usr/bin/env node
// Builds the knowledge base data/kb.tsv (npm run gen:kb) from sourced tables:
//   ../shared/data/kb-sources/   countries, international organisations, parties, US office
//                                holders, US newspapers, PETRARCH2 actor dictionaries, GUM's
//                                Wikipedia -> Wikidata map (see ../shared/data/README.md)
//   node_modules/name-suggestion-index   brands with their brand:wikidata ids (devDependency)
//   data/kb-curated.tsv          the most-named companies, media, agencies and leaders: each
//                                row names the source table its id is read from here
// Every row of the output keeps its sources; no id is written that is not read from one of
// them. Rows without an id are kept: they give a name a type and a country, and they make a
// name that two things share ambiguous ("George Bush" is two presidents). The output is
// committed (CI has no ../shared) and compiled into the core; only a developer runs this
// script (it also reads UD English train files, data/given-names.txt and Debian iso-codes).
//
// Output, one name per line:  name <tab> TYPE <tab> QID or - <tab> country or - <tab> sources
// (comma-separated tags, data/LICENSES.md), sorted by the name in lower case; the names of one
// entity share its id. A name in lower case (PETRARCH2's, whose source has capitals only)
// matches in any case.
// A name two rows share is ambiguous: the core gives it no id (core/knowledge_base.h).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, '..', 'shared', 'data', 'kb-sources');
if (!existsSync(src)) {
  console.error(`gen-kb: ${src} is absent; data/kb.tsv is kept as committed`);
  process.exit(1);
}
const read = (f) => readFileSync(join(src, f), 'utf8');

// CSV with quoted fields.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

// Words English writes in lower case (UD English EWT and GUM train: at least twice, and at
// least a third of the time) and given names: a one-word name that is such a word
// ("Coalition", "The Post", "Laura") names too many things to carry an id, except in the
// curated list and the country table.
const lowerCase = new Map();  // folded word -> [count in lower case, count otherwise]
for (const f of ['en_ewt-ud-train.conllu', 'en_gum-ud-train.cc-by.conllu']) {
  for (const line of readFileSync(join(src, '..', 'ud', f), 'utf8').split('\n')) {
    const form = line.split('\t')[1];
    if (!form || line.startsWith('#') || !/^[A-Za-z]/.test(form)) continue;
    const k = form.toLowerCase();
    const n = lowerCase.get(k) ?? [0, 0];
    ++n[form === k ? 0 : 1];
    lowerCase.set(k, n);
  }
}
// Given names (data/given-names.txt): a one-word name that is one ("Laura", a clothes brand)
// is more often a person in news text.
const givenNames = new Set(readFileSync(join(root, 'data', 'given-names.txt'), 'utf8').split('\n').map((l) => l.split('\t')[0].trim().toLowerCase()));
const common = (name) => {
  const w = name.replace(/^The /, '');
  const [lower, other] = lowerCase.get(w.toLowerCase()) ?? [0, 0];
  return !/[ .&-]/.test(w) && ((lower >= 2 && 2 * lower >= other) || givenNames.has(w.toLowerCase()));
};
// Kept: names of three characters or more, or capitals ("EU"), not a common word. A one-word
// name of a brand, company, newspaper or party is also a town, a team, a surname or a word
// too often ("Bristol", "Markham", "Republic"): only the curated list, the country and
// organisation tables, and acronyms of parties keep one-word names.
const ONE_WORD_SOURCES = ['kb-curated', 'gum-wiki-map', 'country-codes', 'iso-codes', 'supraverden', 'congress-legislators'];
// Brackets must pair: a source line cut inside one ("(The Arizona Sentinel") is no name.
const paired = (n) => (n.match(/[([]/g) ?? []).length === (n.match(/[)\]]/g) ?? []).length;
const namelike = (n, source) => (n.length >= 3 || /^[A-Z.]+$/.test(n)) && /[A-Za-z]/.test(n) && n.length <= 80 &&
  !/[\t|]/.test(n) && paired(n) && (['kb-curated', 'gum-wiki-map', 'country-codes', 'iso-codes'].includes(source) || !common(n)) &&
  (/[ ]/.test(n.replace(/^The /, '')) || ONE_WORD_SOURCES.includes(source) ||
   (source === 'partyfacts' && /^[A-Z]{3,}$/.test(n)));

const entities = new Map();  // key (QID, or type + folded name when there is none) -> row
const clean = (s) => (s ?? '').replace(/\s+/g, ' ').replace(/ \([^)]*\)$/, '').trim();
// The curated list (data/kb-curated.tsv): TYPE <tab> name <tab> aliases (|) <tab> source of
// the id <tab> country. The source is gum:TITLE, a Wikipedia title of GUM's map, whose id is
// read there, or '-': a name of a known type that no source gives an id ("Bloomberg").
const gum = new Map();
for (const line of read('gum-wiki_map.tab').split('\n')) {
  const [title, , qid] = line.split('\t');
  if (qid && !title.startsWith('#')) gum.set(decodeURIComponent(title).replace(/_/g, ' '), qid.trim());
}
const curatedRows = readFileSync(join(root, 'data', 'kb-curated.tsv'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [type, name, aliases, from, country] = l.split('\t');
    let qid = '';
    if (from !== '-') {
      const [table, key] = from.split(/:(.*)/);
      if (table !== 'gum') throw new Error(`kb-curated.tsv: unknown source ${from}`);
      qid = gum.get(key);
      if (!qid) throw new Error(`kb-curated.tsv: ${key} is not in gum-wiki_map.tab`);
    }
    return { type, names: [name, ...(aliases ? aliases.split('|') : [])], qid, country: country ?? '' };
  });
// A curated name is the sense news means by it ("PBS" is the broadcaster, not a party of
// Malaysia): another table's row of that name is left out unless it has the curated row's id.
const curatedId = new Map(curatedRows.flatMap((r) => r.names.map((n) => [clean(n).toLowerCase(), r.qid])));
function add(type, names, qid, country, source) {
  // "The Washington Post" is also "Washington Post" (a sentence's first "The" is not part of it).
  names = names.map(clean).flatMap((n) => (/^The \S+ \S/.test(n) ? [n, n.slice(4)] : [n]));
  // Arabic's article opens an organisation's name with a space or a hyphen ("Al Jazeera",
  // "Al-Jazeera"): both (not a person's: "Al Gore").
  if (type === 'ORG')
    names = names.flatMap((n) => {
      const m = /^(Al|al)([ -])([A-Z]\S*.*)$/.exec(n);
      return m ? [n, `${m[1]}${m[2] === ' ' ? '-' : ' '}${m[3]}`] : [n];
    });
  names = names.filter((n) => namelike(n, source) &&
    (source === 'kb-curated' || !curatedId.has(n.toLowerCase()) ||
     (qid && curatedId.get(n.toLowerCase()) === qid)));
  if (!names.length) return;
  if (qid && !/^Q\d+$/.test(qid)) qid = '';
  const key = qid || `${type}\t${names[0].toLowerCase()}`;
  let e = entities.get(key);
  if (!e) entities.set(key, (e = { type, names: [], qid, country: '', sources: new Set() }));
  for (const n of names) if (!e.names.includes(n)) e.names.push(n);
  if (!e.country && country) e.country = country;
  e.sources.add(source);
}

// Countries (ODC-PDDL): CLDR and UN short names; every other table names countries by ISO3.
// A country is called by the gazetteer's canonical name (data/gazetteer-places.txt), the
// name the core gives its entity, when the gazetteer knows one of its names.
const gazetteerCountry = new Map();  // any name of a country -> its canonical name
for (const line of readFileSync(join(root, 'data', 'gazetteer-places.txt'), 'utf8').split('\n')) {
  const [type, name, aliases, kv] = line.split('\t');
  if (type === 'GPE' && kv === `country=${name}`)
    for (const n of [name, ...(aliases ? aliases.split('|') : [])]) gazetteerCountry.set(n, name);
}
const countryOf = new Map();  // ISO3 -> name
const iso3Of = new Map();  // ISO2 -> ISO3
for (const r of parseCsv(read('country-codes.csv'))) {
  const qid = (r.wikidata_id ?? '').replace(/^.*\//, '');
  const cldr = r['CLDR display name'];
  if (!cldr || !r['ISO3166-1-Alpha-3']) continue;
  const name = [cldr, r['official_name_en']].map((n) => gazetteerCountry.get(n)).find(Boolean) ?? cldr;
  countryOf.set(r['ISO3166-1-Alpha-3'], name);
  iso3Of.set(r['ISO3166-1-Alpha-2'], r['ISO3166-1-Alpha-3']);
  const un = (r['UNTERM English Short'] ?? '').replace(/ \(the\)$/, '').replace(/ \(.*\)$/, '');
  add('GPE', [name, cldr, r['official_name_en'], un].filter((n) => n && !/[(),]/.test(n)), qid, name, 'country-codes');
}

// A country's name that a state or province elsewhere also has ("Georgia"; territories that
// are also countries' subdivisions are the same place): a row of its own
// (Debian iso-codes, ISO 3166-2; no id), so that the name is ambiguous and gets no id.
{
  const countryNames = new Set([...entities.values()].flatMap((e) => e.names));
  const iso = JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2'];
  for (const s of iso)
    if (countryNames.has(s.name) && !/Country|Outlying|Overseas|Geographical/.test(s.type) &&
        countryOf.get(iso3Of.get(s.code.slice(0, 2))) !== s.name)
      add('GPE', [s.name], '', countryOf.get(iso3Of.get(s.code.slice(0, 2))) ?? '', 'iso-codes');
}

// International organisations (CC BY-SA 4.0): a minimal reader for its flat YAML records.
{
  let rec = null;
  const flush = () => {
    if (!rec) return;
    const names = [rec.Name_en, rec.Abbreviation_en, rec.Name_other_en, rec.Name_other_2_en, rec.Abbreviation_other_en];
    add('ORG', names.filter((n) => n && n !== 'null'), rec.Wikidata_code, '', 'supraverden');
  };
  for (const line of read('supraverden-general_list.yaml').split('\n')) {
    if (/^\S.*:$/.test(line)) { flush(); rec = {}; continue; }
    const m = /^ {2}([A-Za-z0-9_]+): (.*)$/.exec(line);
    if (m && rec) rec[m[1]] = m[2].replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
  }
  flush();
}

// Political parties (MIT, Döring & Regel): English name, short name when it is one.
for (const r of parseCsv(read('partyfacts-wikidata.csv'))) {
  const short = /^[A-Za-z][\w.-]{2,}$/.test(r.name_short) ? [r.name_short] : [];
  add('ORG', [r.name, ...short], r.wikidata_id, countryOf.get(r.country) ?? '', 'partyfacts');
}

// US Congress and the executive (CC0): official name, first + last, nickname + last.
for (const file of ['congress-legislators-current.yaml', 'congress-executive.yaml']) {
  for (const block of read(file).split(/^- id:$/m).slice(1)) {
    const field = (k) => (new RegExp(`^ {4}${k}: (.*)$`, 'm').exec(block)?.[1] ?? '').replace(/^'(.*)'$/, '$1');
    const [first, last, nick, full, middle] = ['first', 'last', 'nickname', 'official_full', 'middle'].map(field);
    if (!last) continue;
    const names = [full, `${first} ${last}`, nick && `${nick} ${last}`, middle && `${first} ${middle} ${last}`];
    add('PERSON', names.filter(Boolean), field('wikidata'), 'United States', 'congress-legislators');
  }
}

// US newspapers (CC0): Wikipedia titles with their ids. A title that is a place's name in the
// gazetteer ("St. Louis") links the place's article, not a newspaper's: left out.
const placeNames = new Set(readFileSync(join(root, 'data', 'gazetteer-places.txt'), 'utf8').split('\n')
  .flatMap((l) => { const f = l.split('\t'); return f.length > 2 ? [f[1], ...f[2].split('|')] : []; }));
// A title without an id is kept as a name of a newspaper (a row without an id); one written
// with its article after a comma ("AC Phoenix, The") is written with it first.
for (const line of read('wikipedia-us-newspapers.tsv').split(/\r?\n/).slice(1)) {
  const [title, , , , qid] = line.split('\t');
  if (!title) continue;
  const name = title.replace(/_/g, ' ').replace(/^(.*), (The|A)$/, '$2 $1');
  if (!placeNames.has(clean(name)))
    add('ORG', [name], (qid ?? '').trim(), 'United States', 'wiki-media-cred');
}

// name-suggestion-index (BSD-3-Clause): brands whose Wikidata label is their display name
// (a sub-brand, such as a chain's fuel stations, has a label of its own).
{
  const dist = join(root, 'node_modules', 'name-suggestion-index', 'dist');
  const nsi = JSON.parse(readFileSync(join(dist, 'json', 'nsi.json'), 'utf8')).nsi;
  const labels = JSON.parse(readFileSync(join(dist, 'wikidata', 'wikidata.json'), 'utf8')).wikidata;
  for (const [path, cat] of Object.entries(nsi)) {
    if (!path.startsWith('brands/')) continue;
    for (const item of cat.items) {
      const qid = item.tags['brand:wikidata'];
      const label = labels[qid]?.label;
      if (qid && label && label === item.displayName && /^[\x20-\x7e]+$/.test(label))
        add('ORG', [label], qid, '', 'name-suggestion-index');
    }
  }
}

// The curated rows, tagged kb-curated (which the core reads as curated, knowledge_base.h) and
// gum-wiki-map when their id is read from GUM's map.
for (const { type, names, qid, country } of curatedRows) {
  add(type, names, qid, country, 'kb-curated');
  if (qid) add(type, names, qid, country, 'gum-wiki-map');
}

// PETRARCH2 actors (MIT): companies (MNC), intergovernmental (IGO) and non-governmental
// organisations (NGO) and armed groups, with their aliases and country; no ids. Blocks whose
// comment marks office holders are people. A company's name also stands without its legal
// suffix when two words or more remain ("Peabody Energy Corp" -> "Peabody Energy").
// Read last: a name a sourced row already has is left to that row.
const named = new Set([...entities.values()].flatMap((e) => e.names.map((n) => n.toLowerCase())));
// The dictionaries code people as the group they act for ("OSAMA_BIN_LADEN [IMGMUSALQ]", a
// World Bank president [IGOUNODEVWBK]); a person is no organisation, so these blocks are
// persons' rows (without an id). A block is a person's when its first name has the shape of a
// person's (up to four words, none "the", a word English writes in lower case (a particle of
// three letters or fewer inside it aside: "al", "bin") or an organisation's head word of
// data/en/function-words.txt) and
//   - an intergovernmental or non-governmental actor's code holds for a span of dates (a term
//     of office: "[IGOUNOIAE 811201-971130]"), or
//   - outside the company lists (companies are often named after people: "Philip Morris"), the
//     name has two words or more and another of its names is its last words ("Ayman al
//     Zawahiri" ... "Zawahiri"), or it opens with a given name and ends in a word the UD
//     treebanks have at most twice (a surname, not "Red Crescent").
const headWords = (() => {
  const text = readFileSync(join(root, 'data', 'en', 'function-words.txt'), 'utf8');
  const list = (name) => (new RegExp(`^\\[${name}\\]\\n([^[]*)`, 'm').exec(text)?.[1] ?? '')
    .split('\n').filter((l) => !l.startsWith('#')).join(' ').split(/\s+/).filter(Boolean);
  return new Set([...list('organisation-head'), ...list('company-head')]);
})();
const lowerWord = (w) => { const [lower, other] = lowerCase.get(w) ?? [0, 0]; return lower >= 2 && 2 * lower >= other; };
const rareWord = (w) => { const [lower, other] = lowerCase.get(w) ?? [0, 0]; return lower + other <= 2; };
function personBlock(names, codes, raw) {
  const words = names[0].split(' ');
  if (words.length > 4 || words[0] === 'the' ||
      words.some((w, i) => ((w.length > 3 || i === 0 || i === words.length - 1) && lowerWord(w)) || headWords.has(w) ||
      !/^[a-z][a-z.'-]*$/.test(w)))
    return false;
  if (codes.some((c) => /^(IGO|NGO)/.test(c)) && /\d{6}\s*-\s*\d{6}|[<>]\s*\d{6}/.test(raw)) return true;
  if (codes.some((c) => c.startsWith('MNC')) || words.length < 2) return false;
  return names.slice(1).some((n) => names[0].endsWith(` ${n}`)) || (givenNames.has(words[0]) && rareWord(words.at(-1)));
}
for (const file of ['petrarch2-Phoenix.International.actors.txt', 'petrarch2-Phoenix.MilNonState.actors.txt']) {
  const armed = file.includes('MilNonState');
  let block = null;
  const flush = () => {
    if (!block || /rulers/i.test(block.comment)) return;
    const code = block.codes.find((c) => /^(MNC|IGO|NGO)/.test(c)) ?? (armed ? block.codes[0] : null);
    if (!code) return;
    const country = countryOf.get(code.slice(armed ? 0 : 3, armed ? 3 : 6)) ?? '';
    // Written in capitals there: kept in lower case, which the core matches in any case.
    const name = (s) => s.replace(/_+$/, '').replace(/_/g, ' ').replace(/ \([A-Z]+\)$/, '').toLowerCase();
    const names = block.names.map(name);
    if (personBlock(names, block.codes, block.raw)) {
      add('PERSON', names.filter((n) => !named.has(n.toLowerCase())), '', '', 'petrarch2');
      return;
    }
    if (code.startsWith('MNC'))
      for (const n of [...names]) {
        const stem = n.replace(/,? (corp|corporation|inc|incorporated|co|company|ltd|limited|plc|llc|holdings?|group)\.?$/, '');
        if (stem !== n && / /.test(stem) && !names.includes(stem)) names.push(stem);
      }
    add('ORG', names.filter((n) => !named.has(n.toLowerCase())), '', country, 'petrarch2');
  };
  for (const raw of read(file).split('\n')) {
    const [line, ...comment] = raw.split('#');
    const codes = [...line.matchAll(/\[([A-Z]{3,})[^\]]*\]/g)].map((m) => m[1]);
    const head = line.replace(/\[.*$/, '').trim();
    if (/^[A-Z0-9]/.test(raw)) {
      flush();
      block = { names: [head], codes, comment: comment.join('#'), raw: line };
    } else if (block && raw.startsWith('+')) {
      block.names.push(head.slice(1));
    } else if (block) {
      block.codes.push(...codes);
      block.comment += comment.join('#');
      block.raw += line;
    }
  }
  flush();
}

// One line per name, sorted by the name in ASCII lower case as bytes: the core finds a name by
// binary search in the embedded file, with nothing to build at start-up.
const fold = (n) => Buffer.from(n.replace(/[A-Z]/g, (c) => c.toLowerCase()));
const rows = [...entities.values()];
const lines = rows
  .flatMap((e) => e.names.map((n) => [n, e.type, e.qid || '-', e.country || '-', [...e.sources].sort().join(',')]))
  .sort((a, b) => Buffer.compare(fold(a[0]), fold(b[0])) || (a.join('\t') < b.join('\t') ? -1 : 1))
  .map((l) => l.join('\t'));
writeFileSync(join(root, 'data', 'kb.tsv'),
  '# Generated by scripts/gen-kb.mjs (npm run gen:kb); sources and licences: data/LICENSES.md\n' +
  '# name <tab> TYPE <tab> Wikidata id or - <tab> country or - <tab> sources; sorted by lower-case name\n' +
  lines.join('\n') + '\n');
const count = (s) => rows.filter((e) => e.sources.has(s)).length;
console.log(`data/kb.tsv: ${rows.length} entities, ${rows.filter((e) => e.qid).length} with an id, ${lines.length} names; ` +
  ['country-codes', 'iso-codes', 'supraverden', 'partyfacts', 'congress-legislators', 'wiki-media-cred', 'petrarch2',
    'name-suggestion-index', 'kb-curated'].map((s) => `${s} ${count(s)}`).join(', '));
