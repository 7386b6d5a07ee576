// What the report's charts show (internal to sim/output): shared by the run and compare reports.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output::detail {

struct SeriesSpec {
  const char* id;  // an indicator id; must outlive the report (catalogue or interned group id)
  const char* label;
};
struct ChartSpec {
  std::string title;
  const char* unit;
  std::vector<SeriesSpec> fans;   // drawn as P5–P95 / P25–P75 bands around the median
  std::vector<SeriesSpec> lines;  // drawn as the median only (capacities, quotas)
  bool small = false;             // half width (small multiples)
};

// The charts of a scenario's report: first the inputs a planner changes (first applications per
// nationality group, IND decisions per track), then the chain's stocks and flows.
std::vector<ChartSpec> chart_specs(const scenario::Scenario& s);

}  // namespace asylumsim::output::detail
