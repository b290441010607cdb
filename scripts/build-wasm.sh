#!/bin/sh
# Builds dist/presslens-core.mjs (the core + RE2 as WebAssembly, inlined in one ES module).
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
cp build/wasm/presslens-core.mjs dist/presslens-core.mjs
# The same wasm bytes as a file, for users who serve or cache them themselves
# (createAnalyzer({ wasmURL }) or { wasmBinary }): decoded from the inlined copy, not rebuilt.
node scripts/extract-wasm.mjs dist/presslens-core.mjs dist/presslens.wasm
