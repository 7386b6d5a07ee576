#include "report_charts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "asylumsim/indicators/by_group.hpp"
#include "asylumsim/indicators/tags.hpp"
#include "asylumsim/model/metrics_by_group.hpp"

namespace asylumsim::output::detail {

namespace {

// The series a chart tag selects (indicators/tags.hpp), with their labels.
std::vector<SeriesSpec> series(const char* tag) {
  std::vector<SeriesSpec> out;
  for (const auto& t : indicators::tagged(tag))
    out.push_back({t.indicator->id.c_str(), t.label.c_str()});
  return out;
}

constexpr const char* kTrackTitles[] = {"spoor 1: Dublin", "spoor 2: safe country", "spoor 4: AA",
                                        "spoor 4: VA"};

// The chain's stocks and flows: reception, IND backlogs, housing, nareis, departures, Ukraine.
std::vector<ChartSpec> chain_charts() {
  std::vector<ChartSpec> c;
  c.push_back({"COA occupancy against capacity", "persons", series("chart.coa.fan"),
               series("chart.coa.line")});
  c.push_back(
      {"Permit holders (statushouders) in COA", "persons", series("chart.permit_holders.fan"), {}});
  const std::vector<SeriesSpec> backlog = series("chart.ind_backlog.per_track");
  for (std::size_t t = 0; t < backlog.size(); ++t)
    c.push_back({fmt::format("IND backlog, {}", kTrackTitles[t]), "cases", {backlog[t]}, {}, true});
  c.push_back({"Housing: taakstelling and realisation per half-year", "persons per half-year",
               series("chart.housing.fan"), series("chart.housing.line")});
  c.push_back({"Housing: taakstelling backlog (achterstand)",
               "persons",
               series("chart.housing_backlog.fan"),
               {}});
  c.push_back({"Length of the current stay of COA residents (census)", "months",
               series("chart.stay.fan"), series("chart.stay.line")});
  c.push_back({"Housing: weeks from permit to leaving COA, exits per half-year (norm: 14)", "weeks",
               series("chart.exit_weeks.fan"), series("chart.exit_weeks.line")});
  c.push_back({"Nareis: family members abroad waiting for a decision",
               "persons",
               series("chart.nareis.fan"),
               {}});
  c.push_back({"Departures per half-year by route",
               "persons per half-year",
               series("chart.departures.fan"),
               {}});
  c.push_back({"Ukrainians under temporary protection", "persons", series("chart.ukraine.fan"),
               series("chart.ukraine.line")});
  return c;
}

// The inputs a planner changes, first: first applications per nationality group (the groups'
// own indicators, inflow.first_applications.by_group.<group>) and IND decisions per track.
std::vector<ChartSpec> input_charts(const scenario::Scenario& s) {
  std::vector<ChartSpec> c;
  const SeriesSpec by_group = series("chart.first_applications.by_group").front();
  const std::string prefix = std::string(by_group.id) + std::string(model::kByGroup);
  std::size_t g = 0;
  for (const indicators::Indicator* ind : indicators::group_indicators(s))
    if (ind->id.rfind(prefix, 0) == 0 && g < s.groups.size()) {
      const scenario::GroupParams& group = s.groups[g++];
      // A group without first applications of its own (activated Ukrainians) has nothing to chart.
      const auto& steps = group.first_applications_per_year.steps();
      if (std::all_of(steps.begin(), steps.end(), [](const auto& st) { return st.value == 0; }) &&
          s.inflow.first_applications_file.empty())
        continue;
      const char* name = group.name.c_str();
      c.push_back({fmt::format("First applications per half-year, {}", name),
                   "persons per half-year",
                   {{ind->id.c_str(), by_group.label}},
                   {},
                   true});
    }
  const std::vector<SeriesSpec> decided = series("chart.ind_decisions.per_track");
  for (std::size_t t = 0; t < decided.size(); ++t)
    c.push_back({fmt::format("IND decisions per half-year, {}", kTrackTitles[t]),
                 "first-application decisions",
                 {decided[t]},
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
