#include "asylumsim/indicators/listing.hpp"

#include <fmt/format.h>

#include "asylumsim/indicators/by_group.hpp"

namespace asylumsim::indicators {

const char* kind_label(Indicator::Kind k) {
  using K = Indicator::Kind;
  switch (k) {
    case K::kFlow:
      return "flow";
    case K::kStock:
      return "stock";
    case K::kDurationMean:
      return "duration";
    case K::kCounterShare:
      return "share";
    case K::kStockRatio:
      return "stock ratio";
    case K::kStockDelta:
      return "stock change";
    case K::kStockDays:
      return "stock-days";
    case K::kDurationQuantile:
      return "duration q.";
  }
  return "";
}

std::string catalogue_listing() {
  const auto line = [](const Indicator& ind) {
    return fmt::format("{:<40} {:<12} {:<9} {}\n", ind.id, kind_label(ind.kind), ind.unit,
                       ind.description);
  };
  std::string out = fmt::format("{:<40} {:<12} {:<9} {}\n", "id", "kind", "unit", "meaning");
  for (const auto& ind : indicator_catalogue()) out += line(ind);
  out += "\nPer nationality group (<group>: a group name of the scenario):\n";
  for (const auto& ind : group_indicator_patterns()) out += line(ind);
  return out;
}

}  // namespace asylumsim::indicators
