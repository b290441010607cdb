// Type declarations for require('presslens') (wasm/index.cjs).
import type { Analyzer, AnalyzerOptions } from './index.mjs' with { 'resolution-mode': 'import' };
export type {
  Actor, Analyzer, AnalyzerOptions, Condemnation, Cue, Entity, EntityType, ErrorCode,
  LexiconEntry, Mention, Quote, Result,
} from './index.mjs' with { 'resolution-mode': 'import' };
export declare function createAnalyzer(options?: AnalyzerOptions): Promise<Analyzer>;
export declare const SCHEMA: 'presslens/1';
export declare const MAX_TEXT_LENGTH: number;
/** The ES module namespace, for the error classes (instanceof checks). */
export declare function load(): Promise<typeof import('./index.mjs', { with: { 'resolution-mode': 'import' } })>;
