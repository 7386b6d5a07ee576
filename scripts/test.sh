#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite: installs missing packages,
# builds and tests Release (with -Werror), then builds and tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
ASYLUMSIM_WITH_TEST_TOOLS=1 bash scripts/install-deps.sh
jobs=$(nproc)
for preset in release asan-ubsan; do
  echo "=== asylumsim: build and test [$preset] ==="
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "=== asylumsim: all test presets passed ==="
