// Output of a paired comparison: comparison.csv and a readable table of key indicators per year.
#pragma once

#include <string>

#include "asylumsim/montecarlo/compare.hpp"

namespace asylumsim::output {

// metric,when,base_mean,variant_mean,diff_mean,diff_se,ci95_low,ci95_high,distinguishable
std::string comparison_csv(const montecarlo::Comparison& c);
std::string comparison_table(const montecarlo::Comparison& c);

}  // namespace asylumsim::output
