// scripts/gum-ner-docs.mjs: GUM's entity layer as training documents for the entity tagger
// (proper names only, titles outside, types mapped, held-out documents left out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGumDocuments } from '../../scripts/gum-ner-docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const row = (id, form, upos, xpos, head, misc = '_') =>
  [id, form, form, upos, xpos, '_', head, 'dep', '_', misc].join('\t');
// Invented sentences in the corpus' format (CorefUD Entity brackets in MISC).
const CONLLU = [
  '# newdoc id = GUM_bio_sample',
  '# newpar',
  '# text = Yesterday President Ada Marsh\'s team visited the University of Elm in Brandport.',
  row(1, 'Yesterday', 'NOUN', 'NN', 7),
  row(2, 'President', 'PROPN', 'NNP', 4, 'Entity=(4-person-new-nnnnn-cf1-6-coref(1-person-new-nnnnn-cf2-3-coref-Ada_Marsh'),
  row(3, 'Ada', 'PROPN', 'NNP', 4),
  row(4, 'Marsh', 'PROPN', 'NNP', 6, 'SpaceAfter=No'),
  row(5, '\'s', 'PART', 'POS', 4, 'Entity=1)'),
  row(6, 'team', 'NOUN', 'NN', 7, 'Entity=4)'),
  row(7, 'visited', 'VERB', 'VBD', 0),
  row(8, 'the', 'DET', 'DT', 9, 'Entity=(2-organization-new-nnnnn-cf3-2-coref'),
  row(9, 'University', 'PROPN', 'NNP', 7),
  row(10, 'of', 'ADP', 'IN', 11),
  row(11, 'Elm', 'PROPN', 'NNP', 9, 'Entity=2)'),
  row(12, 'in', 'ADP', 'IN', 13),
  row(13, 'Brandport', 'PROPN', 'NNP', 7, 'Entity=(3-place-new-nnnnn-cf4-1-sgl)|SpaceAfter=No'),
  row(14, '.', 'PUNCT', '.', 7),
  '',
  '# newpar',
  '# text = Many Swiss walkers read Hydro Notes in October.',
  row(1, 'Many', 'ADJ', 'JJ', 3, 'Entity=(5-person-new-nnnnn-cf1-3-sgl'),
  row(2, 'Swiss', 'ADJ', 'JJ', 3),
  row(3, 'walkers', 'NOUN', 'NNS', 4, 'Entity=5)'),
  row(4, 'read', 'VERB', 'VBD', 0),
  row(5, 'Hydro', 'PROPN', 'NNP', 6, 'Entity=(6-abstract-new-nnnnn-cf2-2-sgl'),
  row(6, 'Notes', 'PROPN', 'NNPS', 4, 'Entity=6)'),
  row(7, 'in', 'ADP', 'IN', 8),
  row(8, 'October', 'PROPN', 'NNP', 4, 'Entity=(7-time-new-nnnnn-cf3-1-sgl)|SpaceAfter=No'),
  row(9, '.', 'PUNCT', '.', 4),
  '',
  '# newdoc id = GUM_news_sample',
  '# newpar',
  '# text = Brandport votes.',
  row(1, 'Brandport', 'PROPN', 'NNP', 2, 'Entity=(1-place-new-nnnnn-cf1-1-sgl)'),
  row(2, 'votes', 'VERB', 'VBZ', 0, 'SpaceAfter=No'),
  row(3, '.', 'PUNCT', '.', 2),
  '',
].join('\n');

function read(options) {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-gum-'));
  try {
    writeFileSync(join(dir, 'sample.conllu'), CONLLU);
    return readGumDocuments(join(dir, 'sample.conllu'), {
      titlesPath: join(root, 'data', 'titles.txt'), keep: (id) => !id.startsWith('GUM_news_'), ...options,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const spans = (doc) => doc.entities.map((e) => [doc.text.slice(e.start, e.end), e.type]);

test('proper-name mentions become typed spans; titles, determiners, times, common nouns and a sentence-initial adjective stay out', () => {
  const docs = read({ adjectives: true });
  assert.equal(docs.length, 1, 'the GUM_news_ document is left out');
  assert.equal(docs[0].text,
    'Yesterday President Ada Marsh\'s team visited the University of Elm in Brandport.\n' +
    'Many Swiss walkers read Hydro Notes in October.');
  assert.deepEqual(spans(docs[0]), [
    ['Ada Marsh', 'PER'], ['University of Elm', 'ORG'], ['Brandport', 'LOC'],
    ['Swiss', 'MISC'], ['Hydro Notes', 'MISC'],
  ]);
});

test('other types can be left out, and adjectives are MISC only when asked', () => {
  const [doc] = read({ otherType: null });
  assert.deepEqual(spans(doc), [['Ada Marsh', 'PER'], ['University of Elm', 'ORG'], ['Brandport', 'LOC']]);
});
