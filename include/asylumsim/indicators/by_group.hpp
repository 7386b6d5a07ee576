// Indicators per nationality group (model/metrics_by_group.hpp): the id of the chain-wide
// indicator followed by `.by_group.<group>`. The groups come from the scenario, so these
// indicators are made per scenario (group_indicators) rather than listed in the fixed catalogue;
// `asylumsim indicators` lists them as patterns.
#pragma once

#include <string_view>
#include <vector>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::indicators {

// The per-group indicators of a scenario, in a fixed order (base indicator, then group). The
// pointers stay valid for the life of the program.
std::vector<const Indicator*> group_indicators(const scenario::Scenario& s);

// The indicator for an id of the form BASE.by_group.GROUP (any group name), or null.
const Indicator* find_group_indicator(std::string_view id);

// One entry per base indicator with `<group>` in place of the group name: for listings.
const std::vector<Indicator>& group_indicator_patterns();

}  // namespace asylumsim::indicators
