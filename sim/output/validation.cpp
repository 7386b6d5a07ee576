#include "asylumsim/output/validation.hpp"

#include <fmt/format.h>

#include <cmath>

namespace asylumsim::output {

std::vector<montecarlo::Cell> target_grid(const std::vector<scenario::Target>& targets) {
  std::vector<montecarlo::Cell> grid;
  for (const auto& t : targets) grid.push_back({t.indicator, t.when});
  return grid;
}

std::vector<ValidationRow> validation_rows(const std::vector<scenario::Target>& targets,
                                           const montecarlo::BatchResult& r) {
  const auto sums = r.summaries();
  std::vector<ValidationRow> rows;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    ValidationRow row{&targets[i], sums[i], 0.0};
    const double v = targets[i].value;
    row.rel_error = v != 0 ? (row.model.mean - v) / std::abs(v) : row.model.mean - v;
    rows.push_back(row);
  }
  return rows;
}

std::string validation_csv(const std::vector<ValidationRow>& rows) {
  std::string out = "id,when,target,model_mean,model_p05,model_p95,rel_error\n";
  for (const auto& r : rows)
    out += fmt::format("{},{},{},{},{},{},{}\n", r.target->id, r.target->when.label(),
                       r.target->value, r.model.mean, r.model.p05, r.model.p95, r.rel_error);
  return out;
}

std::string validation_table(const std::vector<ValidationRow>& rows) {
  std::string out = fmt::format("{:<38} {:<10} {:>12} {:>12} {:>25} {:>9}\n", "id", "when",
                                "target", "model mean", "model 90% band", "error");
  for (const auto& r : rows) {
    const bool share = r.target->kind == "share";
    const auto f = [&](double v) {
      return share ? fmt::format("{:.3f}", v) : fmt::format("{:.0f}", v);
    };
    out +=
        fmt::format("{:<38} {:<10} {:>12} {:>12} {:>25} {:>+8.1f}%\n", r.target->id,
                    r.target->when.label(), f(r.target->value), f(r.model.mean),
                    fmt::format("[{}, {}]", f(r.model.p05), f(r.model.p95)), 100.0 * r.rel_error);
  }
  return out;
}

}  // namespace asylumsim::output
