// Type declarations for presslens (hand-written; they match wasm/index.mjs).

export declare const SCHEMA: 'presslens/1';
/** The largest text analyze() accepts by default, in UTF-16 code units (64 Mi). */
export declare const MAX_TEXT_LENGTH: number;

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'EVENT';

/** A half-open span of the analysed string: text.slice(start, end) === text. */
export interface Mention { start: number; end: number; text: string; }

export interface Entity {
  id: string;                 // 'e0', 'e1', ...
  type: EntityType;
  name: string;               // canonical name: the fullest form the text gives
  mentions: Mention[];
  title?: string;             // 'Foreign Minister'
  country?: string;           // NORP: 'Chinese' -> 'China'; PERSON/ORG: its country when the
                              // knowledge base knows it ('Vladimir Putin' -> 'Russia')
  refersTo?: string;          // an actor standing for a country: 'the Kremlin' -> 'Russia'
  /**
   * The Wikidata id ('Q355' for Facebook; https://www.wikidata.org/wiki/Q355) from the
   * knowledge base compiled into the package (data/kb.tsv, built from sourced tables; never
   * guessed). Present only when the canonical name is in the knowledge base, the types agree
   * and the name is unambiguous (or the countries the text names single one entry out); a
   * person needs a full name. NORP entities carry their country's id ('Chinese' -> 'Q148'),
   * except the people of a region of it ('Chechen', 'Scottish': a country, no id); an actor
   * with `refersTo` ('the Kremlin') carries only an id of its own, never its country's.
   */
  wikidata?: string;
}

/** Who said or who condemned: an entity, or an unnamed actor ('Foreign Office spokesman'). */
export interface Actor {
  entity: string | null; name: string; start: number; end: number;
  wikidata?: string;          // the entity's Wikidata id, when known
  country?: string;           // the entity's country, when known
  actors?: Actor[];           // a joint actor ('China & Russia'): each of them
}

export interface Cue { lemma: string; start: number; end: number; cameo?: string; }

export interface Quote {
  id: string;                 // 'q0', ...
  start: number; end: number; // the text inside the marks (a transcript turn: the line after its label); reported speech: the reported content
  text: string;
  kind: 'direct' | 'partial' | 'scare' | 'indirect' | 'mixed';
  speaker: Actor | null;
  cue: Cue | null;
  rule: string;               // the rule that fired, e.g. 'QUOTE_COMMA_NAME_SAID'
}

/** The PLOVER reading of a CAMEO code (docs/schema.md "PLOVER readings"). */
export interface Plover { event: 'ACCUSE' | 'PROTEST'; mode?: string; }

export interface Condemnation {
  id: string;                 // 'c0', ...
  start: number; end: number; // the clause
  cue: Cue & { cameo: string };
  plover?: Plover;            // the PLOVER reading of cue.cameo
  source: Actor | null;
  target: { start: number; end: number; text: string; entity: string | null; wikidata?: string; country?: string };
  negated: boolean;
  quote: string | null;       // the quote the cue is in
  rule: string;
}

export interface Result {
  schema: 'presslens/1';
  entities: Entity[];
  quotes: Quote[];
  condemnations: Condemnation[];
  /** Denials of an accusation or claim, in the same record ('d0', ...; cue.cameo '016', no plover). */
  denials: Condemnation[];
}

export interface LexiconEntry { name: string; type: EntityType; aliases?: string[]; }

export interface AnalyzerOptions {
  /** Extra names, used without rebuilding. */
  lexicon?: LexiconEntry[];
  /** Largest accepted text length in UTF-16 code units; at most MAX_TEXT_LENGTH. */
  maxLength?: number;
  /** The wasm bytes (dist/presslens.wasm), when you load them yourself. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch the wasm bytes from. */
  wasmURL?: string | URL;
  /** Maps 'presslens.wasm' to its URL. */
  locateFile?: (file: string) => string;
}

export interface Analyzer {
  readonly maxLength: number;
  /** Synchronous; throws InvalidArgumentError, TextTooLargeError or OutOfMemoryError. */
  analyze(text: string): Result;
  /** Frees the WebAssembly memory; later analyze() calls throw DisposedError. */
  dispose(): void;
}

export declare function createAnalyzer(options?: AnalyzerOptions): Promise<Analyzer>;

export type ErrorCode = 'ERR_INVALID_ARGUMENT' | 'ERR_TEXT_TOO_LARGE' | 'ERR_OUT_OF_MEMORY'
  | 'ERR_DISPOSED' | 'ERR_WASM' | 'ERR_INTERNAL';

export declare class PresslensError extends Error { readonly code: ErrorCode; }
export declare class InvalidArgumentError extends PresslensError {}
export declare class TextTooLargeError extends PresslensError {}
export declare class OutOfMemoryError extends PresslensError {}
export declare class DisposedError extends PresslensError {}
export declare class WasmError extends PresslensError {}

declare const _default: {
  createAnalyzer: typeof createAnalyzer;
  SCHEMA: typeof SCHEMA;
  MAX_TEXT_LENGTH: number;
  PresslensError: typeof PresslensError;
};
export default _default;
