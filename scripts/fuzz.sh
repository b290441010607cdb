#!/bin/sh
# Fuzzes the core (Analyzer::Analyze + ToJson, invariants checked in tests/fuzz/analyze_fuzzer.cc)
# with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer for SECONDS (default 60).
#   scripts/fuzz.sh [SECONDS]        npm run fuzz -- 600
#   scripts/fuzz.sh --tests          the GoogleTest suite under ASan + UBSan + LeakSanitizer
#   scripts/fuzz.sh --valgrind       the GoogleTest suite (build/native) under valgrind memcheck
# Builds with clang in its own tree (build/fuzz). New inputs go to build/fuzz/corpus (the seeds
# in tests/fuzz/corpus stay as committed); a crash is written to build/fuzz/artifacts/crash-* and makes
# this script fail: pin it as a test in tests/core/regressions_test.cc. PRESSLENS_FUZZ_SEED fixes
# libFuzzer's seed (npm test does, so its gate is repeatable; `npm run fuzz` explores anew).
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
if [ "$SECONDS_TO_RUN" = "--valgrind" ]; then
  cmake --build build/native --target presslens_tests
  # RE2's sparse sets read uninitialised memory by design: suppressed (tests/fuzz/valgrind-re2.supp).
  exec valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
    --suppressions=tests/fuzz/valgrind-re2.supp build/native/presslens_tests
fi
CXX_FUZZ="$(command -v clang++-14 || command -v clang++ || true)"
if [ -z "$CXX_FUZZ" ]; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi
if [ ! -f build/fuzz/build.ninja ]; then
  cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DPRESSLENS_FUZZ=ON >/dev/null
fi
if [ "$SECONDS_TO_RUN" = "--tests" ]; then
  cmake --build build/fuzz --target presslens_tests
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    exec build/fuzz/presslens_tests
fi
cmake --build build/fuzz --target presslens_fuzz_analyze
mkdir -p build/fuzz/corpus build/fuzz/artifacts
# Leak detection stays on: the core must not leak. -rss_limit_mb guards against blow-ups;
# -max_len 8 KiB keeps executions fast (long inputs are the benchmark's pathological cases).
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
  build/fuzz/presslens_fuzz_analyze build/fuzz/corpus tests/fuzz/corpus \
    -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
    -dict=tests/fuzz/presslens.dict -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/ \
    ${PRESSLENS_FUZZ_SEED:+-seed=$PRESSLENS_FUZZ_SEED}
