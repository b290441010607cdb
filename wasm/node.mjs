// presslens for Node.js (the `node` export condition): the wasm is read from disk beside the
// package. Same API as index.mjs.
import { readFileSync } from 'node:fs';
import { defaultWasm } from './wasm-source.mjs';

export * from './index.mjs';
export { default } from './index.mjs';

defaultWasm.load = () => readFileSync(new URL('../dist/presslens.wasm', import.meta.url));
