// `compare BASE VARIANT...`: several variants, each paired with the same base on common random
// numbers, in one comparison.csv (a first column `variant`) and one report.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// variant,metric,when,base_mean,... : comparison_csv's rows of each variant, headed by its name.
// `comparisons` may be shorter than `variants` (an interrupted run): only those are written.
std::string comparison_csv(const std::vector<scenario::Scenario>& variants,
                           const std::vector<montecarlo::Comparison>& comparisons);

// comparison_csv with each variant's rows led by the identity columns of its pair (base and
// variant names and hashes, seed, complete): what identifies every row whatever file it ends up in.
std::string identified_comparison_csv(const scenario::Scenario& base,
                                      const std::vector<scenario::Scenario>& variants,
                                      const std::vector<montecarlo::Comparison>& comparisons,
                                      bool complete);

// One report: a section per variant (its own comparison report's content), with a contents list.
std::string comparison_report(const scenario::Scenario& base,
                              const std::vector<scenario::Scenario>& variants,
                              const std::vector<montecarlo::Comparison>& comparisons);

// A CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);

}  // namespace asylumsim::output
