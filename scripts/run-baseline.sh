#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a projection: installs missing packages, builds
# Release and runs the shipped baseline scenario. Results land in out/nl-baseline/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target asylumsim
./build/release/asylumsim run scenarios/nl-baseline.yaml --out out/nl-baseline --force "$@"
