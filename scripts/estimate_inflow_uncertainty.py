#!/usr/bin/env python3
"""Estimates the yearly inflow-uncertainty model (scenario key uncertainty.inflow, issue 26) from
../shared/domain/history: the sd and lag-1 autocorrelation of the yearly log changes of first
applications (2007 on: earlier years count all requests), with the quarterly series as a check;
and the yearly drift of policy and behaviour levels (uncertainty.levels): the sd of the yearly log
changes of family arrivals through nareis (2015 on), the chain flow that policy and processing set.
The same estimator is in C++ (model::estimate_inflow_model), which the tests use.

Usage: scripts/estimate_inflow_uncertainty.py [HISTORY_DIR]
"""
import csv
import math
import statistics
import sys


def moments(changes):
    mean = statistics.fmean(changes)
    ss = sum((d - mean) ** 2 for d in changes)
    lag = sum((changes[i] - mean) * (changes[i - 1] - mean) for i in range(1, len(changes)))
    return mean, math.sqrt(ss / (len(changes) - 1)), lag / ss


def main():
    hist = sys.argv[1] if len(sys.argv) > 1 else "../shared/domain/history"
    with open(f"{hist}/first-applications-year.csv") as f:
        years = [(int(r["year"]), float(r["persons"])) for r in csv.DictReader(f)]
    counts = [p for y, p in years if y >= 2007]
    changes = [math.log(counts[i] / counts[i - 1]) for i in range(1, len(counts))]
    mean, sd, ac = moments(changes)
    print(f"yearly, 2007-{years[-1][0]}: {len(changes)} changes, mean {mean:+.3f}, "
          f"sigma {sd:.3f}, autocorrelation {ac:+.3f}")
    with open(f"{hist}/first-applications-quarter.csv") as f:
        q = {(int(r["year"]), int(r["quarter"])): float(r["persons"]) for r in csv.DictReader(f)}
    # Check: year-on-year changes of each quarter (same quarter a year earlier).
    yoy = [math.log(v / q[(y - 1, k)]) for (y, k), v in sorted(q.items()) if (y - 1, k) in q]
    print(f"quarterly check: {len(yoy)} year-on-year quarter changes, sd {statistics.stdev(yoy):.3f}")
    with open(f"{hist}/family-arrivals-year.csv") as f:
        family = [(int(r["year"]), float(r["persons"])) for r in csv.DictReader(f)]
    for last in (family[-2][0], family[-1][0]):
        counts = [p for y, p in family if y <= last]
        changes = [math.log(counts[i] / counts[i - 1]) for i in range(1, len(counts))]
        mean, sd, ac = moments(changes)
        print(f"levels (nareis family arrivals), {family[0][0]}-{last}: {len(changes)} changes, "
              f"sigma {sd:.3f} (mean {mean:+.3f}, autocorrelation {ac:+.3f})")


if __name__ == "__main__":
    main()
