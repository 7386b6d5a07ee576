// Monte Carlo batches: replication i of a scenario always uses the random streams of (seed, i), so
// a batch gives the same numbers whatever the number of threads. Each replication is reduced to a
// fixed grid of indicator values as soon as it finishes, so memory grows with the grid, not with
// the number of persons.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "asylumsim/model/metrics.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::montecarlo {

// One output value: an indicator at a period (flows, durations, shares) or a date (stocks).
struct Cell {
  const model::Indicator* indicator = nullptr;
  model::When when;
};

// Every indicator in the catalogue, at every month, half-year and year (flows) or month boundary
// (stocks) of the scenario's horizon.
std::vector<Cell> default_grid(const scenario::Scenario& s);

struct Summary {
  double mean = 0, sd = 0, min = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0, max = 0;
};
// Exact order statistics (type-7 linear interpolation, as R's default and numpy's 'linear').
Summary summarise(std::vector<double> values);
double quantile_sorted(const std::vector<double>& sorted, double p);

struct BatchOptions {
  int replications = 1;
  int threads = 1;
  std::uint64_t first_replication = 0;
  std::function<void(int done, int total)> progress;  // called from worker threads, serialised
};

struct BatchResult {
  std::vector<Cell> grid;
  std::vector<std::vector<double>> values;  // [replication][cell]
  std::uint64_t events = 0;
  std::uint64_t persons = 0;
  double cpu_seconds = 0;
  std::vector<Summary> summaries() const;  // per cell
};

BatchResult run_batch(const scenario::Scenario& s, const std::vector<Cell>& grid,
                      const BatchOptions& opt);

}  // namespace asylumsim::montecarlo
