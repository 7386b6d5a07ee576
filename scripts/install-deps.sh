#!/usr/bin/env bash
# Installs the Debian 12 packages asylumsim needs, only those missing (idempotent).
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git pkg-config
  libboost-dev libboost-program-options-dev libboost-math-dev libboost-random-dev
  libboost-mpi-dev openmpi-bin libopenmpi-dev
  libeigen3-dev libyaml-cpp-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev libpcg-cpp-dev
  libbenchmark-dev libxlsxwriter-dev
)
if [[ "${ASYLUMSIM_WITH_TEST_TOOLS:-0}" == 1 ]]; then
  # clang/libFuzzer for fuzzing; Chromium to open the HTML reports in a real browser.
  packages+=(clang-14 libclang-rt-14-dev chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=()
if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi
echo "asylumsim: installing missing packages: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >&2
