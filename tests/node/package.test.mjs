// The package API from Node: schema, offsets as string indices, bad input, dispose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAnalyzer, DisposedError, InvalidArgumentError, MAX_TEXT_LENGTH, PresslensError, WasmError,
  TextTooLargeError,
} from '../../wasm/index.mjs';

const sample = readFileSync(new URL('../../data/sample-article.txt', import.meta.url), 'utf8');
const analyzer = await createAnalyzer();

// Every span the schema gives a `text` must be exactly text.slice(start, end).
function assertSpans(text, r) {
  const inside = (s) => assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start >= 0 && s.start <= s.end && s.end <= text.length, JSON.stringify(s));
  for (const e of r.entities) {
    for (const m of e.mentions) { inside(m); assert.equal(text.slice(m.start, m.end), m.text); }
  }
  for (const q of r.quotes) {
    inside(q);
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.speaker) inside(q.speaker);
    if (q.cue) inside(q.cue);
  }
  for (const c of [...r.condemnations, ...r.denials]) {
    inside(c); inside(c.cue); inside(c.target);
    assert.equal(text.slice(c.target.start, c.target.end), c.target.text);
    if (c.source) inside(c.source);
  }
}

test('analyze returns presslens/1 with ids and the fields of PRODUCT.md', () => {
  const r = analyzer.analyze(sample);
  assert.equal(r.schema, 'presslens/1');
  assert.deepEqual(Object.keys(r), ['schema', 'entities', 'quotes', 'condemnations', 'denials']);
  assert.ok(r.entities.length > 5 && r.quotes.length > 5 && r.condemnations.length > 0);
  r.entities.forEach((e, i) => {
    assert.equal(e.id, `e${i}`);
    assert.match(e.type, /^(PERSON|ORG|GPE|LOC|NORP|EVENT)$/);
    assert.ok(e.name.length > 0 && e.mentions.length > 0);
  });
  const ids = new Set(r.entities.map((e) => e.id));
  const quoteIds = new Set(r.quotes.map((q) => q.id));
  r.quotes.forEach((q, i) => {
    assert.equal(q.id, `q${i}`);
    assert.match(q.kind, /^(direct|partial|scare|indirect|mixed)$/);
    assert.equal(typeof q.rule, 'string');
    if (q.speaker?.entity) assert.ok(ids.has(q.speaker.entity));
  });
  r.condemnations.forEach((c, i) => {
    assert.equal(c.id, `c${i}`);
    assert.equal(typeof c.negated, 'boolean');
    assert.match(c.cue.cameo, /^\d{2,4}$/);
    assert.match(c.plover.event, /^(ACCUSE|PROTEST)$/);
    if (c.source?.entity) assert.ok(ids.has(c.source.entity));
    if (c.quote) assert.ok(quoteIds.has(c.quote));
  });
  r.denials.forEach((d, i) => {
    assert.equal(d.id, `d${i}`);
    assert.equal(d.cue.cameo, '016');
    assert.equal(d.plover, undefined);
  });
  assertSpans(sample, r);
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(r)));
});

test('the sample article: quotes inside the marks, the headline condemnation', () => {
  const r = analyzer.analyze(sample);
  const quote = r.quotes.find((q) => q.text.startsWith('China will support Russia’s stable development'));
  assert.equal(sample[quote.start - 1], '‘');
  assert.equal(quote.text.endsWith('Putin,'), true);
  assert.ok(r.quotes.some((q) => q.text === 'fairness and justice'));
  assert.ok(r.condemnations.some((c) => c.cue.lemma === 'condemn' && c.target.text.includes('unlawful sanctions')));
});

test('offsets are UTF-16 indices with emoji, CJK, combining marks, curly quotes and CRLF', () => {
  const text = '👩‍👩‍👧 Ще e\u0301 北京 😀\r\n“Russia will 😀 win,” Putin said.\r\nChina condemned the 🇺🇦 sanctions imposed by Russia.';
  const r = analyzer.analyze(text);
  assertSpans(text, r);
  const russia = r.entities.find((e) => e.name === 'Russia');
  assert.ok(russia, 'Russia found after non-BMP characters');
  for (const m of russia.mentions) assert.equal(m.text, 'Russia');
  const q = r.quotes.find((x) => x.text.startsWith('Russia will'));
  assert.equal(q.text, 'Russia will 😀 win,');
});

test('offsets stay exact after long non-ASCII text (the UTF-8 buffer grows mid-text)', () => {
  for (const prefix of ['😀'.repeat(5000), 'é'.repeat(50000), '北京'.repeat(20000), 'x'.repeat(9000) + '\uD800'.repeat(3000)]) {
    const text = `${prefix} “Russia will win,” Putin said in Moscow.`;
    const r = analyzer.analyze(text);
    assertSpans(text, r);
    // Reported speech follows the quotes in marks.
    assert.equal(r.quotes.filter((q) => q.kind !== 'indirect' && q.kind !== 'mixed').at(-1).text, 'Russia will win,');
    assert.ok(r.entities.some((e) => e.name === 'Moscow'));
  }
});

test('bad input: typed errors, and the analyzer stays usable', () => {
  for (const bad of [undefined, null, 42, {}, ['text'], new String('x'), Symbol('s')]) {
    assert.throws(() => analyzer.analyze(bad), (e) => e instanceof InvalidArgumentError &&
      e instanceof PresslensError && e.code === 'ERR_INVALID_ARGUMENT' && /expects a string/.test(e.message));
  }
  assert.ok(analyzer.analyze('Russia condemned China.').entities.length > 0);
});

test('a text over maxLength is refused with TextTooLargeError', async () => {
  const small = await createAnalyzer({ maxLength: 100 });
  assert.equal(small.maxLength, 100);
  assert.throws(() => small.analyze('x'.repeat(101)), (e) => e instanceof TextTooLargeError &&
    e.code === 'ERR_TEXT_TOO_LARGE' && /limit is 100/.test(e.message));
  assert.equal(small.analyze('x'.repeat(100)).schema, 'presslens/1');
  small.dispose();
  assert.equal(analyzer.maxLength, MAX_TEXT_LENGTH);
  await assert.rejects(createAnalyzer({ maxLength: -1 }), InvalidArgumentError);
  await assert.rejects(createAnalyzer({ lexicon: [{ name: 'X', type: 'PLANET' }] }), /must be one of/);
  await assert.rejects(createAnalyzer('nope'), InvalidArgumentError);
});

test('odd but valid text is analysed without a crash', () => {
  const odd = [
    '', ' ', '\n\n\t  \r\n', '\0', 'a\0b "c\0d" e', '\uD800 lone \uDC00 surrogates \uDBFF',
    '"""""', '“‘«„', '”’»', '"unbalanced', 'He said \'\'\' "a \'b "c',
    '\u0007\u001b[31m control \u0085 \u2028 \u2029', 'x'.repeat(1000),
  ];
  for (const text of odd) {
    const r = analyzer.analyze(text);
    assert.equal(r.schema, 'presslens/1');
    assertSpans(text, r);
  }
});

test('a 10 MB single line is analysed', () => {
  const line = 'Russia condemned the "unlawful sanctions" imposed by the West, Lavrov said. '.repeat(140000);
  assert.ok(line.length > 10_000_000 && !line.includes('\n'));
  const r = analyzer.analyze(line);
  const marked = r.quotes.filter((q) => q.kind !== 'indirect' && q.kind !== 'mixed');
  assert.ok(marked.length >= 140000);
  const last = marked.at(-1);
  assert.equal(line.slice(last.start, last.end), 'unlawful sanctions');
});

test('a user lexicon adds names without rebuilding', async () => {
  const custom = await createAnalyzer({ lexicon: [{ name: 'Zorblax Industries', type: 'ORG', aliases: ['Zorblax'] }] });
  const r = custom.analyze('Zorblax Industries grew. Zorblax said so.');
  const e = r.entities.find((x) => x.name === 'Zorblax Industries');
  assert.equal(e?.type, 'ORG');
  assert.deepEqual(e.mentions.map((m) => m.text), ['Zorblax Industries', 'Zorblax']);
  custom.dispose();
});

test('dispose frees the analyzer; later calls throw DisposedError; others keep working', async () => {
  const a = await createAnalyzer();
  const b = await createAnalyzer();
  a.dispose();
  a.dispose();  // twice is harmless
  assert.throws(() => a.analyze('x'), (e) => e instanceof DisposedError && e.code === 'ERR_DISPOSED');
  assert.equal(b.analyze('Moscow').schema, 'presslens/1');
  b.dispose();
});

test('require() works from CommonJS', async () => {
  const require = createRequire(import.meta.url);
  const pl = require('../../wasm/index.cjs');
  assert.equal(pl.SCHEMA, 'presslens/1');
  const a = await pl.createAnalyzer();
  assert.equal(a.analyze('Russia').entities[0].name, 'Russia');
  const { InvalidArgumentError: E } = await pl.load();
  assert.throws(() => a.analyze(1), E);
  a.dispose();
});

test('the wasm bytes can be passed in (wasmBinary); a bad wasmURL is a WasmError', async () => {
  const bytes = readFileSync(new URL('../../dist/presslens.wasm', import.meta.url));
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '\0asm');
  const a = await createAnalyzer({ wasmBinary: new Uint8Array(bytes) });
  assert.equal(a.analyze('Moscow').entities[0].name, 'Moscow');
  a.dispose();
  await assert.rejects(createAnalyzer({ wasmURL: 'http://127.0.0.1:9/presslens.wasm' }),
    (e) => e instanceof WasmError && e.code === 'ERR_WASM' && /cannot load/.test(e.message));
  // Bytes that are not wasm, and a valid wasm module that is not presslens': presslens' own
  // message, never the Emscripten glue's abort text.
  for (const wasmBinary of [new Uint8Array([0, 97, 115, 109, 9, 9]), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])]) {
    await assert.rejects(createAnalyzer({ wasmBinary }), (e) => e instanceof WasmError && e.code === 'ERR_WASM'
      && /^presslens: option 'wasmBinary' is not presslens' WebAssembly module/.test(e.message) && !/ASSERTIONS|Aborted/.test(e.message));
  }
  await assert.rejects(createAnalyzer({ wasmURL: new URL('file:///nonexistent/presslens.wasm') }),
    (e) => e instanceof WasmError && /^presslens: cannot load option 'wasmURL' from file:/.test(e.message));
  await assert.rejects(createAnalyzer({ locateFile: () => { throw new TypeError('no CDN configured'); } }),
    (e) => e instanceof WasmError && e.message === "presslens: cannot load option 'locateFile': no CDN configured");
  const b = await createAnalyzer({ wasmURL: new URL('../../dist/presslens.wasm', import.meta.url) });
  assert.equal(b.analyze('Moscow').entities[0].name, 'Moscow');
  b.dispose();
});

test('presslens/inline decompresses its gzipped copy with Node\'s zlib or DecompressionStream, and says so when neither exists', () => {
  const expected = JSON.stringify(analyzer.analyze(sample));
  const inline = new URL('../../wasm/inline.mjs', import.meta.url).href;
  // Runs inline.mjs in a fresh Node after `setup` (which hides what a browser would lack).
  const run = (setup) => execFileSync(process.execPath, ['--input-type=module', '-e', `${setup}
const { createAnalyzer } = await import(${JSON.stringify(inline)});
try {
  const a = await createAnalyzer();
  process.stdout.write(JSON.stringify(a.analyze(${JSON.stringify(sample)})));
} catch (e) { process.stdout.write(e.name + ' ' + e.code + ' ' + e.message); }`], { encoding: 'utf8' });
  assert.equal(run(''), expected, 'Node: zlib');
  assert.equal(run('delete process.getBuiltinModule;'), expected, 'a browser: DecompressionStream');
  assert.match(run('delete process.getBuiltinModule; delete globalThis.DecompressionStream;'),
    /^WasmError ERR_WASM presslens: the inlined wasm is gzip-compressed and this engine has no DecompressionStream/);
});

test('an unknown option or an option of the wrong type is an InvalidArgumentError naming it', async () => {
  const cases = [
    [{ maxlength: 10 }, "presslens: unknown option 'maxlength' (did you mean 'maxLength'?)"],
    [{ wasmUrl: 'x' }, "unknown option 'wasmUrl' (did you mean 'wasmURL'?)"],
    [{ lexicn: [] }, "unknown option 'lexicn' (did you mean 'lexicon'?)"],
    [{ colour: 'red' }, "unknown option 'colour'; the options are lexicon, maxLength, wasmBinary, wasmURL, locateFile"],
    [{ maxLength: '10' }, "option 'maxLength' must be an integer, not the string \"10\""],
    [{ maxLength: 1.5 }, "option 'maxLength' must be an integer"],
    [{ maxLength: -1 }, "option 'maxLength' must be an integer from 0 to"],
    [{ lexicon: { name: 'Acme' } }, "option 'lexicon' must be an array of { name, type, aliases }, not an object"],
    [{ wasmBinary: 'AGFzbQ==' }, "option 'wasmBinary' must be an ArrayBuffer or a typed array, not the string"],
    [{ wasmURL: 42 }, "option 'wasmURL' must be a string or a URL, not number 42"],
    [{ locateFile: 'presslens.wasm' }, "option 'locateFile' must be a function, not the string \"presslens.wasm\""],
    [{ maxLength: 1e12 }, "option 'maxLength' must be an integer from 0 to 67108864, not 1000000000000"],
    [[], 'createAnalyzer(options) expects an object'],
    ['fast', 'createAnalyzer(options) expects an object'],
  ];
  for (const [options, message] of cases) {
    await assert.rejects(createAnalyzer(options), (e) => e instanceof InvalidArgumentError
      && e.code === 'ERR_INVALID_ARGUMENT' && e.message.startsWith('presslens: ') && e.message.includes(message), JSON.stringify(options));
  }
  const a = await createAnalyzer({ maxLength: undefined, lexicon: undefined });  // undefined is "not given"
  assert.equal(a.maxLength, MAX_TEXT_LENGTH);
  a.dispose();
});

test('the result is the native core\'s JSON (ToJson) plus the span texts, for any text', (t) => {
  const native = new URL('../../build/native/presslens_native', import.meta.url).pathname;
  if (!existsSync(native)) return t.skip('build/native/presslens_native is not built');
  const dir = mkdtempSync(join(tmpdir(), 'presslens-same-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const texts = [
    sample,
    `“${sample.replace(/"/g, '”')}” 👩‍👩‍👧 Ölaf Müller, 北京 — said “ok”.`,
    'Foreign Minister Wang Yi said “China will support Russia.” The Kremlin condemned the U.S.',
    '',
  ];
  for (const text of texts) {
    const r = analyzer.analyze(text);
    for (const e of r.entities) for (const m of e.mentions) delete m.text;
    for (const q of r.quotes) delete q.text;
    for (const c of r.condemnations) delete c.target.text;
    const file = join(dir, 'text.txt');
    writeFileSync(file, text);
    assert.equal(JSON.stringify(r), execFileSync(native, [file], { encoding: 'utf8' }).trim());
  }
});
