#include "asylumsim/montecarlo/validation.hpp"

#include <cmath>

namespace asylumsim::montecarlo {

std::vector<Cell> target_grid(const std::vector<indicators::Target>& targets) {
  std::vector<Cell> grid;
  for (const auto& t : targets) grid.push_back({t.indicator, t.when});
  return grid;
}

std::vector<ValidationRow> validation_rows(const std::vector<indicators::Target>& targets,
                                           const BatchResult& r) {
  const auto sums = r.summaries();
  std::vector<ValidationRow> rows;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    ValidationRow row{&targets[i], sums[i], 0.0};
    row.rel_error = relative_error(row.model.mean, targets[i].value);
    rows.push_back(row);
  }
  return rows;
}

double relative_error(double model, double target) {
  return target != 0 ? (model - target) / std::abs(target) : model - target;
}

double acceptance_error(const ValidationRow& r) {
  const indicators::Acceptance a = indicators::acceptance_for(*r.target);
  return a.relative ? r.rel_error : r.model.mean - r.target->value;
}

bool within_acceptance(const ValidationRow& r) {
  return std::abs(acceptance_error(r)) <= indicators::acceptance_for(*r.target).tolerance + 1e-12;
}

}  // namespace asylumsim::montecarlo
