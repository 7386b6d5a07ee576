// Indicators per nationality group. One convention for all: the id of the chain-wide indicator
// followed by `.by_group.<group>` with the scenario's group name, e.g.
// `inflow.first_applications.by_group.syria` or `coa.occupancy.by_group.eritrea`. The groups come
// from the scenario, so these indicators are made per scenario (group_indicators) rather than
// listed in the fixed catalogue; `asylumsim indicators` lists them as patterns.
#pragma once

#include <string_view>
#include <vector>

#include "asylumsim/engine/recorder.hpp"
#include "asylumsim/model/metrics.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

inline constexpr std::string_view kByGroup = ".by_group.";

// Recorder ids per group (index = the scenario's group index).
struct GroupMetrics {
  std::vector<MetricId> first_applications, decisions_first, grants_first, permits, backlog,
      coa_residents;
  void register_all(engine::Recorder& r, const scenario::Scenario& s);
};

// The per-group indicators of a scenario, in a fixed order (base indicator, then group). The
// pointers stay valid for the life of the program.
std::vector<const Indicator*> group_indicators(const scenario::Scenario& s);

// The indicator for an id of the form BASE.by_group.GROUP (any group name), or null.
const Indicator* find_group_indicator(std::string_view id);

// One entry per base indicator with `<group>` in place of the group name: for listings.
const std::vector<Indicator>& group_indicator_patterns();

}  // namespace asylumsim::model
