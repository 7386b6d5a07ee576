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

// Checks the parameters the measures composed, at every date they change: a probability stays in
// [0, 1], track shares sum to 1, counts stay within kMaxCount, terms and speed-ups stay positive.
// Each problem names the parameter, the date, the value and the measure blocks in force then.
scenario::Diagnostics check_composed(const scenario::Scenario& s);

// One line describing a measure for reports: "har_plus: 125 placements per month, contribution
// EUR 30000 each, from 2026-07-01 until 2028-01-01".
std::string describe(const scenario::Measure& m, const scenario::Scenario& s);

}  // namespace asylumsim::measures
