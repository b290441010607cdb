// wasm/html.mjs (the CLI's --html page): speakers written after their quotes, negation as a
// badge, crossing spans nested once, reported speech marked, article text escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml } from '../../wasm/html.mjs';
import { ENTITY_TYPES } from '../../wasm/palette.mjs';

const text = 'Wang Yi said "we <b>condemn</b> Russia" and did not condemn China.';
const at = (s, from = 0) => { const start = text.indexOf(s, from); return { start, end: start + s.length }; };
const result = {
  schema: 'presslens/1',
  entities: [
    { id: 'e0', type: 'PERSON', name: 'Wang Yi', wikidata: 'Q7968', mentions: [{ ...at('Wang Yi'), text: 'Wang Yi' }] },
    { id: 'e1', type: 'GPE', name: 'Russia', mentions: [{ ...at('Russia'), text: 'Russia' }] },
    { id: 'e2', type: 'GPE', name: 'China', mentions: [{ ...at('China'), text: 'China' }] },
  ],
  quotes: [{ id: 'q0', ...at('we <b>condemn</b> Russia'), text: 'we <b>condemn</b> Russia', kind: 'direct', speaker: { entity: 'e0', name: 'Wang Yi', ...at('Wang Yi') }, cue: { lemma: 'say', ...at('said') }, rule: 'R' }],
  condemnations: [
    { id: 'c0', ...at('condemn Russia'), cue: { lemma: 'condemn', ...at('condemn'), cameo: '122' }, source: null, target: { ...at('Russia'), text: 'Russia', entity: 'e1' }, negated: false, quote: 'q0', rule: 'R' },
    { id: 'c1', ...at('did not condemn China'), cue: { lemma: 'condemn', ...at('condemn', text.indexOf('not')), cameo: '122' }, source: null, target: { ...at('China'), text: 'China', entity: 'e2' }, negated: true, quote: null, rule: 'R' },
  ],
};
const page = renderHtml([{ name: 'a.txt', text, result }]);
const body = page.slice(page.indexOf('<div class="text">'), page.indexOf('</div></section>'));

test('the speaker is written after the quote, and a negated cue gets a badge', () => {
  assert.match(body, /<\/span>&quot;<span class="who">— Wang Yi \(said\)<\/span>/, 'after the closing quote mark');
  assert.match(body, /did not <b class="cue"[^>]*>condemn<\/b><span class="badge">negated<\/span>/);
  assert.equal(body.match(/badge/g).length, 1, 'only the negated cue has a badge');
  assert.ok(!page.includes('line-through'));
});

test('article text is escaped and the page text is the article plus the labels', () => {
  assert.ok(!body.includes('<b>') && body.includes('&lt;b&gt;'));
  const plain = body.replace(/<span class="(who|badge)[^"]*">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  assert.equal(plain, text);
});

test('each span opens once unless a crossing span cuts it; tags balance', () => {
  assert.equal((body.match(/<mark/g) ?? []).length, 3);
  assert.equal((body.match(/<span class="quote/g) ?? []).length, 1);
  assert.equal((body.match(/<b class="cue"/g) ?? []).length, 2);
  for (const tag of ['mark', 'span', 'b']) assert.equal((body.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, (body.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, tag);
  assert.match(page, /Q7968/, 'a Wikidata id is in the mention\'s title');
});

test('reported speech is marked apart from direct quotes; colours come from the shared table', () => {
  const reported = renderHtml([{ name: 'b', text, result: { ...result, quotes: [{ ...result.quotes[0], kind: 'indirect' }], condemnations: [] } }]);
  assert.match(reported, /<span class="quote indirect" title="reported speech">/);
  for (const { color } of Object.values(ENTITY_TYPES)) assert.ok(page.includes(color), color);
});
