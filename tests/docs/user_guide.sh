#!/usr/bin/env bash
# Runs every ```sh block of docs/user-guide.md, in order, as written, in a scratch copy of the
# scenarios and test data, with build/release/asylumsim pointing at the binary under test.
# Fails when a step fails or leaves out the files the guide promises.
#
# usage: user_guide.sh ASYLUMSIM SOURCE_DIR
set -euo pipefail
cli=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/build/release" "$work/tests"
ln -s "$cli" "$work/build/release/asylumsim"
cp -r "$src/scenarios" "$work/scenarios"
cp -r "$src/tests/data" "$work/tests/data"

# Extract the sh blocks into one script.
awk '/^```sh$/ {on=1; next} /^```/ {on=0} on {print}' "$src/docs/user-guide.md" > "$work/steps.sh"
[[ -s $work/steps.sh ]] || { echo "no sh blocks found in docs/user-guide.md"; exit 1; }
(cd "$work" && bash -euo pipefail steps.sh) > "$work/log" 2>&1 || {
  cat "$work/log"
  echo "FAIL: a step of docs/user-guide.md failed"
  exit 1
}
for f in out/guide-baseline/report.html out/guide-baseline/series.csv \
         out/guide-compare/report.html out/guide-compare/comparison.csv \
         out/guide-validation/validation.csv out/guide-validation/report.html \
         out/guide-aa500/series.csv out/guide-aa500/results.xlsx out/guide-compare-many/comparison.csv \
         out/guide-sweep/sweep.csv out/guide-sweep/report.html; do
  [[ -s $work/$f ]] || { echo "FAIL: the guide promises $f"; exit 1; }
done
grep -q "Costs and trade-offs" "$work/log" || { echo "FAIL: compare printed no trade-offs"; exit 1; }
echo "user guide: $(grep -c . "$work/steps.sh") lines of steps ran"
