#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite: installs missing packages,
# builds and tests Release (with -Werror, MPI when available), builds and tests again under
# AddressSanitizer and UndefinedBehaviorSanitizer (the HTML reports are opened in headless
# Chromium; screenshots land in build/<preset>/test-artifacts/), and under ThreadSanitizer (every
# test but the four long end-to-end scripts, which add no threading of their own), then fuzzes the scenario loader for a bounded
# time (libFuzzer, clang-14) and fails on any crash.
set -euo pipefail
cd "$(dirname "$0")/.."
ASYLUMSIM_WITH_TEST_TOOLS=1 bash scripts/install-deps.sh
jobs=$(nproc)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# The browser test of the HTML report must run here, not be skipped (install-deps installs it).
export ASYLUMSIM_REQUIRE_BROWSER=1
for preset in release asan-ubsan tsan; do
  echo "=== asylumsim: build and test [$preset] ==="
  cmake --preset "$preset" > /dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done

echo "=== asylumsim: fuzz the scenario loader (${ASYLUMSIM_FUZZ_SECONDS:-60} s) ==="
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz -j "$jobs"
corpus=build/fuzz/corpus
mkdir -p "$corpus"
build/fuzz/fuzz/scenario_fuzzer "$corpus" tests/bad-scenarios scenarios tests/data \
  -max_total_time="${ASYLUMSIM_FUZZ_SECONDS:-60}" -seed=1 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix=build/fuzz/ 2>&1 | tail -n 15
echo "fuzz: 1 passed, 0 failed"
echo "=== asylumsim: all test presets passed ==="
