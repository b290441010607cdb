// web/view.mjs: the page's highlight spans, findings, labels and drawing chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSpans } from '../../wasm/spans.mjs';
import { entityIndex } from '../../web/models.mjs';
import { chunkEnds, chunkIndex, collectSpans, describe, makeChunks } from '../../web/view.mjs';
import { result, text } from './page-fixture.mjs';

test('spans: sorted for nesting; findings are mentions, quotes and cues in text order', async () => {
  const view = await collectSpans(text, result);
  for (let i = 1; i < view.spans.length; i++) assert.ok(compareSpans(view.spans[i - 1], view.spans[i]) <= 0);
  const kinds = (k) => view.spans.filter((s) => s.kind === k).length;
  assert.deepEqual([kinds('mention'), kinds('quote'), kinds('cue'), kinds('clause'), kinds('target'), kinds('actor')], [11, 3, 3, 3, 3, 6]);
  assert.deepEqual(view.findings.map((s) => s.f), view.findings.map((_, i) => i));
  assert.ok(view.findings.every((s, i) => i === 0 || view.findings[i - 1].start <= s.start));
  assert.equal(view.quotes.get('q1').speaker.start, result.quotes[1].speaker.start);
  assert.equal(view.conds.get('c1').source.start, result.condemnations[1].source.start);
  assert.equal(view.entities.get('e1').mentions.length, 3);
});

test('a speaker and a source on the same words share one span; cues are shared by their condemnations', async () => {
  const c = result.condemnations[2];
  const shared = { ...result, condemnations: [c, { ...c, id: 'c9', negated: true }] };
  const view = await collectSpans(text, shared);
  assert.equal(view.conds.get('c2').cue, view.conds.get('c9').cue);
  assert.deepEqual(view.conds.get('c2').cue.conds.map((x) => x.id), ['c2', 'c9']);
  assert.equal(view.conds.get('c2').source, view.conds.get('c9').source);
});

test('out-of-range offsets are clamped, empty spans dropped', async () => {
  const bad = { entities: [{ id: 'e', type: 'GPE', name: 'X', mentions: [{ start: -5, end: 3 }, { start: 9, end: 9 }, { start: 2, end: 1e9 }] }], quotes: [], condemnations: [] };
  const view = await collectSpans('abcdef', bad);
  assert.deepEqual(view.spans.map((s) => [s.start, s.end]), [[0, 3], [2, 6]]);
});

test('a tick answering false stops the work', async () => {
  assert.equal(await collectSpans(text, result, async () => false), null);
});

test('labels name the finding, its speaker or its source', async () => {
  const view = await collectSpans(text, result);
  const byId = entityIndex(result);
  const label = (kind, id) => describe(view.spans.find((s) => s.kind === kind && (s.quote?.id ?? s.entity?.id ?? s.conds?.[0].id) === id), byId);
  assert.equal(label('mention', 'e1'), 'Country or city: China, mention 1 of 3');
  assert.equal(label('quote', 'q1'), 'reported + quoted quote, said by Sergey Lavrov');
  assert.equal(label('cue', 'c1'), 'negated condemnation: the West condemn, target Moscow');
});

test('chunks end at line breaks after 4,000 characters; lines over 64,000 are cut at a space', () => {
  const lines = Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(i % 90)}`).join('\n');
  const ends = chunkEnds(lines);
  assert.equal(ends.at(-1), lines.length);
  for (let i = 0; i < ends.length - 1; i++) {
    assert.equal(lines[ends[i] - 1], '\n');
    assert.ok(ends[i] - (ends[i - 1] ?? 0) >= 4000);
  }
  const one = 'word '.repeat(40000);
  const cut = chunkEnds(one);
  assert.ok(cut.length >= 3 && cut.every((e, i) => e === one.length || (one[e - 1] === ' ' && e - (cut[i - 1] ?? 0) <= 64000)));
  assert.deepEqual(chunkEnds(''), []);
  assert.deepEqual(chunkEnds('short'), [5]);
});

test('each chunk lists the spans overlapping it, in order; chunkIndex finds an offset\'s chunk', async () => {
  const long = `${text}\n`.repeat(200);
  const many = { entities: [{ id: 'e', type: 'GPE', name: 'China', mentions: [] }], quotes: [{ ...result.quotes[0], start: 10, end: long.length - 10 }], condemnations: [] };
  for (let p = long.indexOf('China'); p >= 0; p = long.indexOf('China', p + 1)) many.entities[0].mentions.push({ start: p, end: p + 5 });
  const view = await collectSpans(long, many);
  assert.ok(await makeChunks(view));
  assert.ok(view.chunks.length > 3);
  for (const [i, chunk] of view.chunks.entries()) {
    const expected = view.spans.filter((s) => s.start < chunk.end && s.end > chunk.start);
    assert.deepEqual(chunk.spans, expected, `chunk ${i}`);
    assert.equal(chunkIndex(view, chunk.start), i);
    assert.equal(chunkIndex(view, chunk.end - 1), i);
  }
});
