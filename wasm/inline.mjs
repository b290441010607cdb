// presslens with the wasm inlined (../dist/presslens-wasm.mjs: gzip-compressed, in base64), for
// bundlers that do not copy `new URL()` assets (esbuild, Rollup): the `browser` export condition
// without a `production`/`development` one picks this module. Same API as index.mjs. It needs
// DecompressionStream in browsers (Chrome 80, Firefox 113, Safari 16.4).
import { defaultWasm } from './wasm-source.mjs';
import { WasmError } from './errors.mjs';

export * from './index.mjs';
export { default } from './index.mjs';

function fromBase64(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const bytes = atob(base64);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; ++i) out[i] = bytes.charCodeAt(i);
  return out;
}

// The wasm bytes the gzip-compressed base64 `base64` holds: in Node through its own base64
// decoder and zlib (reached at run time, so bundles do not pull them in), elsewhere through
// DecompressionStream.
function decode(base64) {
  const zlib = globalThis.process?.getBuiltinModule?.('node:zlib');
  if (zlib) return zlib.gunzipSync(process.getBuiltinModule('node:buffer').Buffer.from(base64, 'base64'));
  if (typeof DecompressionStream !== 'function') {
    throw new WasmError("presslens: the inlined wasm is gzip-compressed and this engine has no DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 and Node 18 have it): import 'presslens' where the bundler emits `new URL()` assets, or pass { wasmURL } or { wasmBinary } with presslens/presslens.wasm");
  }
  return new Response(new Blob([fromBase64(base64)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

async function inlinedWasm() {
  const { default: base64 } = await import('../dist/presslens-wasm.mjs');
  return decode(base64);
}
defaultWasm.load = inlinedWasm;
