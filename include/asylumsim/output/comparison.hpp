// Output of a paired comparison: comparison.csv and a readable table of key indicators per year.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/compare.hpp"

namespace asylumsim::output {

// metric,when,base_mean,variant_mean,diff_mean,diff_se,ci95_low,ci95_high,distinguishable
std::string comparison_csv(const montecarlo::Comparison& c);
std::string comparison_table(const montecarlo::Comparison& c);

// What a planner weighs per calendar year, from the paired differences (variant - base): extra
// cost, extra permit holders moved out of COA and the cost of each, COA bed-days and
// emergency-place days saved, the change in the share housed within the 14-week norm; and the
// same summed over the horizon, with 95% intervals (output/tradeoffs.cpp).
struct TradeoffRow {
  int year = 0;                                                  // 0 for the total over the horizon
  montecarlo::Difference cost, exits, bed_days, emergency_days;  // differences, variant - base
  double within_14w_change = 0;  // share points (NaN for the total: shares do not add up)
  // Cost per extra exit, shown only where both differences are distinguishable from 0 and of the
  // same sign; NaN otherwise, with the reason in `per_exit_note`.
  double cost_per_extra_exit = 0;
  std::string per_exit_note;
};
// The flow indicators summed over the horizon for the total row (run_comparison's totals).
const std::vector<std::string>& tradeoff_total_ids();
// Per calendar year, then the total over the horizon (when the comparison has its totals).
std::vector<TradeoffRow> tradeoffs(const montecarlo::Comparison& c);
std::string tradeoff_table(const std::vector<TradeoffRow>& rows);
// The report's "Costs and trade-offs" section.
std::string tradeoff_html(const std::vector<TradeoffRow>& rows);

}  // namespace asylumsim::output
