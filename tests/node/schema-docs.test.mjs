// docs/schema.md: every example sentence of its rule and CAMEO tables gives that rule / code,
// and the PLOVER reading its table states for that code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../../wasm/node.mjs';

const doc = readFileSync(new URL('../../docs/schema.md', import.meta.url), 'utf8');
// Table rows whose first cell is a `code` and whose last cell is an example sentence;
// <br> in a cell stands for a paragraph break.
const rows = (heading) => {
  const section = doc.split(/^## /m).find((s) => s.startsWith(heading));
  assert.ok(section, `docs/schema.md has a section "${heading}"`);
  return [...section.matchAll(/^\| `([A-Z0-9_]+)` \|(?:.*\|)? ([^|]+) \|$/gm)]
    .map(([, id, example]) => [id, example.trim().replace(/<br>/g, '\n\n')]);
};
const analyzer = await createAnalyzer();

for (const [heading, field, least] of [['Quote rules', 'quotes', 19], ['Condemnation rules', 'condemnations', 17]]) {
  test(`each of the ${heading.toLowerCase()} of docs/schema.md fires on its example`, () => {
    const examples = rows(heading);
    assert.ok(examples.length >= least, `${examples.length} examples`);
    for (const [rule, text] of examples) {
      const found = analyzer.analyze(text)[field].map((x) => x.rule);
      assert.ok(found.includes(rule), `${rule}: "${text}" gives ${found.join(', ') || `no ${field}`}`);
    }
  });
}

test('each CAMEO code of docs/schema.md is given to its example', () => {
  const examples = rows('CAMEO codes');
  assert.equal(examples.length, 10);
  for (const [cameo, text] of examples) {
    const found = analyzer.analyze(text).condemnations.map((c) => c.cue.cameo);
    assert.deepEqual(found, [cameo], `"${text}"`);
  }
});

test('each CAMEO example has the PLOVER reading of docs/schema.md', () => {
  const section = doc.split(/^## /m).find((s) => s.startsWith('PLOVER readings'));
  assert.ok(section, 'docs/schema.md has a section "PLOVER readings"');
  // Rows: | `110`, `111`, `1121`–`1125`, ... | `EVENT` | `mode` or — |
  const readings = new Map();
  const table = /^\| (`\d+`.*?) \| `([A-Z]+)` \| (?:`([a-z]+)`|—) \|$/gm;
  for (const [, codes, event, mode] of section.matchAll(table)) {
    for (const [, from, to] of codes.matchAll(/`(\d+)`(?:–`(\d+)`)?/g)) {
      for (let n = Number(from); n <= Number(to ?? from); ++n)
        readings.set(String(n), mode ? { event, mode } : { event });
    }
  }
  assert.ok(readings.size >= 18, `${readings.size} codes`);
  for (const [cameo, text] of rows('CAMEO codes')) {
    const [c] = analyzer.analyze(text).condemnations;
    assert.deepEqual(c.plover, readings.get(cameo), `CAMEO ${cameo}: "${text}"`);
  }
});

test('every rule id the core writes is in docs/schema.md', () => {
  // core/types.cc names every rule: whole quote rule ids, the condemnation rules (written
  // CONDEMN_<name>), and the parts the speaker rule ids are composed of.
  const types = readFileSync(new URL('../../core/types.cc', import.meta.url), 'utf8');
  const table = (name) => {
    const bodies = [...types.matchAll(new RegExp(`${name}\\[\\] = \\{([^}]*)\\}`, 'g'))];
    return bodies.flatMap(([, body]) => [...body.matchAll(/"([A-Z][A-Z_]*)"/g)].map((m) => m[1]));
  };
  const ids = [...table('kRules'), ...table('kNames').map((n) => `CONDEMN_${n}`),
    ...table('kSpeakers'), ...table('kCues')];
  for (const id of ids) assert.ok(doc.includes(id), `${id} is documented`);
  assert.ok(ids.length >= 30, `found ${ids.length} rule names`);
});
