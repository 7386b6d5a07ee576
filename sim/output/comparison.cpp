#include "asylumsim/output/comparison.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/output/compare_indicators.hpp"

namespace asylumsim::output {

std::string comparison_csv(const montecarlo::Comparison& c) {
  std::string out =
      "metric,when,base_mean,variant_mean,diff_mean,diff_se,ci95_low,ci95_high,distinguishable\n";
  for (std::size_t i = 0; i < c.grid.size(); ++i) {
    const auto& d = c.cells[i];
    out +=
        fmt::format("{},{},{},{},{},{},{},{},{}\n", c.grid[i].indicator->id, c.grid[i].when.label(),
                    indicators::csv_value(d.base.mean), indicators::csv_value(d.variant.mean),
                    indicators::csv_value(d.diff.mean),
                    indicators::csv_value(d.diff.standard_error()), indicators::csv_value(d.ci_low),
                    indicators::csv_value(d.ci_high), d.distinguishable ? "yes" : "no");
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

}  // namespace asylumsim::output
