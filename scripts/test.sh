#!/bin/sh
# `npm test`: installs what is missing, builds everything, runs every test, prints one summary.
set -u
cd "$(dirname "$0")/.."
START=$(date +%s)
FAILED=""
step() {  # step NAME COMMAND...: runs a step, remembers a failure, goes on
  name=$1; shift
  echo "\n=== $name"
  t0=$(date +%s)
  if "$@"; then echo "=== $name: ok ($(($(date +%s) - t0)) s)"; else echo "=== $name: FAILED"; FAILED="$FAILED $name"; fi
}

sh scripts/setup.sh || { echo "presslens test: setup FAILED"; exit 1; }
sh scripts/build.sh || { echo "presslens test: build FAILED"; exit 1; }

mkdir -p build
step "core (GoogleTest)" ctest --test-dir build/native --output-on-failure -j2 --output-junit ../ctest.xml
step "package and CLI (node:test)" node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=build/node.tap tests/node/
step "browser (Chromium)" node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=build/browser.tap tests/browser/
step "fuzz (60 s)" env PRESSLENS_FUZZ_SEED=1 sh scripts/fuzz.sh 60
step "benchmark smoke run" npm run --silent bench:smoke

count() { grep -h "^# $1 " "$2" 2>/dev/null | awk '{s += $3} END {print s + 0}'; }
CT=$(grep -o 'tests="[0-9]*"' build/ctest.xml 2>/dev/null | head -1 | tr -dc 0-9)
CF=$(grep -o 'failures="[0-9]*"' build/ctest.xml 2>/dev/null | head -1 | tr -dc 0-9)
CS=$(grep -o 'skipped="[0-9]*"' build/ctest.xml 2>/dev/null | head -1 | tr -dc 0-9)
echo
echo "presslens test summary: GoogleTest ${CT:-0} run, ${CF:-?} failed, ${CS:-0} skipped;" \
  "node $(count pass build/node.tap) passed, $(count fail build/node.tap) failed, $(count skipped build/node.tap) skipped;" \
  "browser $(count pass build/browser.tap) passed, $(count fail build/browser.tap) failed, $(count skipped build/browser.tap) skipped;" \
  "$(($(date +%s) - START)) s;" \
  "$([ -z "$FAILED" ] && echo "ALL PASSED" || echo "FAILED:$FAILED")"
[ -z "$FAILED" ]
