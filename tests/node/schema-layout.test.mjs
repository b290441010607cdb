// The result layout is written four times: the JSON writer (core/json.cc, what the native CLI
// prints), the compact writer (core/compact.cc) with its reader decode() (wasm/index.mjs), and
// the TypeScript declarations (wasm/index.d.mts). These tests fail when they disagree: the
// package's result must equal the JSON writer's field for field and in the same order (span
// `text` fields, which only the package adds, aside), and every field either gives must be
// declared in index.d.mts, every required declared field present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../../wasm/node.mjs';

const root = new URL('../../', import.meta.url);
const texts = [
  readFileSync(new URL('data/sample-article.txt', root), 'utf8'),
  // Fields the sample may not reach: a demonym's country, a title, an unnamed speaker, a
  // negated condemnation inside a quote, non-ASCII text before the spans.
  'MOSCOW — Russian Foreign Minister Sergei Lavrov on Monday condemned the strike. ' +
    '“We will not condemn our allies,” a Foreign Office spokesman said. ' +
    'The Kremlin criticised the Chinese decision, and Zürich’s mayor did not criticise it.',
  // An actor and a target with their entity's Wikidata id and country; a denial; a joint source.
  'Vladimir Putin criticised the plan. The Kremlin denied that Putin had ordered the raid. ' +
    'China and Russia condemned the sanctions.',
  // Reported speech: the kinds indirect and mixed.
  'Mayor Ellen Park said that the bridge would reopen in May. ' +
    'Park said the new bridge was "a promise kept" and would open soon. The plan is a "gift," she added.',
];
const analyzer = await createAnalyzer();
const results = texts.map((t) => analyzer.analyze(t));

// The package's result without the span texts it adds (text.slice of each span).
const withoutTexts = (value) =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === 'text' ? undefined : v)));

const native = new URL('build/native/presslens_native', root).pathname;
test('the package decodes exactly what the JSON writer writes', { skip: !existsSync(native) && 'build/native not built' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'presslens-schema-'));
  try {
    const files = texts.map((t, i) => {
      const f = join(dir, `${i}.txt`);
      writeFileSync(f, t);
      return f;
    });
    const lines = execFileSync(native, files).toString().trim().split('\n');
    lines.forEach((line, i) => {
      // Compared as text: the same fields in the same order with the same values.
      assert.equal(JSON.stringify(withoutTexts(results[i])), JSON.stringify(JSON.parse(line)));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The fields of each interface in index.d.mts: name -> required (not `?`).
function declared() {
  const src = readFileSync(new URL('wasm/index.d.mts', root), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const fields = (body) => {
    const out = new Map();
    // Top-level `name?: type;` entries; an inline object type is kept whole.
    let depth = 0, item = '';
    for (const ch of body + ';') {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      if ((ch === ';' || ch === '\n') && depth === 0) {
        const m = item.trim().match(/^(\w+)(\??):\s*([\s\S]*)$/);
        if (m) out.set(m[1], { required: m[2] !== '?', type: m[3].trim() });
        item = '';
      } else item += ch;
    }
    return out;
  };
  const interfaces = new Map();
  for (const m of src.matchAll(/export interface (\w+) \{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g))
    interfaces.set(m[1], fields(m[2]));
  const target = interfaces.get('Condemnation').get('target').type;
  interfaces.set('Target', fields(target.slice(1, -1)));
  return interfaces;
}

test('every field of a result is declared in index.d.mts, every required one present', () => {
  const types = declared();
  const seen = new Map();  // "Interface.field" -> present at least once
  const check = (name, obj) => {
    const fields = types.get(name);
    assert.ok(fields, `index.d.mts declares no interface ${name}`);
    for (const key of Object.keys(obj)) {
      assert.ok(fields.has(key), `${name}.${key} is in the result but not declared in index.d.mts`);
      seen.set(`${name}.${key}`, true);
    }
    for (const [key, { required }] of fields)
      if (required) assert.ok(key in obj, `${name}.${key} is declared required but missing`);
  };
  for (const r of results) {
    check('Result', r);
    for (const e of r.entities) {
      check('Entity', e);
      for (const m of e.mentions) check('Mention', m);
    }
    for (const q of r.quotes) {
      check('Quote', q);
      if (q.speaker) check('Actor', q.speaker);
      if (q.cue) check('Cue', q.cue);
    }
    for (const c of [...r.condemnations, ...r.denials]) {
      check('Condemnation', c);
      check('Cue', c.cue);
      if (c.source) check('Actor', c.source);
      for (const a of c.source?.actors ?? []) check('Actor', a);
      check('Target', c.target);
    }
  }
  // Every declared field of the result's interfaces occurs in these texts, so a field added to
  // the declarations but never written, or renamed on one side, fails here.
  for (const name of ['Result', 'Entity', 'Mention', 'Quote', 'Actor', 'Cue', 'Condemnation', 'Target'])
    for (const key of types.get(name).keys())
      assert.ok(seen.has(`${name}.${key}`), `${name}.${key} is declared but no result has it`);
});

test('every quote kind index.d.mts declares occurs, and no other', () => {
  const src = readFileSync(new URL('wasm/index.d.mts', root), 'utf8');
  const union = src.match(/interface Quote \{[^}]*?kind: ([^;]+);/);
  assert.ok(union, 'index.d.mts declares Quote.kind');
  const declaredKinds = new Set([...union[1].matchAll(/'([a-z]+)'/g)].map((m) => m[1]));
  const kinds = new Set(results.flatMap((r) => r.quotes.map((q) => q.kind)));
  assert.deepEqual([...kinds].sort(), [...declaredKinds].sort());
});
