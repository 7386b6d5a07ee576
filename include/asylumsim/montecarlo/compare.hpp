// Paired comparison of two scenarios with common random numbers: replication i of the base and of
// the variant use the same random streams (seed, i, input name), so the difference between them
// is mostly the effect of the change, not of chance. Per cell, the mean paired difference gets a
// 95% confidence interval from Student's t with n - 1 degrees of freedom.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"

namespace asylumsim::montecarlo {

// Yearly cells: every indicator per calendar year (flows, durations, shares) or on 31 December
// (stocks) of the horizon, then the base's per-group indicators the same way.
std::vector<Cell> yearly_grid(const scenario::Scenario& s);

struct Difference {
  Summary base, variant, diff;
  double ci_low = 0, ci_high = 0;
  bool distinguishable = false;  // the 95% interval excludes zero
};

struct Comparison {
  std::vector<Cell> grid;
  std::vector<Difference> cells;
  std::uint64_t replications = 0;
  bool common_random_numbers = true;
  bool interrupted = false;
  // Flows summed over the horizon's calendar years, per replication (so the interval accounts for
  // the years' correlation): one per id asked for, in that order.
  std::vector<std::pair<std::string, Difference>> totals;
};

// Checks that the two scenarios can be compared: the same start and end, else scenario::InputError
// located at the variant's scenario.start or .end; every nationality group of the base in the
// variant, else scenario::InputError (exit code 3 either way).
void check_comparable(const scenario::Scenario& base, const scenario::Scenario& variant);

// Runs the pairs. With `common_random_numbers` false the variant uses other replication indices
// (n + i), which makes the two runs independent: only for showing what common random numbers buy.
// `horizon_totals` names flow indicators whose yearly cells in `grid` are also summed.
Comparison run_comparison(const scenario::Scenario& base, const scenario::Scenario& variant,
                          const std::vector<Cell>& grid, BatchOptions opt,
                          bool common_random_numbers,
                          const std::vector<std::string>& horizon_totals = {});

}  // namespace asylumsim::montecarlo
