#!/usr/bin/env bash
# Monte Carlo scaling (weak scaling: each worker runs the same number of replications): wall time,
# replications per second and parallel efficiency = rate(w) / (w * rate(first width) / first width),
# for threads in one process, for MPI ranks with one thread each, and for w independent processes
# that share nothing but the machine (the hardware's own ceiling: memory bandwidth, shared cache,
# all-core clock). Prints a Markdown table.
#   bench/scaling.sh [BINARY] [SCENARIO] [REPLICATIONS_PER_WORKER] [WIDTHS...]
set -euo pipefail
bin=${1:-build/release/asylumsim}
scenario=${2:-scenarios/nl-baseline.yaml}
per_worker=${3:-4}
shift $(($# < 3 ? $# : 3))
widths=("$@")
((${#widths[@]})) || widths=(1 2)
out=$(mktemp -d)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
now() { date +%s.%N; }
echo "| mode | width | replications | wall s | replications/s | efficiency |"
echo "|---|---|---|---|---|---|"
for mode in threads mpi independent; do
  if [[ $mode == mpi ]] && ! command -v mpirun > /dev/null; then continue; fi
  base=""
  for w in "${widths[@]}"; do
    n=$((per_worker * w))
    t0=$(now)
    if [[ $mode == threads ]]; then
      "$bin" run "$scenario" --replications "$n" --threads "$w" --out "$out/t$w" --force --quiet
    elif [[ $mode == mpi ]]; then
      mpirun -np "$w" --oversubscribe "$bin" run "$scenario" --replications "$n" --threads 1 \
        --out "$out/m$w" --force --quiet
    else
      for ((i = 0; i < w; i++)); do
        "$bin" run "$scenario" --replications "$per_worker" --threads 1 --seed "$((i + 1))" \
          --out "$out/i$w-$i" --force --quiet &
      done
      wait
    fi
    t1=$(now)
    read -r wall rate <<< "$(awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { printf "%.3f %.4f", b - a, n / (b - a) }')"
    [[ -z $base ]] && base=$(awk -v r="$rate" -v w="$w" 'BEGIN { print r / w }')
    eff=$(awk -v r="$rate" -v w="$w" -v b="$base" 'BEGIN { printf "%.0f", 100 * r / (w * b) }')
    echo "| $mode | $w | $n | $wall | $rate | $eff% |"
  done
done
rm -rf "$out"
