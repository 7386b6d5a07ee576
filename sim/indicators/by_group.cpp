#include "asylumsim/indicators/by_group.hpp"

#include <deque>
#include <mutex>
#include <string>

#include "asylumsim/model/metrics_by_group.hpp"

namespace asylumsim::indicators {

namespace {

using model::GroupMetricBase;
using model::kByGroup;

Indicator make(const GroupMetricBase& b, const std::string& group) {
  const std::string id = model::group_metric_name(b.id, group);
  return {id,        b.stock ? Indicator::Kind::kStock : Indicator::Kind::kFlow,
          {id},      {},
          "persons", b.description};
}

// Indicators live here once made, so that grid cells may point at them (a deque never moves its
// elements). Made from several threads at most once per id.
const Indicator* intern(const Indicator& ind) {
  static std::mutex mu;
  static std::deque<Indicator> store;
  std::lock_guard lock(mu);
  for (const auto& i : store)
    if (i.id == ind.id) return &i;
  return &store.emplace_back(ind);
}

}  // namespace

std::vector<const Indicator*> group_indicators(const scenario::Scenario& s) {
  std::vector<const Indicator*> out;
  for (const auto& b : model::group_metric_bases())
    for (const auto& g : s.groups) out.push_back(intern(make(b, g.name)));
  return out;
}

const Indicator* find_group_indicator(std::string_view id) {
  const std::size_t at = id.find(kByGroup);
  if (at == std::string_view::npos || at + kByGroup.size() >= id.size()) return nullptr;
  const std::string_view base = id.substr(0, at);
  for (const auto& b : model::group_metric_bases())
    if (base == b.id) return intern(make(b, std::string(id.substr(at + kByGroup.size()))));
  return nullptr;
}

const std::vector<Indicator>& group_indicator_patterns() {
  static const std::vector<Indicator> patterns = [] {
    std::vector<Indicator> p;
    for (const auto& b : model::group_metric_bases()) p.push_back(make(b, "<group>"));
    return p;
  }();
  return patterns;
}

}  // namespace asylumsim::indicators
