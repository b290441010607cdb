// web/network.mjs: the network model of a result and its layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutNetwork, networkModel } from '../../web/network.mjs';
import { result } from './page-fixture.mjs';

const model = networkModel(result);

test('"said about" edges: speaker → other entities named inside the quote', () => {
  const said = model.edges.filter((e) => e.kind === 'said').map((e) => [e.from, e.to, e.items]);
  assert.deepEqual(said.sort(), [
    ['e0', 'e1', ['q0']], ['e0', 'e2', ['q0']], ['e3', 'e1', ['q1']], ['e3', 'e2', ['q1']], ['name:a spokesman', 'e6', ['q2']],
  ].sort());
});

test('"condemned" edges: source → target entity, negated counted; targets without an entity make none', () => {
  const condemned = model.edges.filter((e) => e.kind === 'condemned').map(({ from, to, count, negated, items }) => ({ from, to, count, negated, items }));
  assert.deepEqual(condemned.sort((a, b) => a.from.localeCompare(b.from)), [
    { from: 'e2', to: 'e1', count: 1, negated: 0, items: ['c2'] },
    { from: 'e4', to: 'e5', count: 1, negated: 1, items: ['c1'] },
  ]);
});

test('nodes: connected actors only, most connected first (then by name), named by their entity', () => {
  assert.deepEqual(model.nodes.map((n) => [n.key, n.name, n.degree]), [
    ['e1', 'China', 3], ['e2', 'Russia', 3], ['e3', 'Sergey Lavrov', 2], ['e0', 'Wang Yi', 2],
    ['e6', 'Beijing', 1], ['e5', 'Moscow', 1], ['name:a spokesman', 'a spokesman', 1], ['e4', 'the West', 1],
  ]);
  assert.equal(model.nodes.find((n) => n.key === 'name:a spokesman').type, null);
  assert.equal(model.nodes.find((n) => n.key === 'e4').type, 'NORP');
});

test('repeated findings add up on one edge; a speaker quoting himself makes no loop', () => {
  const q = result.quotes[0];
  const twice = networkModel({ ...result, quotes: [q, { ...q, id: 'q7' }, { ...q, id: 'q8', start: result.entities[0].mentions[0].start }] });
  const edge = twice.edges.find((e) => e.key === 'said:e0>e1');
  assert.deepEqual([edge.count, edge.items], [3, ['q0', 'q7', 'q8']]);
  assert.ok(!twice.edges.some((e) => e.from === e.to));
  assert.deepEqual(networkModel({ entities: [], quotes: [], condemnations: [] }), { nodes: [], edges: [] });
});

test('layout: deterministic, inside the drawing, nodes apart, edges among drawn nodes only', () => {
  const layout = layoutNetwork(model);
  assert.deepEqual(layoutNetwork(networkModel(result)), layout, 'the same result gives the same drawing');
  assert.equal(layout.nodes.length, 8);
  assert.equal(layout.edges.length, model.edges.length);
  for (const n of layout.nodes) {
    assert.ok(n.x - n.r >= 0 && n.x + n.r <= layout.width && n.y - n.r >= 0 && n.y + n.r <= layout.height, n.key);
    assert.ok(n.ly > 10 && n.ly < layout.height, `${n.key} label inside`);
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const [a, b] = [layout.nodes[i], layout.nodes[j]];
      assert.ok(Math.hypot(a.x - b.x, a.y - b.y) > a.r + b.r + 20, `${a.key} and ${b.key} apart`);
    }
  }
  for (const e of layout.edges) assert.match(e.d, /^M[\d.-]+,[\d.-]+ Q[\d.-]+,[\d.-]+ [\d.-]+,[\d.-]+$/);

  const small = layoutNetwork(model, 3);
  assert.deepEqual(small.nodes.map((n) => n.key), ['e1', 'e2', 'e3']);
  assert.equal(small.hidden, 5);
  assert.deepEqual(small.edges.map((e) => e.key).sort(), ['condemned:e2>e1', 'said:e3>e1', 'said:e3>e2']);
  const long = layoutNetwork({ nodes: [{ key: 'k', name: 'A very long organisation name indeed', degree: 1 }], edges: [] });
  assert.equal(long.nodes[0].label, 'A very long…');
});
