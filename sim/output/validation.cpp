#include "asylumsim/output/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

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

Acceptance acceptance_for(const scenario::Target& t) {
  static constexpr std::string_view kKey[] = {
      "coa.occupancy",    "coa.permit_holders",        "ind.decisions_first",  "ind.grants_first",
      "housing.realised", "inflow.first_applications", "departure.chain_total"};
  const bool key = std::find(std::begin(kKey), std::end(kKey), t.id) != std::end(kKey) ||
                   (t.id == "housing.backlog" && t.when.label() == "2026-01-01");
  if (key) return {0.05, true, true};
  if (t.kind == "share") return {0.05, false, false};
  if (t.kind == "duration") return {0.15, true, false};
  return {0.10, true, false};
}

double acceptance_error(const ValidationRow& r) {
  const Acceptance a = acceptance_for(*r.target);
  return a.relative ? r.rel_error : r.model.mean - r.target->value;
}

bool within_acceptance(const ValidationRow& r) {
  return std::abs(acceptance_error(r)) <= acceptance_for(*r.target).tolerance + 1e-12;
}

std::string validation_csv(const std::vector<ValidationRow>& rows) {
  std::string out = "id,when,target,model_mean,model_p05,model_p95,rel_error\n";
  for (const auto& r : rows)
    out += fmt::format("{},{},{},{},{},{},{}\n", r.target->id, r.target->when.label(),
                       r.target->value, r.model.mean, r.model.p05, r.model.p95, r.rel_error);
  return out;
}

std::string validation_table(const std::vector<ValidationRow>& rows) {
  std::string out =
      fmt::format("{:<38} {:<10} {:>12} {:>12} {:>25} {:>9} {:>7}  {}\n", "id", "when", "target",
                  "model mean", "model 90% band", "error", "band", "within");
  std::size_t within = 0;
  for (const auto& r : rows) {
    const Acceptance a = acceptance_for(*r.target);
    const bool ok = within_acceptance(r);
    within += ok;
    const bool share = r.target->kind == "share";
    const auto f = [&](double v) {
      return share ? fmt::format("{:.3f}", v) : fmt::format("{:.0f}", v);
    };
    out += fmt::format("{:<38} {:<10} {:>12} {:>12} {:>25} {:>+8.1f}% {:>7}  {}\n", r.target->id,
                       r.target->when.label(), f(r.target->value), f(r.model.mean),
                       fmt::format("[{}, {}]", f(r.model.p05), f(r.model.p95)), 100.0 * r.rel_error,
                       fmt::format("±{:.0f}{}", 100 * a.tolerance, a.relative ? "%" : "pp"),
                       ok ? "yes" : "NO");
  }
  out += fmt::format(
      "{} of {} figures within their acceptance band (flows and stocks ±10%, durations ±15%, "
      "shares ±5 points, key figures ±5%)\n",
      within, rows.size());
  return out;
}

}  // namespace asylumsim::output
