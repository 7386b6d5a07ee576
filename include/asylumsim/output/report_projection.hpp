// Report sections about the projection: the scenario's projection assumptions, and when COA
// occupancy runs beyond its places (coa.places_short).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// The projection: block as a table (key, from, value, source); "" when the scenario has none.
std::string projection_assumptions_html(const scenario::Scenario& s);

// When occupancy exceeds the COA places, and by how much, from the monthly P50 and P95 of
// coa.places_short and coa.places_short.emergency.
struct CapacityShortfall {
  std::string first_month_p50;  // first month boundary with P50 > 0; "" when never
  std::string first_month_p95;  // first month boundary with P95 > 0; "" when never
  double max_p50 = 0, max_p95 = 0;
  std::string max_p95_when;
  double emergency_max_p50 = 0;  // beyond emergency reception's planned places, P50 at its peak
};
CapacityShortfall capacity_shortfall(const montecarlo::BatchResult& r);
std::string capacity_shortfall_html(const CapacityShortfall& c);
nlohmann::ordered_json capacity_shortfall_json(const CapacityShortfall& c);

}  // namespace asylumsim::output
