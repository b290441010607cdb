// presslens: who is named, who said what, and who condemned whom in English news text.
//
//   import { createAnalyzer } from 'presslens';
//   const analyzer = await createAnalyzer();
//   const result = analyzer.analyze(text);   // schema presslens/1, offsets are string indices
//   analyzer.dispose();
//
// The core is C++ compiled to WebAssembly (../dist/presslens.wasm). This module streams that
// file from its URL beside the package (bundlers that copy `new URL()` assets, such as Vite and
// webpack, emit it once); node.mjs reads it from disk and inline.mjs imports the same bytes
// gzipped and inlined in base64 (see wasm-source.mjs). Text goes in as UTF-8 written straight
// into the wasm heap; the result comes back as numbers and strings in the heap (core/compact.h),
// offsets already UTF-16 indices.
import createCore from '../dist/presslens-core.mjs';
import { defaultWasm } from './wasm-source.mjs';
import {
  DisposedError, InvalidArgumentError, OutOfMemoryError, PresslensError, TextTooLargeError,
  WasmError,
} from './errors.mjs';

export {
  DisposedError, InvalidArgumentError, OutOfMemoryError, PresslensError, TextTooLargeError,
  WasmError,
};

export const SCHEMA = 'presslens/1';
/** The largest text analyze() accepts by default, in UTF-16 code units (64 Mi). */
export const MAX_TEXT_LENGTH = 64 * 1024 * 1024;
const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT']);

// One WebAssembly instance per distinct loading option, shared by the analyzers made from it.
const instances = new Map();

// The package's own wasm file, beside this module.
defaultWasm.load = () => fetchWasm(new URL('../dist/presslens.wasm', import.meta.url), "the package's presslens.wasm",
  ': the bundle has no copy of it beside itself. Import presslens/inline, let the bundler emit `new URL()` assets (Rollup: @web/rollup-plugin-import-meta-assets), or pass { wasmURL }');

const OPTIONS = {
  lexicon: 'an array of { name, type, aliases }',
  maxLength: 'an integer',
  wasmBinary: 'an ArrayBuffer or a typed array',
  wasmURL: 'a string or a URL',
  locateFile: 'a function',
};

// Throws InvalidArgumentError for an option createAnalyzer() does not know or of the wrong type.
function validateOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('presslens: createAnalyzer(options) expects an object');
  }
  for (const name of Object.keys(options)) {
    if (!Object.hasOwn(OPTIONS, name)) {
      const near = Object.keys(OPTIONS).find((known) => known.toLowerCase() === name.toLowerCase()
        || editDistance(known.toLowerCase(), name.toLowerCase()) <= 2);
      throw new InvalidArgumentError(`presslens: unknown option '${name}'${near ? ` (did you mean '${near}'?)` : ''}; the options are ${Object.keys(OPTIONS).join(', ')}`);
    }
  }
  const { wasmBinary, wasmURL, locateFile } = options;
  const wrong = (name) => new InvalidArgumentError(`presslens: option '${name}' must be ${OPTIONS[name]}, not ${describe(options[name])}`);
  if (wasmBinary !== undefined && !(wasmBinary instanceof ArrayBuffer || ArrayBuffer.isView(wasmBinary))) throw wrong('wasmBinary');
  if (wasmURL !== undefined && !(typeof wasmURL === 'string' || wasmURL instanceof URL)) throw wrong('wasmURL');
  if (locateFile !== undefined && typeof locateFile !== 'function') throw wrong('locateFile');
  if (options.maxLength !== undefined && !Number.isInteger(options.maxLength)) throw wrong('maxLength');
  if (options.lexicon !== undefined && !Array.isArray(options.lexicon)) throw wrong('lexicon');
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return v.constructor && v.constructor !== Object ? `a ${v.constructor.name}` : 'an object';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 30 ? `${v.slice(0, 29)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    const row = [i];
    for (let j = 1; j <= b.length; ++j) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

// The wasm bytes at `url`: a Response (fetched), bytes (a file: URL in Node 20.16 or later, where
// fetch() cannot read files), or a WasmError saying what failed (`hint` follows an HTTP error).
async function fetchWasm(url, what, hint = '') {
  const fs = String(url).startsWith('file:') ? globalThis.process?.getBuiltinModule?.('node:fs') : null;
  let response;
  try {
    if (fs) return fs.readFileSync(new URL(url));
    response = await fetch(url);
  } catch (e) {
    throw new WasmError(`presslens: cannot load ${what} from ${url}: ${e?.cause?.message ?? e?.message ?? e}`);
  }
  if (!response.ok) {
    throw new WasmError(`presslens: cannot load ${what} from ${url}: HTTP ${response.status}${hint}`);
  }
  return response;
}

// Where the wasm comes from: [what, load], `load` giving the user's bytes, a fetch of the
// user's URL, or the entry module's default.
function wasmSource(options) {
  if (options.wasmBinary) return ["option 'wasmBinary'", () => options.wasmBinary];
  const url = options.wasmURL ?? options.locateFile?.('presslens.wasm');
  const what = `option '${options.wasmURL ? 'wasmURL' : 'locateFile'}'`;
  if (url) return [what, () => fetchWasm(url, what)];
  return ["the package's presslens.wasm", defaultWasm.load];
}

// Compiles and instantiates the wasm: streamed when it comes as a Response served as
// application/wasm, from its bytes otherwise. Bytes are tested first: in Node the first touch of
// the global Response loads its fetch implementation (undici), a cost at every cold start.
async function instantiateWasm(bytes, imports) {
  // A module compiled already (presslens/batch hands its workers one compiled module).
  if (typeof WebAssembly.Module === 'function' && bytes instanceof WebAssembly.Module) {
    return { instance: await WebAssembly.instantiate(bytes, imports), module: bytes };
  }
  if (!ArrayBuffer.isView(bytes) && !(bytes instanceof ArrayBuffer)
    && typeof Response === 'function' && bytes instanceof Response) {
    if (typeof WebAssembly.instantiateStreaming === 'function'
      && bytes.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
      return WebAssembly.instantiateStreaming(bytes, imports);
    }
    bytes = await bytes.arrayBuffer();
  }
  return WebAssembly.instantiate(bytes, imports);
}

async function instantiate(options) {
  let what = "option 'locateFile'";  // the one thing wasmSource() calls that can throw
  let bytes;
  try {
    let load;
    [what, load] = wasmSource(options);
    bytes = await load();
  } catch (e) {
    throw e instanceof WasmError ? e : new WasmError(`presslens: cannot load ${what}: ${e?.message ?? e}`);
  }
  let failed;
  const failure = new Promise((_, reject) => { failed = reject; });
  const moduleArgs = {
    print: () => {},
    printErr: () => {},
    // The glue calls this instead of fetching presslens.wasm itself; a failure rejects
    // `failure` with presslens' own message (the glue's would be its abort text).
    instantiateWasm: (imports, receive) => {
      instantiateWasm(bytes, imports).then(({ instance, module }) => receive(instance, module)).catch((e) => {
        failed(new WasmError(`presslens: ${what} is not presslens' WebAssembly module, or this engine cannot run it (${e?.message ?? e})`));
      });
      return {};
    },
    locateFile: (file) => file,
  };
  try {
    return await Promise.race([createCore(moduleArgs), failure]);
  } catch (e) {
    throw e instanceof WasmError ? e : new WasmError(`presslens: cannot instantiate the WebAssembly core (${e?.message ?? e})`);
  }
}

async function loadCore(options) {
  const key = options.wasmBinary ?? options.locateFile ?? options.wasmURL?.toString() ?? defaultWasm.load;
  let entry = instances.get(key);
  if (!entry) {
    // Registered before the first await, so concurrent calls share one instance.
    entry = { core: null, users: 0, promise: instantiate(options) };
    instances.set(key, entry);
  }
  try {
    entry.core = await entry.promise;
  } catch (e) {
    if (instances.get(key) === entry) instances.delete(key);  // the next call tries again
    throw e;
  }
  entry.users += 1;
  return { key, entry };
}

function release(key, entry) {
  entry.users -= 1;
  if (entry.users === 0 && instances.get(key) === entry) instances.delete(key);
}

function validateLexicon(lexicon) {
  if (lexicon === undefined) return '';
  const clean = (s, what) => {
    if (typeof s !== 'string' || s.trim() === '') throw new InvalidArgumentError(`presslens: lexicon ${what} must be a non-empty string`);
    return s.replace(/[\t\n\r|]/g, ' ').trim();
  };
  return lexicon.map((entry, i) => {
    if (entry === null || typeof entry !== 'object') throw new InvalidArgumentError(`presslens: lexicon[${i}] must be an object`);
    const type = clean(entry.type, `[${i}].type`);
    if (!ENTITY_TYPES.has(type)) throw new InvalidArgumentError(`presslens: lexicon[${i}].type must be one of ${[...ENTITY_TYPES].join(', ')}, not ${JSON.stringify(type)}`);
    const aliases = entry.aliases ?? [];
    if (!Array.isArray(aliases)) throw new InvalidArgumentError(`presslens: lexicon[${i}].aliases must be an array of strings`);
    return [type, clean(entry.name, `[${i}].name`), aliases.map((a) => clean(a, `[${i}].aliases entry`)).join('|')].join('\t');
  }).join('\n');
}

const NONE = 0xFFFFFFFF;
const MAGIC = 0x33434C50;  // "PLC3" in core/compact.h

// Builds the result object from the compact layout that core/compact.cc writes: the words `w`,
// the strings `strings`, and `text` for the spans' text. Fields come in the schema's order.
function decode(w, strings, text) {
  if (w[0] !== MAGIC) throw new Error('the result layout is not the one this index.mjs reads (a stale dist/?)');
  let p = 1;
  const id = (prefix) => { const i = w[p++]; return i === NONE ? null : prefix + i; };
  const str = () => strings[w[p++]];
  const span = (o) => { o.start = w[p++]; o.end = w[p++]; return o; };
  const optional = (o, key) => { const s = w[p++]; if (s !== NONE) o[key] = strings[s]; return o; };
  const actor = () => {
    if (!w[p++]) return null;
    const a = optional(optional(span({ entity: id('e'), name: str() }), 'wikidata'), 'country');
    const parts = w[p++];
    if (parts) a.actors = Array.from({ length: parts }, actor);
    return a;
  };
  const cue = () => {
    const c = span({ lemma: str() });
    const cameo = w[p++];
    if (cameo !== NONE) c.cameo = strings[cameo];
    return c;
  };

  const entities = new Array(w[p++]);
  for (let i = 0; i < entities.length; ++i) {
    const e = { id: 'e' + i, type: str(), name: str(), mentions: null };
    const title = w[p++], country = w[p++], refersTo = w[p++], wikidata = w[p++];
    e.mentions = new Array(w[p++]);
    for (let k = 0; k < e.mentions.length; ++k) {
      const start = w[p++], end = w[p++];
      e.mentions[k] = { start, end, text: text.slice(start, end) };
    }
    if (title !== NONE) e.title = strings[title];
    if (country !== NONE) e.country = strings[country];
    if (refersTo !== NONE) e.refersTo = strings[refersTo];
    if (wikidata !== NONE) e.wikidata = strings[wikidata];
    entities[i] = e;
  }
  const quotes = new Array(w[p++]);
  for (let i = 0; i < quotes.length; ++i) {
    const q = span({ id: 'q' + i });
    q.kind = str();
    const rule = str();
    q.speaker = actor();
    q.cue = w[p++] ? cue() : null;
    q.rule = rule;
    q.text = text.slice(q.start, q.end);
    quotes[i] = q;
  }
  // Condemnations and denials share one record.
  const findings = (prefix) => {
    const list = new Array(w[p++]);
    for (let i = 0; i < list.length; ++i) {
      const c = span({ id: prefix + i });
      c.cue = cue();
      const event = w[p++], mode = w[p++];
      if (event !== NONE) {
        c.plover = { event: strings[event] };
        if (mode !== NONE) c.plover.mode = strings[mode];
      }
      c.source = actor();
      c.target = span({});
      c.target.entity = id('e');
      optional(optional(c.target, 'wikidata'), 'country');
      c.target.text = text.slice(c.target.start, c.target.end);
      c.negated = w[p++] === 1;
      c.quote = id('q');
      c.rule = str();
      list[i] = c;
    }
    return list;
  };
  const condemnations = findings('c');
  const denials = findings('d');
  if (p !== w.length) throw new Error(`the result has ${w.length} words, ${p} were read`);
  return { schema: SCHEMA, entities, quotes, condemnations, denials };
}

// The strings of a compact result: one UTF-8 text cut at the given UTF-16 lengths.
function decodeStrings(bytes, lengths) {
  const all = decoder.decode(bytes);
  const strings = new Array(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i], ++i) strings[i] = all.slice(at, at + lengths[i]);
  return strings;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function heapAlloc(core, bytes) {
  const ptr = core._malloc(bytes);
  if (!ptr) throw new OutOfMemoryError(`presslens: cannot allocate ${bytes} bytes of WebAssembly memory for the text`);
  return ptr;
}

// Writes `text` as UTF-8 into the wasm heap and returns [address, byte length]; the caller
// frees the address. The first buffer is sized for mostly-ASCII news text; only a text that
// needs more gets the worst case (3 bytes per UTF-16 unit) for its remainder. HEAPU8 is read
// after each malloc because a growing heap replaces it.
function writeUtf8(core, text) {
  let capacity = text.length + (text.length >> 4) + 16;
  let ptr = heapAlloc(core, capacity);
  let { read, written } = encoder.encodeInto(text, core.HEAPU8.subarray(ptr, ptr + capacity));
  if (read < text.length) {
    const bigger = written + (text.length - read) * 3;
    let next;
    try {
      next = heapAlloc(core, bigger);
    } finally {
      if (!next) core._free(ptr);
    }
    core.HEAPU8.copyWithin(next, ptr, ptr + written);
    core._free(ptr);
    ptr = next;
    capacity = bigger;
    written += encoder.encodeInto(text.slice(read), core.HEAPU8.subarray(ptr + written, ptr + capacity)).written;
  }
  return [ptr, written];
}
const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((free) => free()) : null;

class Analyzer {
  #core; #native; #release; #maxLength;

  constructor(core, native, releaseFn, maxLength) {
    this.#core = core;
    this.#native = native;
    this.#release = releaseFn;
    this.#maxLength = maxLength;
  }

  /** The largest text length (UTF-16 code units) analyze() accepts. */
  get maxLength() { return this.#maxLength; }

  /**
   * Analyses `text` and returns { schema, entities, quotes, condemnations }.
   * @throws {InvalidArgumentError} text is not a string
   * @throws {TextTooLargeError} text.length > maxLength
   * @throws {OutOfMemoryError} the wasm heap cannot hold the text and its analysis
   */
  analyze(text) {
    if (!this.#native) throw new DisposedError('presslens: analyze() called after dispose()');
    if (typeof text !== 'string') {
      throw new InvalidArgumentError(`presslens: analyze() expects a string, got ${text === null ? 'null' : typeof text}`);
    }
    if (text.length > this.#maxLength) {
      throw new TextTooLargeError(`presslens: text is ${text.length} UTF-16 code units long; the limit is ${this.#maxLength} (createAnalyzer({ maxLength }))`);
    }
    const core = this.#core;
    const [ptr, length] = writeUtf8(core, text);
    let result, error;
    try {
      const header = this.#native.analyze(ptr, length);
      if (header) {
        // Views of the heap: nothing below calls into wasm, so the heap cannot grow under them.
        const u32 = (address, count) => core.HEAPU32.subarray(address >> 2, (address >> 2) + count);
        const [words, wordCount, lengths, lengthCount, bytes, byteCount] = u32(header, 6);
        const strings = decodeStrings(core.HEAPU8.subarray(bytes, bytes + byteCount), u32(lengths, lengthCount));
        result = decode(u32(words, wordCount), strings, text);
      } else {
        error = JSON.parse(this.#native.lastError());
      }
    } catch (e) {
      throw new WasmError(`presslens: the WebAssembly core failed: ${e?.message ?? e}`, 'ERR_INTERNAL');
    } finally {
      this.#native.clearResult();
      core._free(ptr);
    }
    if (error) {
      const E = error.code === 'ERR_OUT_OF_MEMORY' ? OutOfMemoryError : WasmError;
      throw new E(error.message, error.code);
    }
    return result;
  }

  /** Frees the analyzer's WebAssembly memory. Further analyze() calls throw DisposedError. */
  dispose() {
    if (!this.#native) return;
    registry?.unregister(this);
    this.#native.delete();
    this.#native = null;
    this.#release();
  }
}

/**
 * Loads the WebAssembly core (once per page or process) and makes an analyzer.
 * @param {object} [options]
 * @param {Array<{name: string, type: string, aliases?: string[]}>} [options.lexicon] extra names
 * @param {number} [options.maxLength] largest accepted text length, at most MAX_TEXT_LENGTH
 * @param {ArrayBuffer|Uint8Array} [options.wasmBinary] the wasm bytes (dist/presslens.wasm)
 * @param {string|URL} [options.wasmURL] where to fetch the wasm bytes from
 * @param {(file: string) => string} [options.locateFile] maps 'presslens.wasm' to its URL
 */
export async function createAnalyzer(options = {}) {
  validateOptions(options);
  const maxLength = options.maxLength ?? MAX_TEXT_LENGTH;
  if (maxLength < 0 || maxLength > MAX_TEXT_LENGTH) {
    throw new InvalidArgumentError(`presslens: option 'maxLength' must be an integer from 0 to ${MAX_TEXT_LENGTH}, not ${maxLength}`);
  }
  const lexicon = validateLexicon(options.lexicon);
  const { key, entry } = await loadCore(options);
  let native;
  try {
    native = new entry.core.Analyzer(lexicon);
  } catch (e) {
    release(key, entry);
    throw new WasmError(`presslens: cannot create the analyzer: ${e?.message ?? e}`);
  }
  let released = false;
  const releaseOnce = () => { if (!released) { released = true; release(key, entry); } };
  const analyzer = new Analyzer(entry.core, native, releaseOnce, maxLength);
  // An analyzer the user forgets is freed when it is garbage-collected.
  registry?.register(analyzer, () => { native.delete(); releaseOnce(); }, analyzer);
  return analyzer;
}

export default { createAnalyzer, SCHEMA, MAX_TEXT_LENGTH, PresslensError };
