// The network of a result (pure: no DOM): actors as nodes, "said about" and "condemned" as
// directed edges with the findings behind them, and a small deterministic circular layout.
//
// Nodes are speakers, condemnation sources, entities named inside a quote and condemnation
// targets linked to an entity; each keyed by its entity id, else by its name. Edges:
//   said       a quote's speaker → each other entity mentioned inside the quote
//   condemned  a condemnation's source → its target's entity
// A node appears only with an edge; a target with no entity makes no edge.
import { actorKey, actorName } from './models.mjs';

/**
 * { nodes, edges }: nodes { key, name, type, entity, degree } and edges { key, kind, from, to,
 * count, negated, items } (items: the quote or condemnation ids, in text order), both sorted
 * most connected first.
 */
export function networkModel(result) {
  const byId = new Map(result.entities.map((e) => [e.id, e]));
  const nodes = new Map();
  const edges = new Map();
  const node = (key, name, entity) => {
    if (!nodes.has(key)) nodes.set(key, { key, name, type: entity ? byId.get(entity)?.type ?? null : null, entity, degree: 0 });
    return nodes.get(key);
  };
  const link = (kind, from, to, id, negated = false) => {
    if (from.key === to.key) return;
    const key = `${kind}:${from.key}>${to.key}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, edge = { key, kind, from: from.key, to: to.key, count: 0, negated: 0, items: [] });
    edge.count++;
    if (negated) edge.negated++;
    edge.items.push(id);
    from.degree++;
    to.degree++;
  };
  const actor = (a) => node(actorKey(a), actorName(a, byId), a.entity ?? null);
  const entityNode = (id) => node(id, byId.get(id)?.name ?? id, id);

  // Mentions by start, to find those inside each quote.
  const mentions = result.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id })))
    .sort((a, b) => a.start - b.start);
  for (const q of result.quotes) {
    if (!q.speaker) continue;
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (mentions[mid].start < q.start) lo = mid + 1; else hi = mid; }
    const named = new Set();
    for (let i = lo; i < mentions.length && mentions[i].start < q.end; i++) if (mentions[i].end <= q.end) named.add(mentions[i].entity);
    for (const id of named) link('said', actor(q.speaker), entityNode(id), q.id);
  }
  for (const c of result.condemnations) {
    if (c.source && c.target?.entity) link('condemned', actor(c.source), entityNode(c.target.entity), c.id, c.negated);
  }
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    nodes: [...nodes.values()].filter((n) => n.degree > 0).sort((a, b) => b.degree - a.degree || byName(a, b)),
    edges: [...edges.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
  };
}

// The drawing's size leaves room for a LABEL-character name (14 px) beside the nodes on the
// ring's left and right; it scales to the panel's width.
const WIDTH = 480;
const HEIGHT = 400;
const RING = 125;   // radius of the circle the nodes sit on
const LABEL = 13;   // characters of a name shown in the drawing

/**
 * Places the `maxNodes` most connected nodes on a circle (the most connected at the top, then
 * clockwise) and draws the edges among them as arcs bending to their right, so A → B and
 * B → A stay apart. Returns { width, height, nodes, edges, hidden } where nodes carry x, y, r
 * and a label with its anchor, edges a path `d`, its label point (lx, ly) and the same fields
 * as the model; `hidden` counts the nodes left out.
 */
export function layoutNetwork(model, maxNodes = 12) {
  const shown = model.nodes.slice(0, maxNodes);
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const top = Math.max(1, ...shown.map((n) => n.degree));
  const at = new Map();
  const nodes = shown.map((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
    const x = shown.length === 1 ? cx : cx + RING * Math.cos(angle);
    const y = shown.length === 1 ? cy : cy + RING * Math.sin(angle);
    const r = 7 + 7 * Math.sqrt(n.degree / top);
    const side = Math.abs(x - cx) < 20 ? 'middle' : x < cx ? 'end' : 'start';
    const label = n.name.length > LABEL ? `${n.name.slice(0, LABEL - 1).trimEnd()}…` : n.name;
    const lx = side === 'middle' ? x : x + (side === 'end' ? -(r + 4) : r + 4);
    const ly = side === 'middle' ? (y < cy ? y - r - 6 : y + r + 16) : y + 5;
    const placed = { ...n, x: round(x), y: round(y), r: round(r), label, anchor: side, lx: round(lx), ly: round(ly) };
    at.set(n.key, placed);
    return placed;
  });
  const edges = [];
  for (const e of model.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // The control point sits off the chord's middle, to the right of the direction of travel.
    const bend = 0.18 * len;
    const qx = (a.x + b.x) / 2 - (dy / len) * bend;
    const qy = (a.y + b.y) / 2 + (dx / len) * bend;
    const from = toward(a, qx, qy, a.r + 2);
    const to = toward(b, qx, qy, b.r + 6);
    edges.push({
      ...e, d: `M${round(from.x)},${round(from.y)} Q${round(qx)},${round(qy)} ${round(to.x)},${round(to.y)}`,
      lx: round((a.x + 2 * qx + b.x) / 4), ly: round((a.y + 2 * qy + b.y) / 4),
    });
  }
  return { width: WIDTH, height: HEIGHT, nodes, edges, hidden: model.nodes.length - nodes.length };
}

const round = (v) => Math.round(v * 10) / 10;

// The point `distance` from node `n`'s centre toward (x, y).
function toward(n, x, y, distance) {
  const len = Math.hypot(x - n.x, y - n.y) || 1;
  return { x: n.x + ((x - n.x) / len) * distance, y: n.y + ((y - n.y) / len) * distance };
}
