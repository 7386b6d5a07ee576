// Validation of a batch against documented figures: one row per target with the model's mean and
// 90% band over replications and the relative error of the mean.
#pragma once

#include <vector>

#include "asylumsim/indicators/acceptance.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/montecarlo/batch.hpp"

namespace asylumsim::montecarlo {

struct ValidationRow {
  const indicators::Target* target = nullptr;
  Summary model;
  double rel_error = 0;  // (model mean - target) / |target|; the difference when target is 0
};

// The error the acceptance band (indicators/acceptance.hpp) is measured in: relative for flows,
// stocks and durations, absolute for shares.
double acceptance_error(const ValidationRow& r);
// (model - target) / |target|; the difference when the target is 0.
double relative_error(double model, double target);
bool within_acceptance(const ValidationRow& r);

// Grid cells for the targets, in the targets' order.
std::vector<Cell> target_grid(const std::vector<indicators::Target>& targets);
std::vector<ValidationRow> validation_rows(const std::vector<indicators::Target>& targets,
                                           const BatchResult& r);

}  // namespace asylumsim::montecarlo
