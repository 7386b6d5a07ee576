#include "asylumsim/output/comparison.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

#include "asylumsim/output/compare_indicators.hpp"

namespace asylumsim::output {

namespace {
std::string num(double v) {
  return v == 0.0 ? "0" : fmt::format("{}", v);
}

}  // namespace

std::string comparison_csv(const montecarlo::Comparison& c) {
  std::string out =
      "metric,when,base_mean,variant_mean,diff_mean,diff_se,ci95_low,ci95_high,distinguishable\n";
  for (std::size_t i = 0; i < c.grid.size(); ++i) {
    const auto& d = c.cells[i];
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", c.grid[i].indicator->id,
                       c.grid[i].when.label(), num(d.base.mean), num(d.variant.mean),
                       num(d.diff.mean), num(d.diff.standard_error()), num(d.ci_low),
                       num(d.ci_high), d.distinguishable ? "yes" : "no");
  }
  return out;
}

std::string comparison_table(const montecarlo::Comparison& c) {
  std::string out =
      fmt::format("{:<30} {:<10} {:>12} {:>12} {:>12} {:>27} {}\n", "indicator", "when", "base",
                  "variant", "difference", "95% interval", "distinguishable");
  for (const auto& k : compare_indicators()) {  // the report's indicators, inputs first
    const std::string key = k.id;
    for (std::size_t i = 0; i < c.grid.size(); ++i) {
      if (c.grid[i].indicator->id != key) continue;
      const auto& d = c.cells[i];
      const bool share = c.grid[i].indicator->unit == "share";
      const auto f = [&](double v) {
        return share ? fmt::format("{:.4f}", v) : fmt::format("{:.0f}", v);
      };
      out += fmt::format("{:<30} {:<10} {:>12} {:>12} {:>12} {:>27} {}\n", key,
                         c.grid[i].when.label(), f(d.base.mean), f(d.variant.mean), f(d.diff.mean),
                         fmt::format("[{}, {}]", f(d.ci_low), f(d.ci_high)),
                         d.distinguishable ? "yes" : "no");
    }
  }
  out += fmt::format("({} paired replications, {}; all indicators in comparison.csv)\n",
                     c.replications,
                     c.common_random_numbers ? "common random numbers" : "independent streams");
  return out;
}

std::vector<TradeoffRow> tradeoffs(const montecarlo::Comparison& c) {
  std::map<int, TradeoffRow> by_year;
  for (std::size_t i = 0; i < c.grid.size() && i < c.cells.size(); ++i) {
    const auto& when = c.grid[i].when;
    if (!when.period || when.period->kind != engine::Period::Kind::kYear) continue;
    const std::string& id = c.grid[i].indicator->id;
    const double d = c.cells[i].diff.mean;
    TradeoffRow& row = by_year[when.period->year];
    row.year = when.period->year;
    if (id == "cost.total") row.extra_cost = d;
    if (id == "housing.permit_holders_exited") row.extra_exits = d;
    if (id == "coa.bed_days") row.bed_days_saved = -d;
    if (id == "coa.bed_days.emergency") row.emergency_days_saved = -d;
    if (id == "housing.exit_within_14w_share") row.within_14w_change = d;
  }
  std::vector<TradeoffRow> rows;
  for (auto& [year, row] : by_year) {
    row.cost_per_extra_exit = std::abs(row.extra_exits) >= 1
                                  ? row.extra_cost / row.extra_exits
                                  : std::numeric_limits<double>::quiet_NaN();
    rows.push_back(row);
  }
  return rows;
}

std::string tradeoff_table(const std::vector<TradeoffRow>& rows) {
  std::string out =
      fmt::format("{:<6} {:>16} {:>12} {:>16} {:>16} {:>16} {:>10}\n", "year", "extra cost EUR",
                  "extra exits", "EUR per exit", "bed-days saved", "emergency saved", "14w pts");
  for (const auto& r : rows)
    out += fmt::format("{:<6} {:>16.0f} {:>12.0f} {:>16} {:>16.0f} {:>16.0f} {:>+10.1f}\n", r.year,
                       r.extra_cost, r.extra_exits,
                       std::isnan(r.cost_per_extra_exit)
                           ? std::string("-")
                           : fmt::format("{:.0f}", r.cost_per_extra_exit),
                       r.bed_days_saved, r.emergency_days_saved, 100 * r.within_14w_change);
  return out + "(mean paired differences, variant - base; exits = permit holders leaving COA)\n";
}

}  // namespace asylumsim::output
