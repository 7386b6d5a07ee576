#include "report_charts.hpp"

#include <fmt/format.h>

#include "asylumsim/indicators/by_group.hpp"
#include "asylumsim/model/metrics_by_group.hpp"

namespace asylumsim::output::detail {

namespace {

// The chain's stocks and flows: reception, IND backlogs, housing, nareis, departures, Ukraine.
std::vector<ChartSpec> chain_charts() {
  std::vector<ChartSpec> c;
  c.push_back({"COA occupancy against capacity",
               "persons",
               {{"coa.occupancy", "residents of COA reception"}},
               {{"coa.capacity", "COA capacity (places)"}}});
  c.push_back({"Permit holders (statushouders) in COA",
               "persons",
               {{"coa.permit_holders", "permit holders in COA"}},
               {}});
  const char* track_titles[] = {"spoor 1: Dublin", "spoor 2: safe country", "spoor 4: AA",
                                "spoor 4: VA"};
  const char* backlog_ids[] = {"ind.backlog.dublin", "ind.backlog.safe_country", "ind.backlog.aa",
                               "ind.backlog.va"};
  for (int t = 0; t < scenario::kTracks; ++t)
    c.push_back({fmt::format("IND backlog, {}", track_titles[t]),
                 "cases",
                 {{backlog_ids[t], "cases waiting for a decision"}},
                 {},
                 true});
  c.push_back({"Housing: taakstelling and realisation per half-year",
               "persons per half-year",
               {{"housing.realised", "housed against the taakstelling"}},
               {{"housing.quota", "taakstelling"}}});
  c.push_back({"Housing: taakstelling backlog (achterstand)",
               "persons",
               {{"housing.backlog", "backlog"}},
               {}});
  c.push_back({"Nareis: family members abroad waiting for a decision",
               "persons",
               {{"nareis.waiting_abroad", "waiting abroad"}},
               {}});
  c.push_back({"Departures per half-year by route",
               "persons per half-year",
               {{"departure.chain_independent", "independent (zelfstandig aantoonbaar)"},
                {"departure.chain_forced", "forced (gedwongen)"},
                {"departure.chain_unsupervised", "without supervision (MOB)"}},
               {}});
  c.push_back({"Ukrainians under temporary protection",
               "persons",
               {{"ukraine.registered", "registered"},
                {"ukraine.municipal_reception", "in municipal reception"}},
               {{"ukraine.municipal_capacity", "municipal places"}}});
  return c;
}

// The inputs a planner changes, first: first applications per nationality group (the groups'
// own indicators, inflow.first_applications.by_group.<group>) and IND decisions per track.
std::vector<ChartSpec> input_charts(const scenario::Scenario& s) {
  std::vector<ChartSpec> c;
  const std::string prefix =
      std::string("inflow.first_applications") + std::string(model::kByGroup);
  std::size_t g = 0;
  for (const indicators::Indicator* ind : indicators::group_indicators(s))
    if (ind->id.rfind(prefix, 0) == 0 && g < s.groups.size()) {
      const char* name = s.groups[g++].name.c_str();
      c.push_back({fmt::format("First applications per half-year, {}", name),
                   "persons per half-year",
                   {{ind->id.c_str(), "first applications"}},
                   {},
                   true});
    }
  const char* track_titles[] = {"spoor 1: Dublin", "spoor 2: safe country", "spoor 4: AA",
                                "spoor 4: VA"};
  const char* decided_ids[] = {"ind.decisions_first.dublin", "ind.decisions_first.safe_country",
                               "ind.decisions_first.aa", "ind.decisions_first.va"};
  for (int t = 0; t < scenario::kTracks; ++t)
    c.push_back({fmt::format("IND decisions per half-year, {}", track_titles[t]),
                 "first-application decisions",
                 {{decided_ids[t], "decisions"}},
                 {},
                 true});
  return c;
}

}  // namespace

std::vector<ChartSpec> chart_specs(const scenario::Scenario& s) {
  std::vector<ChartSpec> c = input_charts(s);
  for (auto& spec : chain_charts()) c.push_back(std::move(spec));
  return c;
}

}  // namespace asylumsim::output::detail
