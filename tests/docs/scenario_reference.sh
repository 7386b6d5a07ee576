#!/usr/bin/env bash
# docs/scenario.md's section tables are what the scenario schemas generate (schema.hpp): fails,
# printing the difference and the command that regenerates them, when a table was edited by hand
# or a schema changed without the docs. With --edit-a-row it first edits a generated row of a
# copy by hand, so that the check itself can be seen to fail.
#
# usage: scenario_reference.sh ASYLUMSIM DOC [--edit-a-row]
set -euo pipefail
cli=$1 doc=$2 edit=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$doc" "$work/original.md"
if [[ $edit == --edit-a-row ]]; then
  sed -i 's/^| `coa_occupied_place_per_day` | \(.*\) |$/| `coa_occupied_place_per_day` | \1 (edited) |/' \
    "$work/original.md"
  cmp -s "$doc" "$work/original.md" && { echo "the row to edit was not found"; exit 2; }
fi
cp "$work/original.md" "$work/scenario.md"
"$cli" schema --update "$work/scenario.md"
if ! diff -u "$work/original.md" "$work/scenario.md"; then
  echo "FAIL: $doc is not what the scenario schemas generate (diff above: - the file, + generated)."
  echo "Regenerate it from the repository root with:"
  echo "  build/release/asylumsim schema --update docs/scenario.md"
  exit 1
fi
