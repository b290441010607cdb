// The wasm heap returns to its baseline: many analyze() calls after warm-up do not grow it, on
// the sample article and on random text (lone surrogates, NUL, emoji, CJK); and after an error
// (a non-string, a text over the limit) the analyzer keeps working and the heap stays put.
// The heap size is read through bench/heap-probe.mjs (the exported WebAssembly.Memory).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';

import { prng, randomText } from '../../bench/corpus.mjs';
import { heapBytes, installHeapProbe } from '../../bench/heap-probe.mjs';

installHeapProbe();
const { createAnalyzer, InvalidArgumentError, TextTooLargeError } = await import('../../wasm/index.mjs');

const CALLS = Number(process.env.PRESSLENS_MEMORY_CALLS ?? 10000);
const sample = fs.readFileSync(new URL('../../data/sample-article.txt', import.meta.url), 'utf8');
// 10,000 calls on the whole article take too long for a unit test, so the calls cycle through
// its paragraphs (every one of them, many times) and the whole article now and then.
const paragraphs = sample.split(/\n\s*\n/).filter((p) => p.trim());

// Runs `calls` analyses of texts(i); returns the heap after `warmup` calls and at the end.
function heapAcross(analyzer, calls, texts, warmup = 200) {
  for (let i = 0; i < warmup; ++i) analyzer.analyze(texts(i));
  const warm = heapBytes();
  for (let i = warmup; i < warmup + calls; ++i) analyzer.analyze(texts(i));
  return { warm, after: heapBytes() };
}

test('the heap probe sees the wasm memory', async () => {
  const analyzer = await createAnalyzer();
  try {
    analyzer.analyze(sample);
    assert.ok(heapBytes() > 0, 'no WebAssembly.Memory seen: did the package stop using WebAssembly.instantiate?');
  } finally {
    analyzer.dispose();
  }
});

test(`no heap growth over ${CALLS} calls on the sample article`, async () => {
  const analyzer = await createAnalyzer();
  try {
    const texts = (i) => (i % 1000 === 0 ? sample : paragraphs[i % paragraphs.length]);
    const { warm, after } = heapAcross(analyzer, CALLS, texts);
    assert.equal(after, warm, `heap grew from ${warm} to ${after} bytes`);
    assert.ok(analyzer.analyze(sample).entities.length > 0);
  } finally {
    analyzer.dispose();
  }
});

test(`no heap growth over ${CALLS} calls on random text (lone surrogates, NUL, emoji)`, async () => {
  const analyzer = await createAnalyzer();
  try {
    const rand = prng(42);
    // The same 64 random texts of up to 600 code units, so the warm-up has seen the largest.
    const pool = Array.from({ length: 64 }, (_, i) => randomText(rand, 40 + ((i * 37) % 560)));
    const { warm, after } = heapAcross(analyzer, CALLS, (i) => pool[i % pool.length]);
    assert.equal(after, warm, `heap grew from ${warm} to ${after} bytes`);
  } finally {
    analyzer.dispose();
  }
});

test('after errors the analyzer keeps working and the heap does not grow', async () => {
  const analyzer = await createAnalyzer({ maxLength: 10000 });
  try {
    const expected = JSON.stringify(analyzer.analyze(sample));
    for (let i = 0; i < 50; ++i) analyzer.analyze(sample);
    const warm = heapBytes();
    for (let i = 0; i < 200; ++i) {
      for (const bad of [undefined, null, 42, {}, ['text'], Symbol('s')]) {
        assert.throws(() => analyzer.analyze(bad), InvalidArgumentError);
      }
      assert.throws(() => analyzer.analyze('x'.repeat(10001)), TextTooLargeError);
      assert.equal(JSON.stringify(analyzer.analyze(sample)), expected);
    }
    assert.equal(heapBytes(), warm, 'heap grew across errors');
  } finally {
    analyzer.dispose();
  }
});

test('analyzers the user forgets are freed when they are garbage-collected', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const settle = async () => {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));  // finalizers run after the GC
    gc();
  };
  const kept = await createAnalyzer();  // keeps the one WebAssembly instance alive
  const forget = async () => { (await createAnalyzer()).analyze(sample); };
  // Without the registry each forgotten analyzer would keep its tables (about 2 MB) in the heap.
  try {
    for (let i = 0; i < 5; ++i) await forget();
    await settle();
    const base = heapBytes();
    for (let i = 0; i < 40; ++i) {
      await forget();
      if (i % 4 === 3) await settle();
    }
    await settle();
    const growth = heapBytes() - base;
    assert.ok(growth < 8 * 1024 * 1024, `40 forgotten analyzers grew the heap by ${growth} bytes`);
  } finally {
    kept.dispose();
  }
});
