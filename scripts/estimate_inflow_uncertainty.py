#!/usr/bin/env python3
"""Estimates the yearly inflow-uncertainty model (scenario key uncertainty.inflow, issue 26) from
../shared/domain/history: the sd and lag-1 autocorrelation of the yearly log changes of first
applications (2007 on: earlier years count all requests), with the quarterly series as a check;
and the yearly drift of policy and behaviour levels (uncertainty.levels): the sd of the yearly log
changes of family arrivals through nareis (2015 on), the chain flow that policy and processing set.
Both also get the pulled-back walk the baseline uses (keys sigma and reversion): least squares of
the mean squared k-year log change on 2 s^2 (1 - phi^k), k = 1..4, weighted by the number of pairs,
phi on a grid of 0.001; sigma = s sqrt(2 (1 - phi)). The same estimators are in C++
(model::estimate_inflow_model, model::fit_reverting_walk), which the tests use.

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


def reverting_walk(counts, max_lag=4):
    logs = [math.log(c) for c in counts]
    msq, pairs = [], []
    for k in range(1, max_lag + 1):
        d = [logs[i + k] - logs[i] for i in range(len(logs) - k)]
        msq.append(sum(x * x for x in d) / len(d))
        pairs.append(len(d))
    best = None
    for step in range(1, 1000):
        phi = step / 1000
        a = [1 - phi ** k for k in range(1, max_lag + 1)]
        two_s2 = sum(n * m * x for n, m, x in zip(pairs, msq, a)) / sum(n * x * x for n, x in zip(pairs, a))
        sse = sum(n * (m - two_s2 * x) ** 2 for n, m, x in zip(pairs, msq, a))
        if best is None or sse < best[0]:
            best = (sse, phi, math.sqrt(two_s2 * (1 - phi)))
    return best[2], best[1], [math.sqrt(m) for m in msq]


def print_reverting_walk(label, counts):
    sigma, phi, observed = reverting_walk(counts)
    print(f"{label}, pulled-back walk: sigma {sigma:.4f}, reversion {phi:.3f} "
          f"(k-year rms log change {', '.join(f'{x:.3f}' for x in observed)})")


def main():
    hist = sys.argv[1] if len(sys.argv) > 1 else "../shared/domain/history"
    with open(f"{hist}/first-applications-year.csv") as f:
        years = [(int(r["year"]), float(r["persons"])) for r in csv.DictReader(f)]
    counts = [p for y, p in years if y >= 2007]
    changes = [math.log(counts[i] / counts[i - 1]) for i in range(1, len(counts))]
    mean, sd, ac = moments(changes)
    print(f"yearly, 2007-{years[-1][0]}: {len(changes)} changes, mean {mean:+.3f}, "
          f"sigma {sd:.3f}, autocorrelation {ac:+.3f}")
    print_reverting_walk(f"inflow 2007-{years[-1][0]}", counts)
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
        print_reverting_walk(f"levels {family[0][0]}-{last}", counts)


if __name__ == "__main__":
    main()
