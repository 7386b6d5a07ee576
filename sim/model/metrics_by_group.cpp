#include "asylumsim/model/metrics_by_group.hpp"

namespace asylumsim::model {

const std::vector<GroupMetricBase>& group_metric_bases() {
  static const std::vector<GroupMetricBase> b = {
      {"inflow.first_applications", false, "first asylum applications of the group"},
      {"ind.decisions_first", false, "IND decisions on first applications of the group"},
      {"ind.grants_first", false, "IND grants on first applications of the group"},
      {"permits.total", false, "asylum permits granted to members of the group (all kinds)"},
      {"ind.backlog", true, "cases of the group waiting for an IND decision (all tracks)"},
      {"coa.occupancy", true, "members of the group in COA reception"},
  };
  return b;
}

std::string group_metric_name(std::string_view base, std::string_view group) {
  return std::string(base) + std::string(kByGroup) + std::string(group);
}

void GroupMetrics::register_all(engine::Recorder& r, const scenario::Scenario& s) {
  std::vector<MetricId>* ids[] = {
      &first_applications, &decisions_first, &grants_first, &permits, &backlog, &coa_residents};
  const auto& bases = group_metric_bases();
  for (std::size_t b = 0; b < bases.size(); ++b) {
    ids[b]->clear();
    for (const auto& g : s.groups) {
      const std::string name = group_metric_name(bases[b].id, g.name);
      ids[b]->push_back(bases[b].stock ? r.stock(name) : r.counter(name));
    }
  }
}

}  // namespace asylumsim::model
