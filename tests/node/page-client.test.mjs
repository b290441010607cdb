// web/client.mjs: one request in flight, only the newest answer shown, options once per worker,
// a crashed worker replaced; joinParts against the package's worker (wasm/worker.mjs) answering
// with reply: 'parts' and with its default reply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createAnalysisClient, joinParts } from '../../web/client.mjs';

class FakeWorker {
  static all = [];
  constructor() { this.sent = []; this.terminated = false; FakeWorker.all.push(this); }
  postMessage(message) { this.sent.push(message); }
  answer(i = this.sent.length - 1, extra = { result: { ok: this.sent[i].text } }) { this.onmessage({ data: { id: this.sent[i].id, ...extra } }); }
  terminate() { this.terminated = true; }
}

function client() {
  FakeWorker.all = [];
  const shown = [];
  let crashes = 0;
  const c = createAnalysisClient({
    createWorker: () => new FakeWorker(), options: { maxLength: 10 },
    onAnswer: (job, data) => shown.push([job.text, data.result?.ok ?? data.error]), onCrash: () => crashes++,
  });
  return { c, shown, crashes: () => crashes };
}

test('one request in flight; only the newest waiting text is sent next; stale answers are dropped', () => {
  const { c, shown } = client();
  c.analyse('a');
  c.analyse('b');
  c.analyse('c');
  const [w] = FakeWorker.all;
  assert.deepEqual(w.sent.map((m) => m.text), ['a'], 'b and c wait; b is replaced by c');
  assert.deepEqual(w.sent[0], { id: w.sent[0].id, text: 'a', reply: 'parts', options: { maxLength: 10 } });
  w.answer();
  assert.deepEqual(shown, [], 'the answer for a is stale');
  assert.deepEqual(w.sent.map((m) => m.text), ['a', 'c']);
  assert.equal(w.sent[1].options, undefined, 'options go with the first message only');
  w.answer();
  assert.deepEqual(shown, [['c', 'c']]);
  c.analyse('d');
  c.cancel();
  w.answer();
  assert.deepEqual(shown, [['c', 'c']], 'cancel makes the request in flight stale');
  assert.equal(FakeWorker.all.length, 1);
});

test('a crashed worker is reported and replaced on the next request, with the options again', () => {
  const { c, shown, crashes } = client();
  c.warm();
  c.analyse('a');
  const [w] = FakeWorker.all;
  w.onerror({ preventDefault() {} });
  assert.equal(crashes(), 1);
  assert.ok(w.terminated);
  c.analyse('b');
  const w2 = FakeWorker.all[1];
  assert.deepEqual(w2.sent.map((m) => [m.text, m.options]), [['b', { maxLength: 10 }]]);
  w2.answer(0, { error: { code: 'ERR_X' } });
  assert.deepEqual(shown, [['b', { code: 'ERR_X' }]]);
});

const built = existsSync(new URL('../../dist/presslens-core.mjs', import.meta.url));

test('the package worker: parts joined are the result; the default reply is unchanged', { skip: !built && 'dist/ not built' }, async () => {
  const replies = [];
  globalThis.self = { postMessage: (m) => replies.push(m) };
  await import('../../wasm/worker.mjs');
  const ask = async (message) => { replies.length = 0; await globalThis.self.onmessage({ data: message }); return replies[0]; };
  const { createAnalyzer } = await import('../../wasm/index.mjs');
  const analyzer = await createAnalyzer();
  // An entity with more mentions than a part holds comes in slices.
  const text = `${'Russia and China condemned the sanctions, said Wang Yi. '.repeat(2500)}“It is wrong,” Lavrov said.`;
  const expected = analyzer.analyze(text);
  analyzer.dispose();
  assert.ok(expected.entities.some((e) => e.mentions.length > 2000));

  const parts = await ask({ id: 1, text, reply: 'parts' });
  assert.deepEqual(Object.keys(parts).sort(), ['fields', 'id', 'parts']);
  assert.deepEqual(parts.fields, { schema: 'presslens/1' });
  assert.ok(parts.parts.entities.length > 1 && parts.parts.entities.every((p) => typeof p === 'string'));
  let ticks = 0;
  assert.deepEqual(await joinParts(parts, async () => { ticks++; return true; }), expected);
  assert.ok(ticks > 2, 'joinParts yields between parts');
  assert.equal(await joinParts(parts, async () => false), null);

  const plain = await ask({ id: 2, text: 'Russia condemned the sanctions.' });
  assert.deepEqual(Object.keys(plain).sort(), ['id', 'result']);
  assert.equal(plain.result.schema, 'presslens/1');
  assert.equal(await joinParts(plain), plain.result);
  const error = await ask({ id: 3, text: 42 });
  assert.deepEqual([error.id, error.error.code], [3, 'ERR_INVALID_ARGUMENT']);
  delete globalThis.self;
});
