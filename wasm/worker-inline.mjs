// The ready Web Worker (worker.mjs) with the wasm inlined, for bundlers that do not copy
// `new URL()` assets (esbuild, Rollup); the `./worker` export picks it where `.` picks inline.mjs.
import './worker.mjs';
import './inline.mjs';
