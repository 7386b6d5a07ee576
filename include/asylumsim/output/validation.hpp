// Validation of a scenario against documented figures: one row per target with the model's mean
// and 90% band over replications and the relative error of the mean.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/targets.hpp"

namespace asylumsim::output {

struct ValidationRow {
  const scenario::Target* target = nullptr;
  montecarlo::Summary model;
  double rel_error = 0;  // (model mean - target) / |target|; the difference when target is 0
};

// The acceptance band of a documented figure (issue 4): flows and stocks within ±10%, durations
// within ±15%, shares within ±5 percentage points, and the key figures within ±5%: COA occupancy
// and permit holders in COA, IND decisions and grants on first applications, housing realised,
// the taakstelling backlog on 2026-01-01, first applications and chain-wide departures.
struct Acceptance {
  double tolerance = 0.10;
  bool relative = true;  // false: an absolute difference (shares, in share points)
  bool key = false;
};
Acceptance acceptance_for(const scenario::Target& t);
// The error the band is measured in: relative for flows, stocks and durations, absolute for shares.
double acceptance_error(const ValidationRow& r);
bool within_acceptance(const ValidationRow& r);

// Grid cells for the targets, in the targets' order.
std::vector<montecarlo::Cell> target_grid(const std::vector<scenario::Target>& targets);
std::vector<ValidationRow> validation_rows(const std::vector<scenario::Target>& targets,
                                           const montecarlo::BatchResult& r);
std::string validation_csv(const std::vector<ValidationRow>& rows);
std::string validation_table(const std::vector<ValidationRow>& rows);

}  // namespace asylumsim::output
