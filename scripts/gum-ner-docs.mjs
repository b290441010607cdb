// Training documents for the entity tagger from the entity layer of UD English GUM (CC BY 4.0,
// Zeldes 2017): the `Entity=` brackets of a .conllu file's MISC column (CorefUD format,
// GRP-etype-infstat-salience-centering-minspan-link-identity). readGumDocuments(path, options)
// returns one document per GUM document, {id, text, entities: [{start, end, type, eid, etype}]}
// (JavaScript string offsets; eid and etype: GUM's entity id and type), the text rebuilt from
// the tokens and SpaceAfter=No (sentences of a paragraph joined by a space, paragraphs by a
// newline).
//
// GUM marks every mention (pronouns and common-noun phrases too); a mention is kept as a name
// when its head word is a proper noun (UPOS PROPN) other than a title, and is not a time
// ("October", "Wednesday"). The name is the run of proper nouns (and capitalised adjectives and
// numbers: "Royal Society", "Johann II") around the head, joined only by connectors with a name
// word on both sides ("University of Chicago"); a title of data/titles.txt before the head
// ("President", "Mr.") and what precedes it, determiners and a possessive 's stay outside, as
// in dev/ENTITIES.md. A name nested in another name is dropped (the outer one is the entity).
// Types: person -> PER, organization -> ORG, place -> LOC; the other GUM types (event, object,
// abstract ...) take `otherType` (MISC, or null: left out, their words then train as outside).
// A person mention whose head is a plural proper noun (NNPS: "Americans", "Democrats") is a
// group, not a person: it takes `otherType` too. With `adjectives`, a capitalised adjective
// outside names that the file never writes in lower case ("Swiss", "North Korean") is MISC, as
// CoNLL-2003 tags it. `keep(id)` chooses the documents (every GUM_news_* document is left out
// for the tagger: they are a held-out set).
import { readFileSync } from 'node:fs';

const TYPES = { person: 'PER', organization: 'ORG', place: 'LOC' };
const CONNECTORS = new Set(['of', '&', 'the', 'de', 'for', 'on', 'in', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'al', 'el', '-', '.']);

function readTitles(path) {
  const titles = new Set();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const t = line.trim();
    if (t && !t.startsWith('#')) titles.add(t.toLowerCase());
  }
  return titles;
}

// Mentions opened and closed in one MISC Entity value: "(1-person-...(2-place-...)1)".
function parseEntityValue(value) {
  const events = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === '(') {
      let j = i + 1;
      while (j < value.length && value[j] !== '(' && value[j] !== ')') j++;
      const fields = value.slice(i + 1, j).split('-');
      events.push({ open: true, eid: fields[0], etype: fields[1] });
      if (value[j] === ')') {
        events.push({ close: true, eid: fields[0] });
        j++;
      }
      i = j;
    } else {
      let j = i;
      while (j < value.length && value[j] !== ')' && value[j] !== '(') j++;
      if (value[j] === ')') {
        events.push({ close: true, eid: value.slice(i, j) });
        j++;
      }
      i = j;
    }
  }
  return events;
}

export function readGumDocuments(path, { titlesPath, otherType = 'MISC', adjectives = false, keep = () => true } = {}) {
  const titles = titlesPath ? readTitles(titlesPath) : new Set();
  const lines = readFileSync(path, 'utf8').split('\n');
  // the words the kept documents also write in lower case: common words, whatever their case
  const lower = new Set();
  let kept = false;
  for (const line of lines) {
    if (line.startsWith('# newdoc id = ')) kept = keep(line.slice('# newdoc id = '.length).trim());
    const form = line.split('\t')[1];
    if (kept && form && /^\p{Ll}+$/u.test(form)) lower.add(form);
  }
  const docs = [];
  let doc = null;
  let sent = null;
  const flushSentence = () => {
    if (!sent || !sent.words.length) return;
    finishSentence(doc, sent, titles, otherType, adjectives ? lower : null);
    sent = null;
  };
  const flushDoc = () => {
    flushSentence();
    if (doc && keep(doc.id)) docs.push({ id: doc.id, text: doc.text.replace(/ +$/, ''), entities: doc.entities });
  };
  let newpar = false;
  for (const line of lines) {
    if (line.startsWith('# newdoc id')) {
      flushDoc();
      doc = { id: line.split('=')[1].trim(), text: '', entities: [], open: new Map() };
      newpar = true;
    } else if (line.startsWith('# newpar')) {
      if (line.startsWith('# newpar ') || line === '# newpar') newpar = true;
    } else if (line.startsWith('#')) {
      continue;
    } else if (!line.trim()) {
      flushSentence();
    } else {
      const cols = line.split('\t');
      if (cols.length < 10 || cols[0].includes('.')) continue;
      if (!sent) {
        doc.text = doc.text.replace(/ +$/, '');
        if (doc.text) doc.text += newpar ? '\n' : ' ';
        newpar = false;
        sent = { words: [], range: null };
      }
      const misc = cols[9];
      const noSpace = /(^|\|)SpaceAfter=No(\||$)/.test(misc);
      if (cols[0].includes('-')) {
        // a multi-word token: its form is the text; its words take their parts of it when they
        // spell it out ("Daniel" + "'s"), else all of it
        const b = Number(cols[0].split('-')[1]);
        const start = doc.text.length;
        doc.text += cols[1];
        sent.range = { last: b, start, end: doc.text.length, cursor: start, noSpace };
        continue;
      }
      const id = Number(cols[0]);
      let start, end;
      if (sent.range && id <= sent.range.last) {
        const r = sent.range;
        const at = doc.text.slice(r.cursor, r.end).toLowerCase();
        if (r.cursor >= 0 && at.startsWith(cols[1].toLowerCase()) && cols[1]) {
          start = r.cursor;
          end = r.cursor + cols[1].length;
          r.cursor = end;
        } else {
          ({ start, end } = r);
          r.cursor = -1;
        }
        if (id === sent.range.last) {
          if (!sent.range.noSpace) doc.text += ' ';
          sent.range = null;
        }
      } else {
        start = doc.text.length;
        doc.text += cols[1];
        end = doc.text.length;
        if (!noSpace) doc.text += ' ';
      }
      const word = { id, form: cols[1], upos: cols[3], xpos: cols[4], head: Number(cols[6]), start, end };
      sent.words.push(word);
      const ent = misc.split('|').find((f) => f.startsWith('Entity='));
      if (ent) {
        for (const ev of parseEntityValue(ent.slice('Entity='.length))) {
          if (ev.open) {
            if (!doc.open.has(ev.eid)) doc.open.set(ev.eid, []);
            doc.open.get(ev.eid).push({ etype: ev.etype, first: sent.words.length - 1, sent });
          } else {
            const stack = doc.open.get(ev.eid);
            const m = stack?.pop();
            if (m && m.sent === sent) {
              sent.mentions ??= [];
              sent.mentions.push({ eid: ev.eid, etype: m.etype, first: m.first, last: sent.words.length - 1 });
            }
          }
        }
      }
    }
  }
  flushDoc();
  return docs;
}

// `lower`: the words written in lower case, when capitalised adjectives are MISC (else null).
function finishSentence(doc, sent, titles, otherType, lower) {
  const words = sent.words;
  const names = [];
  for (const m of sent.mentions ?? []) {
    const inSpan = (w) => w.id >= words[m.first].id && w.id <= words[m.last].id;
    const heads = words.slice(m.first, m.last + 1).filter((w) => w.head === 0 || !inSpan(words[w.head - 1] ?? { id: -1 }));
    if (heads.length !== 1) continue;
    const head = words.indexOf(heads[0]);
    if (words[head].upos !== 'PROPN' || m.etype === 'time' || titles.has(words[head].form.toLowerCase())) continue;
    const isName = (k) => words[k].upos === 'PROPN' ||
      ((words[k].upos === 'ADJ' || words[k].upos === 'NUM') && /^\p{Lu}/u.test(words[k].form));
    let a = head;
    let b = head;
    for (;;) {
      if (a - 1 >= m.first && isName(a - 1)) a--;
      else if (a - 2 >= m.first && CONNECTORS.has(words[a - 1].form.toLowerCase()) && words[a - 1].form !== 'The' && isName(a - 2)) a -= 2;
      else break;
    }
    for (;;) {
      if (b + 1 <= m.last && isName(b + 1)) b++;
      else if (b + 2 <= m.last && CONNECTORS.has(words[b + 1].form.toLowerCase()) && isName(b + 2)) b += 2;
      else break;
    }
    // a title before the head ("President", "Foreign Minister", "Mr.") and what precedes it stay
    // outside the name ("U.S. President Obama" -> "Obama"; "U.S." is a mention of its own)
    for (let p = head - 1; p >= a; p--) {
      const n = [3, 2, 1].find((k) => p + k <= head &&
        titles.has(words.slice(p, p + k).map((w) => w.form).join(' ').toLowerCase()));
      if (n) {
        a = p + n;
        break;
      }
    }
    let type = TYPES[m.etype] ?? otherType;
    if (m.etype === 'person' && words[head].xpos === 'NNPS') type = otherType;
    names.push({ a, b, type, eid: m.eid, etype: m.etype });
  }
  // the outermost names; of two that overlap without nesting, the longer
  names.sort((x, y) => (y.b - y.a) - (x.b - x.a) || x.a - y.a);
  const taken = [];
  for (const n of names) {
    if (taken.some((t) => !(n.b < t.a || n.a > t.b))) continue;
    taken.push(n);
  }
  const headline = !words.some((w) => /^\p{Ll}{4,}/u.test(w.form));
  if (lower && !headline) {
    // capitalised adjectives outside names ("Swiss", "North Korean") that the file never writes
    // in lower case: MISC, as CoNLL-2003 tags them (not in a title-case heading, where every
    // word is capitalised)
    for (let k = 1; k < words.length; k++) {
      const proper = (w) => w.upos === 'ADJ' && /^\p{Lu}\p{Ll}/u.test(w.form) && !lower.has(w.form.toLowerCase());
      if (!proper(words[k]) || taken.some((t) => k >= t.a && k <= t.b)) continue;
      let b = k;
      while (b + 1 < words.length && proper(words[b + 1])) b++;
      taken.push({ a: k, b, type: 'MISC' });
      k = b;
    }
  }
  for (const n of taken.sort((x, y) => x.a - y.a)) {
    if (!n.type) continue;
    doc.entities.push({ start: words[n.a].start, end: words[n.b].end, type: n.type, eid: n.eid, etype: n.etype });
  }
}
