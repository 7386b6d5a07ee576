// Selections of the indicator catalogue, by tag: what the outputs show. Output, calibration and
// the CLI name indicators only through these tags; the ids are written once, in the indicators
// module (sim/indicators/tags.cpp).
//   summary: the run's summary table, the reports' key table, --until-precision and sweeps
//   compare: the comparison table and report of `compare`
//   key:     the key figures of the acceptance rules (a ±5% band)
//   tradeoff.cost, .exits, .bed_days, .emergency_bed_days, .exits_within_norm: one indicator
//            each, the roles in a comparison's costs and trade-offs
//   capacity.short, capacity.short.emergency: occupancy beyond the COA places (report, summary)
//   chart.*: the series of the reports' charts (sim/output/report_charts.cpp)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "asylumsim/indicators/indicator.hpp"

namespace asylumsim::indicators {

struct Tagged {
  const Indicator* indicator = nullptr;
  std::string label;  // short label for tables
  std::string when;   // the tag holds only at this moment (a When label); empty: at any
};

// The indicators with `tag`, in the selection's order. Throws std::logic_error for a tag that does
// not exist.
const std::vector<Tagged>& tagged(std::string_view tag);

// Whether the indicator `id` has `tag` at `when` (a When label).
bool has_tag(std::string_view id, std::string_view tag, std::string_view when);

// Every tag, for listings and tests.
std::vector<std::string> tag_names();

}  // namespace asylumsim::indicators
