// What the panels show, built from a presslens/1 result (pure: no DOM).
import { ENTITY_TYPES } from '../wasm/palette.mjs';

/** Entity ids to entities. */
export const entityIndex = (result) => new Map(result.entities.map((e) => [e.id, e]));

/** A speaker's or source's name: its entity's canonical name, else the describing phrase. */
export function actorName(actor, byId) {
  if (!actor) return 'unknown';
  return (actor.entity && byId.get(actor.entity)?.name) || actor.name;
}

/** The key that groups an actor's findings: its entity id, else its name. */
export const actorKey = (actor) => actor.entity ?? `name:${actor.name}`;

const KINDS = {
  direct: 'direct', partial: 'partial', scare: 'scare', indirect: 'reported', mixed: 'reported + quoted',
};
/** A quote kind's short label; reported speech ('indirect', 'mixed') reads as such. */
export const kindLabel = (kind) => KINDS[kind] ?? String(kind);
/** Whether a quote is reported speech rather than words in quote marks. */
export const isReported = (kind) => kind === 'indirect' || kind === 'mixed';

/** The link to an entity's Wikidata page, or null when it has no (well-formed) QID. */
export const wikidataURL = (entity) => (/^Q[1-9]\d*$/.test(entity.wikidata ?? '') ? `https://www.wikidata.org/wiki/${entity.wikidata}` : null);

/** The extra facts about an entity shown beside its name ("Foreign Minister, of China"). */
export function entityExtra(e) {
  return [e.title, e.refersTo && `stands for ${e.refersTo}`, e.country && e.country !== e.name && `of ${e.country}`].filter(Boolean).join(', ');
}

/**
 * "Who said what": one group per speaker, { key, name, entity, quotes }, most quotes first,
 * quotes without a speaker last (key '').
 */
export function speakerGroups(result, byId) {
  const groups = new Map();
  for (const q of result.quotes) {
    const key = q.speaker ? actorKey(q.speaker) : '';
    if (!groups.has(key)) groups.set(key, { key, name: q.speaker ? actorName(q.speaker, byId) : '', entity: q.speaker?.entity ?? null, quotes: [] });
    groups.get(key).quotes.push(q);
  }
  return [...groups.values()].sort((a, b) => (a.key === '') - (b.key === '') || b.quotes.length - a.quotes.length);
}

/** "Who is named": { type, label, entities } per type that occurs, entities most mentioned first. */
export function entityGroups(result) {
  const types = [...Object.keys(ENTITY_TYPES), ...new Set(result.entities.map((e) => e.type).filter((t) => !ENTITY_TYPES[t]))];
  return types.map((type) => ({
    type, label: ENTITY_TYPES[type]?.label ?? type,
    entities: result.entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length),
  })).filter((g) => g.entities.length > 0);
}

/** A condemnation's event codes: "CAMEO 111", and the PLOVER reading when the result has one. */
export const eventCodes = (c) => [`CAMEO ${c.cue.cameo}`, c.plover && `PLOVER ${[c.plover.event, c.plover.mode].filter(Boolean).join('/')}`].filter(Boolean).join(', ');

/** The counts the tabs show. */
export function summaryCounts(result) {
  return {
    quotes: result.quotes.length,
    attributed: result.quotes.filter((q) => q.speaker).length,
    reported: result.quotes.filter((q) => isReported(q.kind)).length,
    condemnations: result.condemnations.length,
    negated: result.condemnations.filter((c) => c.negated).length,
    entities: result.entities.length,
    mentions: result.entities.reduce((n, e) => n + e.mentions.length, 0),
  };
}
