// A hand-made presslens/1 result for the page's tests, with the fields other work is adding
// (entity.wikidata, quotes of kind 'indirect' and 'mixed'). Offsets are computed from the text.
export const text = 'Foreign Minister Wang Yi said: “China will support Russia.” Lavrov said Russia condemned the “illegal” sanctions on China. '
  + 'The West did not condemn Moscow. Russia also condemned China. Beijing would help, a spokesman said.';

/** The span of the n-th (from 0) occurrence of `s`, with its text. */
export function at(s, n = 0) {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(s, start + 1);
  if (start < 0) throw new Error(`no ${s} #${n}`);
  return { start, end: start + s.length, text: s };
}
const span = (s, n) => { const { start, end } = at(s, n); return { start, end }; };
const mentions = (s, ...ns) => ns.map((n) => at(s, n));

export const result = {
  schema: 'presslens/1',
  entities: [
    { id: 'e0', type: 'PERSON', name: 'Wang Yi', title: 'Foreign Minister', wikidata: 'Q7968', mentions: mentions('Wang Yi', 0) },
    { id: 'e1', type: 'GPE', name: 'China', wikidata: 'Q148', mentions: mentions('China', 0, 1, 2) },
    { id: 'e2', type: 'GPE', name: 'Russia', wikidata: 'Q159', mentions: mentions('Russia', 0, 1, 2) },
    { id: 'e3', type: 'PERSON', name: 'Sergey Lavrov', mentions: mentions('Lavrov', 0) },
    { id: 'e4', type: 'NORP', name: 'the West', mentions: mentions('West', 0) },
    { id: 'e5', type: 'GPE', name: 'Moscow', refersTo: 'Russia', mentions: mentions('Moscow', 0) },
    { id: 'e6', type: 'GPE', name: 'Beijing', wikidata: '"><script>alert(1)</script>', mentions: mentions('Beijing', 0) },
  ],
  quotes: [
    { id: 'q0', ...at('China will support Russia.'), kind: 'direct', speaker: { entity: 'e0', name: 'Wang Yi', ...span('Wang Yi') }, cue: { lemma: 'say', ...span('said') }, rule: 'QUOTE_NAME_SAID_COLON' },
    { id: 'q1', ...at('Russia condemned the “illegal” sanctions on China'), kind: 'mixed', speaker: { entity: 'e3', name: 'Lavrov', ...span('Lavrov') }, cue: { lemma: 'say', ...span('said', 1) }, rule: 'REPORTED_NAME_SAID' },
    { id: 'q2', ...at('Beijing would help'), kind: 'indirect', speaker: { entity: null, name: 'a spokesman', ...span('a spokesman') }, cue: { lemma: 'say', ...span('said', 2) }, rule: 'REPORTED_CONTENT_SAID' },
  ],
  condemnations: [
    { id: 'c0', ...span('Russia condemned the “illegal” sanctions on China'), cue: { lemma: 'condemn', ...span('condemned'), cameo: '122' }, source: { entity: 'e2', name: 'Russia', ...span('Russia', 1) }, target: { ...at('the “illegal” sanctions on China'), entity: null }, negated: false, quote: 'q1', rule: 'SOURCE_CUE_TARGET' },
    { id: 'c1', ...span('The West did not condemn Moscow'), cue: { lemma: 'condemn', ...span('condemn', 1), cameo: '122' }, source: { entity: 'e4', name: 'The West', ...span('The West') }, target: { ...at('Moscow'), entity: 'e5' }, negated: true, quote: null, rule: 'SOURCE_CUE_TARGET' },
    { id: 'c2', ...span('Russia also condemned China'), cue: { lemma: 'condemn', ...span('condemned', 1), cameo: '122' }, source: { entity: 'e2', name: 'Russia', ...span('Russia', 2) }, target: { ...at('China', 2), entity: 'e1' }, negated: false, quote: null, rule: 'SOURCE_CUE_TARGET' },
  ],
};
