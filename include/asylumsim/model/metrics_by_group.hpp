// Metrics per nationality group. One convention for all: the id of the chain-wide metric followed
// by `.by_group.<group>` with the scenario's group name, e.g. `inflow.first_applications.by_group.
// syria` or `coa.occupancy.by_group.eritrea`. The groups come from the scenario, so these metrics
// are made per scenario; indicators/by_group.hpp turns them into indicators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "asylumsim/engine/recorder.hpp"
#include "asylumsim/model/metrics.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

inline constexpr std::string_view kByGroup = ".by_group.";

// A chain-wide metric that is recorded per group too: what drives grant rates, nareis and
// moratoria.
struct GroupMetricBase {
  const char* id;
  bool stock;  // a stock (sampled) rather than a counter (summed)
  const char* description;
};
const std::vector<GroupMetricBase>& group_metric_bases();

// BASE.by_group.GROUP
std::string group_metric_name(std::string_view base, std::string_view group);

// Recorder ids per group (index = the scenario's group index).
struct GroupMetrics {
  std::vector<MetricId> first_applications, decisions_first, grants_first, permits, backlog,
      coa_residents;
  void register_all(engine::Recorder& r, const scenario::Scenario& s);
};

}  // namespace asylumsim::model
