#!/usr/bin/env bash
# Runs every example in scenarios/measures/ against the baseline with `compare`, as an analyst
# would (few replications), and checks each leaves comparison.csv and report.html and that the
# measure changed something distinguishable from zero.
#
# usage: example_scenarios.sh ASYLUMSIM SOURCE_DIR
set -euo pipefail
cli=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for variant in "$src"/scenarios/measures/*.yaml; do
  name=$(basename "$variant" .yaml)
  out="$work/$name"
  if ! "$cli" compare "$src/scenarios/nl-baseline.yaml" "$variant" --replications 3 \
       --out "$out" --quiet; then
    echo "FAIL $name: compare failed"; fail=1; continue
  fi
  [[ -s $out/comparison.csv && -s $out/report.html ]] || { echo "FAIL $name: files missing"; fail=1; continue; }
  # The baseline's transition-status variant states the baseline's own policy: no difference.
  changed=$(grep -c ',yes$' "$out/comparison.csv" || true)
  if [[ $name == ukraine-end-transition ]]; then
    (( changed == 0 )) || { echo "FAIL $name: differs from the baseline it restates"; fail=1; }
  else
    (( changed > 0 )) || { echo "FAIL $name: no indicator changed"; fail=1; }
  fi
  echo "$name: $changed indicator-years distinguishable from the baseline"
done
exit $fail
