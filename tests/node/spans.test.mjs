// wasm/spans.mjs: crossing, nested, equal, empty and out-of-range spans, surrogate pairs, and
// random span sets checked against what any nesting must keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSpans, nestSpans } from '../../wasm/spans.mjs';

// Markup with <name> ... </name> per span piece, as a consumer writes it.
function render(text, spans, from = 0, to = text.length) {
  const sorted = [...spans].sort(compareSpans);
  let out = '';
  let stack = [];
  for (const { start, end, keep, open } of nestSpans(sorted, from, to)) {
    while (stack.length > keep) out += `</${stack.pop().name}>`;
    for (const s of open) { out += `<${s.name}>`; stack.push(s); }
    out += text.slice(start, end);
  }
  while (stack.length) out += `</${stack.pop().name}>`;
  return out;
}

const span = (name, start, end, layer = 0) => ({ name, start, end, layer });

test('nested spans open outermost first and close innermost first', () => {
  assert.equal(render('abcdefgh', [span('m', 2, 4), span('q', 1, 6)]), 'a<q>b<m>cd</m>ef</q>gh');
});

test('crossing spans: the later one is cut where the earlier one ends', () => {
  assert.equal(render('abcdefgh', [span('q', 0, 4), span('c', 2, 7)]), '<q>ab<c>cd</c></q><c>efg</c>h');
});

test('equal spans nest by layer, smaller outside', () => {
  assert.equal(render('abc', [span('in', 0, 3, 5), span('out', 0, 3, 1)]), '<out><in>abc</in></out>');
  assert.equal(render('abc', [span('out', 0, 3, 1), span('in', 0, 3, 5)]), '<out><in>abc</in></out>');
});

test('same start: the longer span is outside', () => {
  assert.equal(render('abcdef', [span('s', 0, 2), span('l', 0, 5)]), '<l><s>ab</s>cde</l>f');
});

test('empty spans and spans outside the range are skipped; no text is lost', () => {
  assert.equal(render('abc', [span('e', 1, 1), span('x', 5, 9), span('b', 2, 1)]), 'abc');
  assert.equal(render('', [span('e', 0, 0)]), '');
  assert.deepEqual(nestSpans([], 0, 0), []);
});

test('a window [from, to) cuts spans at its edges', () => {
  assert.equal(render('abcdefgh', [span('q', 1, 6)], 3, 8), '<q>def</q>gh');
  const [first] = nestSpans([span('q', 1, 6)], 3, 8);
  assert.deepEqual({ start: first.start, keep: first.keep, open: first.open.map((s) => s.name) }, { start: 3, keep: 0, open: ['q'] });
});

test('surrogate pairs stay whole when spans are UTF-16 offsets around them', () => {
  const text = 'a😀b “😀 c” 中文😀';
  const emoji = text.indexOf('😀', 2);
  const spans = [span('q', text.indexOf('“'), text.indexOf('”') + 1), span('m', emoji, emoji + 2), span('z', text.indexOf('中'), text.length)];
  assert.equal(render(text, spans), 'a😀b <q>“<m>😀</m> c”</q> <z>中文😀</z>');
});

test('random spans: every span\'s pieces are contiguous and cover exactly its text', () => {
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const text = 'Wang Yi said “China 😀 will stand with Russia” and condemned the sanctions.'.repeat(2);
  for (let round = 0; round < 300; round++) {
    const spans = Array.from({ length: 1 + rand(8) }, (_, i) => {
      const start = rand(text.length);
      return span(`s${i}`, start, start + rand(30), rand(3));
    });
    const sorted = [...spans].sort(compareSpans);
    const covered = new Map(spans.map((s) => [s, []]));
    let stack = [];
    let last = 0;
    for (const { start, end, keep, open } of nestSpans(sorted, 0, text.length)) {
      assert.equal(start, last, 'segments are consecutive');
      last = end;
      stack = [...stack.slice(0, keep), ...open];
      for (let i = 1; i < stack.length; i++) assert.ok(compareSpans(stack[i - 1], stack[i]) < 0, 'inner spans sort after outer ones');
      for (const s of stack) covered.get(s).push([start, end]);
      assert.deepEqual(new Set(stack), new Set(spans.filter((s) => s.start <= start && end <= s.end && s.end > s.start)), 'the open spans are those covering the segment');
    }
    assert.equal(last, text.length);
    for (const [s, parts] of covered) {
      const joined = parts.map(([a, b]) => text.slice(a, b)).join('');
      assert.equal(joined, s.end > s.start ? text.slice(s.start, Math.min(s.end, text.length)) : '');
      for (let i = 1; i < parts.length; i++) assert.equal(parts[i][0], parts[i - 1][1]);
    }
  }
});
