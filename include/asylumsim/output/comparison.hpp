// Output of a paired comparison: comparison.csv and a readable table of key indicators per year.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/compare.hpp"

namespace asylumsim::output {

// metric,when,base_mean,variant_mean,diff_mean,diff_se,ci95_low,ci95_high,distinguishable
std::string comparison_csv(const montecarlo::Comparison& c);
std::string comparison_table(const montecarlo::Comparison& c);

// What a planner weighs per calendar year, from the mean paired differences (variant - base):
// extra cost, extra permit holders moved out of COA and the cost of each, COA bed-days and
// emergency-place days saved, and the change in the share housed within the 14-week norm.
struct TradeoffRow {
  int year = 0;
  double extra_cost = 0;           // EUR
  double extra_exits = 0;          // permit holders leaving COA for housing (or hosts)
  double cost_per_extra_exit = 0;  // NaN when the variant moves (about) nobody extra out
  double bed_days_saved = 0;
  double emergency_days_saved = 0;
  double within_14w_change = 0;  // share points
};
std::vector<TradeoffRow> tradeoffs(const montecarlo::Comparison& c);
std::string tradeoff_table(const std::vector<TradeoffRow>& rows);

}  // namespace asylumsim::output
