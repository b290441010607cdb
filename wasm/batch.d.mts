// Types of presslens/batch (Node only): many documents analysed on worker threads, in input order.
import type { ErrorCode, LexiconEntry, Result } from './index.d.mts';

export interface BatchDocument { id: string | number; text: string; }

export interface BatchFailure {
  id: string | number;
  error: { name: string; code: ErrorCode; message: string };
  /** Never present on a failure; lets `'schema' in r` and `r.error` narrow the union. */
  schema?: never;
}

export type BatchRecord = Result & { id: string | number; error?: never };

export interface BatchOptions {
  /** Worker threads (default: os.availableParallelism()). */
  jobs?: number;
  /** As for createAnalyzer(). */
  maxLength?: number;
  /** As for createAnalyzer(). */
  lexicon?: LexiconEntry[];
}

/** The number of jobs batch() runs by default: the cores Node may use. */
export declare function defaultJobs(): number;

/**
 * Yields, in input order, { id, ...result } for each document, or { id, error } for one that
 * could not be analysed; with format 'json' a result comes as its JSON line (no newline).
 */
export declare function batch(
  documents: Iterable<BatchDocument> | AsyncIterable<BatchDocument>,
  options?: BatchOptions & { format?: 'object' },
): AsyncGenerator<BatchRecord | BatchFailure, void, undefined>;
export declare function batch(
  documents: Iterable<BatchDocument> | AsyncIterable<BatchDocument>,
  options: BatchOptions & { format: 'json' },
): AsyncGenerator<string | BatchFailure, void, undefined>;
