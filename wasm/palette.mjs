// The entity colours shared by the CLI's --html page and the demo page. Each background carries
// near-black text (TEXT) at a contrast of 7:1 or more (WCAG AAA), and every pair of backgrounds
// stays apart (CIELAB distance 20 or more) for protanopic, deuteranopic and tritanopic readers
// as well; tests/node/palette.test.mjs computes both.

export const TEXT = '#111111';

export const ENTITY_TYPES = Object.freeze({
  PERSON: Object.freeze({ label: 'Person', color: '#a5dbff' }),
  ORG: Object.freeze({ label: 'Organisation', color: '#6affca' }),
  GPE: Object.freeze({ label: 'Country or city', color: '#ecca62' }),
  LOC: Object.freeze({ label: 'Place', color: '#ff727c' }),
  NORP: Object.freeze({ label: 'Group or nationality', color: '#da82af' }),
  EVENT: Object.freeze({ label: 'Event', color: '#ecff35' }),
});

/** The label of an entity type, or the type itself for one this table does not know. */
export const typeLabel = (type) => ENTITY_TYPES[type]?.label ?? type;
