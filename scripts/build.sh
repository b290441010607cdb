#!/bin/sh
# Builds the package's WebAssembly (dist/), the browser extension (dist/extension/) and, unless
# --wasm-only, the native core and tests.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build-wasm.sh
node scripts/build-extension.mjs
if [ "${1:-}" != "--wasm-only" ]; then
  [ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native
fi
