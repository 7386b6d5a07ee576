#include "asylumsim/model/metrics_by_group.hpp"

#include <deque>
#include <mutex>

namespace asylumsim::model {

namespace {

struct Base {
  const char* id;
  Indicator::Kind kind;
  const char* description;
};

// The chain-wide indicators split by group: what drives grant rates, nareis and moratoria.
const std::vector<Base>& bases() {
  using K = Indicator::Kind;
  static const std::vector<Base> b = {
      {"inflow.first_applications", K::kFlow, "first asylum applications of the group"},
      {"ind.decisions_first", K::kFlow, "IND decisions on first applications of the group"},
      {"ind.grants_first", K::kFlow, "IND grants on first applications of the group"},
      {"permits.total", K::kFlow, "asylum permits granted to members of the group (all kinds)"},
      {"ind.backlog", K::kStock, "cases of the group waiting for an IND decision (all tracks)"},
      {"coa.occupancy", K::kStock, "members of the group in COA reception"},
  };
  return b;
}

Indicator make(const Base& b, const std::string& group) {
  const std::string id = std::string(b.id) + std::string(kByGroup) + group;
  return {id, b.kind, {id}, {}, "persons", b.description};
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

void GroupMetrics::register_all(engine::Recorder& r, const scenario::Scenario& s) {
  std::vector<MetricId>* ids[] = {
      &first_applications, &decisions_first, &grants_first, &permits, &backlog, &coa_residents};
  for (std::size_t b = 0; b < bases().size(); ++b) {
    ids[b]->clear();
    for (const auto& g : s.groups) {
      const std::string name = make(bases()[b], g.name).id;
      ids[b]->push_back(bases()[b].kind == Indicator::Kind::kStock ? r.stock(name)
                                                                   : r.counter(name));
    }
  }
}

std::vector<const Indicator*> group_indicators(const scenario::Scenario& s) {
  std::vector<const Indicator*> out;
  for (const auto& b : bases())
    for (const auto& g : s.groups) out.push_back(intern(make(b, g.name)));
  return out;
}

const Indicator* find_group_indicator(std::string_view id) {
  const std::size_t at = id.find(kByGroup);
  if (at == std::string_view::npos || at + kByGroup.size() >= id.size()) return nullptr;
  const std::string_view base = id.substr(0, at);
  for (const auto& b : bases())
    if (base == b.id) return intern(make(b, std::string(id.substr(at + kByGroup.size()))));
  return nullptr;
}

const std::vector<Indicator>& group_indicator_patterns() {
  static const std::vector<Indicator> patterns = [] {
    std::vector<Indicator> p;
    for (const auto& b : bases()) p.push_back(make(b, "<group>"));
    return p;
  }();
  return patterns;
}

}  // namespace asylumsim::model
