#!/bin/sh
# `npm start`: builds the package if needed, prints who said what and who condemned whom in the
# sample article, then serves the demo page on 127.0.0.1.  `--demo-only` skips the summary.
set -eu
cd "$(dirname "$0")/.."
if [ ! -f dist/presslens-core.mjs ] || [ -n "$(find core wasm/bindings.cc data CMakeLists.txt -newer dist/presslens-core.mjs -print -quit)" ]; then
  sh scripts/setup.sh --minimal
  sh scripts/build-wasm.sh
fi
[ "${1:-}" = "--demo-only" ] || node wasm/cli.mjs data/sample-article.txt
if [ -f scripts/serve.mjs ]; then
  exec node scripts/serve.mjs
fi
