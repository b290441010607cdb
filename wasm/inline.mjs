// presslens with the wasm inlined (../dist/presslens-wasm.mjs, base64), for bundlers that do not
// copy `new URL()` assets (esbuild, Rollup): the `browser` export condition without a
// `production`/`development` one picks this module. Same API as index.mjs.
import { defaultWasm } from './wasm-source.mjs';

export * from './index.mjs';
export { default } from './index.mjs';

async function inlinedWasm() {
  const { default: base64 } = await import('../dist/presslens-wasm.mjs');
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const bytes = atob(base64);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; ++i) out[i] = bytes.charCodeAt(i);
  return out;
}
defaultWasm.load = inlinedWasm;
