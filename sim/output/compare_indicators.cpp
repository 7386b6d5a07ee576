#include "asylumsim/output/compare_indicators.hpp"

#include <fmt/format.h>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/indicators/tags.hpp"

namespace asylumsim::output {

const std::vector<CompareIndicator>& compare_indicators() {
  static const std::vector<CompareIndicator> list = [] {
    std::vector<CompareIndicator> out;
    for (const auto& t : indicators::tagged("compare"))
      out.push_back({t.indicator->id.c_str(), t.label.c_str()});
    return out;
  }();
  return list;
}

std::string compare_when(const CompareIndicator& k, int year) {
  using K = indicators::Indicator::Kind;
  const indicators::Indicator* ind = indicators::find_indicator(k.id);
  const bool stock = ind && (ind->kind == K::kStock || ind->kind == K::kStockRatio);
  return stock ? fmt::format("{:04d}-01-01", year + 1) : fmt::format("{:04d}", year);
}

}  // namespace asylumsim::output
