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
  double rel_error = 0;  // (model mean - target) / target; absolute difference for shares
};

// Grid cells for the targets, in the targets' order.
std::vector<montecarlo::Cell> target_grid(const std::vector<scenario::Target>& targets);
std::vector<ValidationRow> validation_rows(const std::vector<scenario::Target>& targets,
                                           const montecarlo::BatchResult& r);
std::string validation_csv(const std::vector<ValidationRow>& rows);
std::string validation_table(const std::vector<ValidationRow>& rows);

}  // namespace asylumsim::output
