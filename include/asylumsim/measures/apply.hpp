// What each policy measure does to the chain's mechanics. The loader calls apply_measures once,
// after reading the scenario: measures apply in the order they are listed, each as changes of
// schedules inside its [from, until) window, so they compose (two capacity increases add up, two
// inflow multipliers multiply) and the model itself knows nothing about measures.
#pragma once

#include <string>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::measures {

// Applies s.measures, in order, to the parameters of s.
void apply_measures(scenario::Scenario& s);

// One line describing a measure for reports: "HAR+ 125 placements/month, 2026-07-01 to 2027-12-31".
std::string describe(const scenario::Measure& m, const scenario::Scenario& s);

}  // namespace asylumsim::measures
