// The settings digest of the reports: the settings a planner checks first, and every measure.
#include "report_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <span>

#include "asylumsim/measures/apply.hpp"
#include "asylumsim/output/svg_plot.hpp"

namespace asylumsim::output::detail {

namespace {

using plot::escape_xml;

std::string value_text(double v) {
  if (v >= 1e8) return "unlimited";
  return plot::format_number(v);
}

// "1,200; from 2025-07-01: 1,500" — a step schedule in words.
std::string schedule_text(const scenario::Schedule& sch, const engine::Calendar& cal,
                          double scale = 1.0) {
  std::string out;
  for (const auto& step : sch.steps()) {
    const std::string v = value_text(step.value * scale);
    if (step.from == std::numeric_limits<engine::Tick>::min() || step.from <= 0)
      out = v;
    else
      out += fmt::format("{}from {}: {}", out.empty() ? "" : "; ",
                         engine::format_date(cal.to_date(step.from)), v);
  }
  return out;
}

bool schedule_is_zero(const scenario::Schedule& sch) {
  return std::all_of(sch.steps().begin(), sch.steps().end(),
                     [](const auto& st) { return st.value == 0.0; });
}

}  // namespace

// The settings a planner checks first, and every measure the scenario switches on. `compare`
// leaves out the seed and replications, which the base sets for both.
Digest settings_digest(const scenario::Scenario& s, bool with_batch) {
  const engine::Calendar cal = s.calendar();
  Digest d;
  d.emplace_back("Horizon",
                 fmt::format("{} to {}", engine::format_date(s.start), engine::format_date(s.end)));
  if (with_batch)
    d.emplace_back("Seed and replications", fmt::format("{}, {}", s.seed, s.replications));
  for (const auto& g : s.groups)
    d.emplace_back(fmt::format("First applications per year, group '{}'", g.name),
                   schedule_text(g.first_applications_per_year, cal));
  const char* tracks[] = {"Dublin (spoor 1)", "safe country (spoor 2)", "AA (spoor 4)",
                          "VA (spoor 4)"};
  for (int t = 0; t < scenario::kTracks; ++t)
    d.emplace_back(fmt::format("IND decisions per week, {}", tracks[t]),
                   schedule_text(s.ind.capacity_per_week[static_cast<std::size_t>(t)], cal));
  if (!(s.ind.decision_speedup.steps().size() == 1 &&
        s.ind.decision_speedup.steps()[0].value == 1.0))
    d.emplace_back("IND decision speed-up factor", schedule_text(s.ind.decision_speedup, cal));
  // Moratoria from the ind: section (those from measures are listed with the measures).
  const auto from_measures = std::count_if(s.measures.begin(), s.measures.end(),
                                           [](const auto& m) { return m.type == "moratorium"; });
  const std::span<const scenario::IndParams::Moratorium> listed(
      s.ind.moratoria.data(), s.ind.moratoria.size() - static_cast<std::size_t>(from_measures));
  for (const auto& m : listed)
    d.emplace_back("Decision moratorium", fmt::format("group '{}' from {} until {}", m.group,
                                                      engine::format_date(cal.to_date(m.from)),
                                                      engine::format_date(cal.to_date(m.until))));
  for (const auto& m : s.measures)
    d.emplace_back(fmt::format("Measure '{}'", m.name), measures::describe(m, s));
  d.emplace_back("Ter Apel cap (persons)", schedule_text(s.registration.ter_apel_cap, cal));
  for (int l = 0; l < scenario::kLocations; ++l) {
    const auto& cap = s.reception.capacity[static_cast<std::size_t>(l)];
    if (!schedule_is_zero(cap))
      d.emplace_back(fmt::format("COA places, {}", scenario::kLocationNames[l]),
                     schedule_text(cap, cal));
  }
  d.emplace_back("Taakstelling per half-year", schedule_text(s.housing.quota_per_half_year, cal));
  d.emplace_back("Municipal housing per half-year",
                 schedule_text(s.housing.realisation_per_half_year, cal));
  if (!schedule_is_zero(s.housing.har_plus_per_month))
    d.emplace_back("HAR+ placements per month", schedule_text(s.housing.har_plus_per_month, cal));
  if (!schedule_is_zero(s.housing.transit_places))
    d.emplace_back("Doorstroomlocaties (places)", schedule_text(s.housing.transit_places, cal));
  if (s.housing.direct_family_housing)
    d.emplace_back(
        "Direct housing of family members",
        s.housing.direct_family_housing_from <= 0
            ? std::string("yes")
            : "from " + engine::format_date(cal.to_date(s.housing.direct_family_housing_from)));
  d.emplace_back("Nareis decisions per week", schedule_text(s.nareis.capacity_per_week, cal));
  d.emplace_back("Detention places", schedule_text(s.departure.detention_places, cal));
  if (s.ukraine.enabled) {
    d.emplace_back("Ukrainians: municipal places",
                   schedule_text(s.ukraine.municipal_capacity, cal));
    if (s.ukraine.protection_end != engine::kNever)
      d.emplace_back("Ukrainians: end of temporary protection",
                     fmt::format("{}, {} transition status",
                                 engine::format_date(cal.to_date(s.ukraine.protection_end)),
                                 s.ukraine.transition_status ? "with" : "without"));
  }
  return d;
}

std::string digest_table(const Digest& d) {
  std::string out =
      "<table class=\"digest\"><tr><th class=\"l\">setting</th><th "
      "class=\"l\">value</th></tr>\n";
  for (const auto& [k, v] : d)
    out += fmt::format("<tr><td class=\"l\">{}</td><td class=\"l\">{}</td></tr>\n", escape_xml(k),
                       escape_xml(v));
  return out + "</table>\n";
}

}  // namespace asylumsim::output::detail
