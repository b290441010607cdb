#!/bin/sh
# Builds dist/: presslens.wasm (the core + RE2 as WebAssembly), presslens-core.mjs (Emscripten's
# glue for it) and presslens-wasm.mjs (the same wasm gzipped, in base64, for browsers and bundlers).
# Incremental: the ninja tree in build/wasm is kept, so a second run only relinks what changed.
set -eu
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc's optimiser needs acorn from Debian's node-acorn
sh scripts/fetch-re2.sh
if [ ! -f build/wasm/build.ninja ]; then
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPRESSLENS_RE2_SOURCE="$PWD/build/_deps/re2" \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
fi
cmake --build build/wasm --target presslens_wasm
mkdir -p dist
# The glue looks for presslens.wasm beside itself, so the two keep their names side by side.
cp build/wasm/presslens.mjs dist/presslens-core.mjs
cp build/wasm/presslens.wasm dist/presslens.wasm
node scripts/inline-wasm.mjs dist/presslens.wasm dist/presslens-wasm.mjs
