// Monte Carlo batches: replication i of a scenario always uses the random streams of (seed, i), so
// a batch gives the same numbers whatever the number of threads or MPI ranks. Each replication is
// reduced to a grid of indicator values as soon as it finishes and fed, in replication order, to a
// streaming aggregator: memory grows with the grid, not with the number of replications.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/montecarlo/aggregator.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::montecarlo {

// One output value: an indicator at a period (flows, durations, shares) or a date (stocks).
struct Cell {
  const indicators::Indicator* indicator = nullptr;
  indicators::When when;
};

// Every indicator in the catalogue, at every month, half-year and year (flows) or month boundary
// (stocks) of the scenario's horizon.
std::vector<Cell> default_grid(const scenario::Scenario& s);

struct BatchOptions {
  int replications = 1;
  int threads = 1;
  std::uint64_t first_replication = 0;
  std::size_t exact_limit = Aggregator::kDefaultExactLimit;
  // Called in replication order (on the aggregating process only).
  std::function<void(int done, int total)> progress;
  std::function<void(std::uint64_t replication, const std::vector<double>& row)> on_row;
  // When set to true (by a signal handler), workers take no new replications; the batch returns
  // with the contiguous prefix of replications that completed.
  const std::atomic<bool>* stop = nullptr;
  // Computes replication i's row; default: the scenario's chain model reduced to the grid. A paired
  // comparison supplies its own (base row, variant row and their difference side by side).
  std::function<std::vector<double>(std::uint64_t replication)> row_fn;
  // Replications stop here (calibration: just after the last target date; the rest of the horizon
  // cannot change the figures it reads).
  engine::Tick run_until = engine::kNever;
};

struct BatchResult {
  std::vector<Cell> grid;
  Aggregator aggregator;
  std::uint64_t events = 0;
  std::uint64_t persons = 0;
  double cpu_seconds = 0;
  bool is_root = true;  // false on MPI ranks other than 0: they hold no results
  bool interrupted = false;
  std::vector<Summary> summaries() const;
  std::uint64_t replications() const { return aggregator.count(); }
};

// Runs replications [first, first + n) and adds them to `result` (which may already hold earlier
// replications of the same grid). Uses MPI when the process was started by mpirun with more than
// one rank (see distributed.hpp); otherwise threads only.
void extend_batch(const scenario::Scenario& s, const BatchOptions& opt, BatchResult& result);
BatchResult run_batch(const scenario::Scenario& s, const std::vector<Cell>& grid,
                      const BatchOptions& opt);

// Computes one replication's row of the grid.
std::vector<double> replication_row(const scenario::Scenario& s, const std::vector<Cell>& grid,
                                    std::uint64_t replication, std::uint64_t* events = nullptr,
                                    std::uint64_t* persons = nullptr,
                                    engine::Tick run_until = engine::kNever);

}  // namespace asylumsim::montecarlo
