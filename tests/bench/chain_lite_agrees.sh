#!/usr/bin/env bash
# chain-lite, built from the engine's primitives, must give exactly the results of the
# hand-specialised loop over std::priority_queue (same streams, same time unit): the engine's
# event order, FIFO resources and time-weighted statistics add nothing and lose nothing. Results
# only; the speeds they print are not compared (timings belong in benchmarks).
set -euo pipefail
engine_bin=$1 hand_bin=$2
strip_timing() { sed -E 's/"seconds": [0-9.]+, "events_per_second": [0-9]+, //'; }
for args in "--days 400 --rate 150 --seed 1" "--days 200 --rate 600 --seed 7"; do
  a=$("$engine_bin" $args | strip_timing)
  b=$("$hand_bin" $args | strip_timing)
  echo "engine: $a"
  echo "hand:   $b"
  [[ "$a" == "$b" ]] || { echo "chain-lite and the hand-specialised loop disagree ($args)"; exit 1; }
  [[ "$a" == *'"persons": '[1-9]* ]] || { echo "no persons simulated"; exit 1; }
done
