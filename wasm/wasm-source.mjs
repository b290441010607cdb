// Where createAnalyzer() gets the wasm bytes when no option says: `load()` returns the bytes, a
// Response or a promise of either. Each entry module sets it when it is evaluated, after the
// modules it imports: index.mjs streams the file beside the package, node.mjs reads it from
// disk, inline.mjs decodes the gzipped base64 copy. The entry evaluated last decides.
export const defaultWasm = { load: null };
