#!/usr/bin/env node
// extract-wasm.mjs GLUE.mjs OUT.wasm: writes the wasm that Emscripten inlined (SINGLE_FILE, as
// base64) into GLUE.mjs as a file of its own.
import { readFileSync, writeFileSync } from 'node:fs';

const [glue, out] = process.argv.slice(2);
const match = readFileSync(glue, 'utf8').match(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/);
if (!match) {
  console.error(`extract-wasm: no inlined wasm in ${glue}`);
  process.exit(1);
}
writeFileSync(out, Buffer.from(match[1], 'base64'));
