// web/models.mjs and web/format.mjs: what the demo page's panels and tabs show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plural, snippet } from '../../web/format.mjs';
import { actorName, entityExtra, entityGroups, entityIndex, eventCodes, isReported, kindLabel, speakerGroups, summaryCounts, wikidataURL } from '../../web/models.mjs';
import { result } from './page-fixture.mjs';

const byId = entityIndex(result);

test('summary counts for the tabs', () => {
  assert.deepEqual(summaryCounts(result), { quotes: 3, attributed: 3, reported: 2, condemnations: 3, negated: 1, entities: 7, mentions: 11 });
  const none = summaryCounts({ entities: [], quotes: [], condemnations: [] });
  assert.equal(none.quotes + none.entities + none.condemnations + none.mentions, 0);
});

test('who said what: a group per speaker, named by the entity, unattributed quotes last', () => {
  const quotes = [...result.quotes, { ...result.quotes[0], id: 'q9', speaker: null }, { ...result.quotes[0], id: 'q8' }];
  const groups = speakerGroups({ ...result, quotes }, byId);
  assert.deepEqual(groups.map((g) => [g.key, g.name, g.quotes.map((q) => q.id)]), [
    ['e0', 'Wang Yi', ['q0', 'q8']], ['e3', 'Sergey Lavrov', ['q1']], ['name:a spokesman', 'a spokesman', ['q2']], ['', '', ['q9']],
  ]);
  assert.equal(actorName({ entity: 'e3', name: 'Lavrov' }, byId), 'Sergey Lavrov', 'the canonical name');
  assert.equal(actorName({ entity: null, name: 'a spokesman' }, byId), 'a spokesman');
});

test('who is named: by type in the legend\'s order, most mentioned first; unknown types kept', () => {
  const groups = entityGroups({ ...result, entities: [...result.entities, { id: 'x', type: 'WORK_OF_ART', name: 'X', mentions: [] }] });
  assert.deepEqual(groups.map((g) => [g.type, g.entities.map((e) => e.id)]), [
    ['PERSON', ['e0', 'e3']], ['GPE', ['e1', 'e2', 'e5', 'e6']], ['NORP', ['e4']], ['WORK_OF_ART', ['x']],
  ]);
  assert.equal(groups[3].label, 'WORK_OF_ART');
  assert.equal(entityExtra(byId.get('e0')), 'Foreign Minister');
  assert.equal(entityExtra(byId.get('e5')), 'stands for Russia');
});

test('Wikidata links only for well-formed QIDs', () => {
  assert.equal(wikidataURL(byId.get('e0')), 'https://www.wikidata.org/wiki/Q7968');
  assert.equal(wikidataURL(byId.get('e3')), null, 'no id, no link');
  assert.equal(wikidataURL(byId.get('e6')), null, 'a malformed id makes no link');
  assert.equal(wikidataURL({ wikidata: 'Q0' }), null);
});

test('reported speech reads apart from quotes in marks', () => {
  assert.deepEqual(result.quotes.map((q) => [kindLabel(q.kind), isReported(q.kind)]), [['direct', false], ['reported + quoted', true], ['reported', true]]);
  assert.equal(kindLabel('partial'), 'partial');
});

test('number and snippet formatting', () => {
  assert.equal(plural(1, 'quote'), '1 quote');
  assert.equal(plural(12345, 'quote'), '12,345 quotes');
  assert.equal(snippet('abcdef', 4), 'abc…');
  assert.equal(snippet('abc', 4), 'abc');
});

test('event codes: CAMEO, and PLOVER when the result has it', () => {
  const c = result.condemnations[0];
  assert.equal(eventCodes(c), 'CAMEO 122');
  assert.equal(eventCodes({ ...c, plover: { event: 'ACCUSE', mode: 'disapprove' } }), 'CAMEO 122, PLOVER ACCUSE/disapprove');
});
