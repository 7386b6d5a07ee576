#include "asylumsim/indicators/acceptance.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace asylumsim::indicators {

Acceptance acceptance_for(const Target& t) {
  static constexpr std::string_view kKey[] = {
      "coa.occupancy",    "coa.permit_holders",        "ind.decisions_first",  "ind.grants_first",
      "housing.realised", "inflow.first_applications", "departure.chain_total"};
  const bool key = std::find(std::begin(kKey), std::end(kKey), t.id) != std::end(kKey) ||
                   (t.id == "housing.backlog" && t.when.label() == "2026-01-01");
  if (key) return {0.05, true, true};
  if (t.kind == "share") return {0.05, false, false};
  if (t.kind == "duration") return {0.15, true, false};
  return {0.10, true, false};
}

}  // namespace asylumsim::indicators
