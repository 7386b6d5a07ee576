#!/usr/bin/env bash
# Opens the reports of run, validate and compare in headless Chromium and checks that the charts
# are there and drawn: every chart has a real size on the page, every fan's band spans the plot
# and every median is a line. Screenshots are kept as test artifacts in ARTIFACTS/.
#
# usage: report_in_browser.sh ASYLUMSIM SOURCE_DIR ARTIFACTS_DIR
# Exits 77 (skipped) when Chromium is missing, unless ASYLUMSIM_REQUIRE_BROWSER=1.
set -euo pipefail
cli=$1 src=$2 artifacts=$3

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "chromium not found (scripts/install-deps.sh installs it with ASYLUMSIM_WITH_TEST_TOOLS=1)"
  [[ ${ASYLUMSIM_REQUIRE_BROWSER:-0} == 1 ]] && exit 1
  exit 77
fi

rm -rf "$artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

chrome() {
  # A fresh profile each time; no network, no GPU, no sandbox (CI runs as root).
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-extensions --no-first-run --hide-scrollbars \
    --user-data-dir="$(mktemp -d "$work/profile.XXXX")" "$@" 2>/dev/null
}

# The probe: a copy of the report with a script that measures what the browser drew.
probe_script='<script>
(function () {
  const charts = [...document.querySelectorAll("svg.chart")];
  const tiny = charts.filter(c => { const r = c.getBoundingClientRect(); return r.width < 200 || r.height < 100; });
  const bands = [...document.querySelectorAll("path.band-outer")];
  const narrow = bands.filter(p => p.getBBox().width < 100);
  const medians = [...document.querySelectorAll("path.median")];
  const short = medians.filter(p => p.getTotalLength() < 100);
  const rows = document.querySelectorAll("g.interval-row").length;
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = `PROBE charts=${charts.length} tiny=${tiny.length} bands=${bands.length} narrow=${narrow.length} medians=${medians.length} short=${short.length} rows=${rows} END`;
  document.body.appendChild(pre);
})();
</script>'

fail=0
check_report() {
  local name=$1 report=$2 min_charts=$3 min_bands=$4 min_rows=$5
  [[ -s $report ]] || { echo "FAIL $name: $report missing"; fail=1; return; }
  local probe="$work/$name-probe.html"
  sed "s#</body>#${probe_script//$'\n'/ }</body>#" "$report" > "$probe"
  local dom
  dom=$(chrome --virtual-time-budget=5000 --dump-dom "file://$probe")
  local line
  line=$(grep -o 'PROBE charts=[0-9][^E]*END' <<<"$dom" | tail -1 || true)
  echo "$name: $line"
  [[ -n $line ]] || { echo "FAIL $name: the probe did not run"; fail=1; return; }
  val() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
  (( $(val charts) >= min_charts )) || { echo "FAIL $name: $(val charts) charts, want >= $min_charts"; fail=1; }
  (( $(val tiny) == 0 )) || { echo "FAIL $name: $(val tiny) charts drawn too small"; fail=1; }
  (( $(val bands) >= min_bands )) || { echo "FAIL $name: $(val bands) bands, want >= $min_bands"; fail=1; }
  (( $(val narrow) == 0 )) || { echo "FAIL $name: $(val narrow) bands do not span the plot"; fail=1; }
  (( $(val short) == 0 )) || { echo "FAIL $name: $(val short) medians are not drawn"; fail=1; }
  (( $(val rows) >= min_rows )) || { echo "FAIL $name: $(val rows) interval rows, want >= $min_rows"; fail=1; }
  chrome --window-size=1280,2400 --screenshot="$artifacts/$name.png" "file://$report" >/dev/null
  local size
  size=$(stat -c %s "$artifacts/$name.png" 2>/dev/null || echo 0)
  if [[ $(head -c 8 "$artifacts/$name.png" | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]] ||
     (( size < 50000 )); then
    echo "FAIL $name: screenshot missing or blank ($size bytes)"; fail=1
  fi
}

# The shipped baseline, as the README's first command runs it (fewer replications).
"$cli" run "$src/scenarios/nl-baseline.yaml" --replications 4 --out "$work/run" --quiet
check_report run "$work/run/report.html" 11 14 0
"$cli" validate "$src/scenarios/nl-baseline.yaml" --targets "$src/tests/data/targets-2024-2025.yaml" \
  --replications 3 --out "$work/validate" --quiet
check_report validate "$work/validate/report.html" 3 0 90
"$cli" compare "$src/tests/data/small.yaml" "$src/tests/data/small-more-ind.yaml" \
  --replications 4 --out "$work/compare" --quiet
check_report compare "$work/compare/report.html" 16 28 18
cp "$work/run/report.html" "$artifacts/run-report.html"
exit $fail
