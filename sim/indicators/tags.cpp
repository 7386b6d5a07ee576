#include "asylumsim/indicators/tags.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

namespace asylumsim::indicators {

namespace {

struct Member {
  const char* id;
  const char* label;
  const char* when = "";
};

Tagged resolve(const Member& m) {
  const Indicator* ind = find_indicator(m.id);
  if (!ind)
    throw std::logic_error(fmt::format("tagged indicator '{}' is not in the catalogue", m.id));
  return {ind, m.label, m.when};
}

std::map<std::string, std::vector<Tagged>, std::less<>> build() {
  const std::map<std::string, std::vector<Member>> selections = {
      {"summary",
       {{"inflow.first_applications", "first appl."},
        {"ind.decisions_first", "IND decisions"},
        {"ind.grants_first", "grants"},
        {"permits.total", "permits"},
        {"coa.occupancy", "COA occupancy"},
        {"coa.permit_holders", "permit holders"},
        {"housing.realised", "housed"},
        {"departure.chain_total", "departures"},
        {"nareis.waiting_abroad", "nareis waiting"},
        {"coa.places_short", "COA places short"}}},
      {"compare",
       {{"inflow.first_applications", "first applications"},
        {"ind.decisions_first", "IND decisions"},
        {"ind.grants_first", "IND grants"},
        {"permits.total", "permits"},
        {"coa.occupancy", "COA occupancy"},
        {"coa.permit_holders", "permit holders in COA"},
        {"welfare.permit_holder_share", "permit holders' share of COA"},
        {"housing.realised", "housed (taakstelling)"},
        {"housing.exit_within_14w_share", "exits within 14 weeks"},
        {"ind.backlog.aa", "IND backlog AA"},
        {"ind.backlog.va", "IND backlog VA"},
        {"nareis.waiting_abroad", "nareis waiting abroad"},
        {"departure.chain_total", "departures"},
        {"housing.permit_holders_exited", "permit holders out of COA"},
        {"coa.bed_days", "COA bed-days"},
        {"coa.bed_days.emergency", "emergency bed-days"},
        {"cost.total", "cost (EUR)"}}},
      // Issue 4: COA occupancy and permit holders in COA, IND decisions and grants on first
      // applications, housing realised, the taakstelling backlog on 2026-01-01, first
      // applications and chain-wide departures.
      {"key",
       {{"coa.occupancy", "COA occupancy"},
        {"coa.permit_holders", "permit holders in COA"},
        {"ind.decisions_first", "IND decisions"},
        {"ind.grants_first", "IND grants"},
        {"housing.realised", "housed"},
        {"housing.backlog", "taakstelling backlog", "2026-01-01"},
        {"inflow.first_applications", "first applications"},
        {"departure.chain_total", "departures"}}},
      // The roles of a comparison's costs and trade-offs (output/comparison.hpp), one each.
      {"tradeoff.cost", {{"cost.total", "cost"}}},
      {"tradeoff.exits", {{"housing.permit_holders_exited", "permit holders out of COA"}}},
      {"tradeoff.bed_days", {{"coa.bed_days", "COA bed-days"}}},
      {"tradeoff.emergency_bed_days", {{"coa.bed_days.emergency", "emergency bed-days"}}},
      {"tradeoff.exits_within_norm", {{"housing.exit_within_14w_share", "exits within 14 weeks"}}},
      // Occupancy beyond the COA places (output/report_projection.hpp), in total and beyond
      // emergency reception's planned places.
      {"capacity.short", {{"coa.places_short", "COA places short"}}},
      {"capacity.short.emergency", {{"coa.places_short.emergency", "beyond emergency places"}}},
      // The report's charts (output/report_charts.cpp): `.fan` series are drawn as bands around
      // the median, `.line` series as the median only; a `.per_track` tag is one chart per
      // member, in the order of the tracks.
      {"chart.first_applications.by_group", {{"inflow.first_applications", "first applications"}}},
      {"chart.coa.fan", {{"coa.occupancy", "residents of COA reception"}}},
      {"chart.coa.line", {{"coa.capacity", "COA capacity (places)"}}},
      {"chart.permit_holders.fan", {{"coa.permit_holders", "permit holders in COA"}}},
      {"chart.ind_backlog.per_track",
       {{"ind.backlog.dublin", "cases waiting for a decision"},
        {"ind.backlog.safe_country", "cases waiting for a decision"},
        {"ind.backlog.aa", "cases waiting for a decision"},
        {"ind.backlog.va", "cases waiting for a decision"}}},
      {"chart.ind_decisions.per_track",
       {{"ind.decisions_first.dublin", "decisions"},
        {"ind.decisions_first.safe_country", "decisions"},
        {"ind.decisions_first.aa", "decisions"},
        {"ind.decisions_first.va", "decisions"}}},
      {"chart.housing.fan", {{"housing.realised", "housed against the taakstelling"}}},
      {"chart.housing.line", {{"housing.quota", "taakstelling"}}},
      {"chart.housing_backlog.fan", {{"housing.backlog", "backlog"}}},
      {"chart.exit_weeks.fan", {{"housing.exit_weeks_after_permit.p50", "median"}}},
      {"chart.exit_weeks.line",
       {{"housing.exit_weeks_after_permit.p10", "10th percentile"},
        {"housing.exit_weeks_after_permit.p90", "90th percentile"}}},
      {"chart.nareis.fan", {{"nareis.waiting_abroad", "waiting abroad"}}},
      {"chart.stay.fan", {{"coa.stay_months.p50", "median stay"}}},
      {"chart.stay.line",
       {{"coa.stay_months.p10", "10th percentile"}, {"coa.stay_months.p90", "90th percentile"}}},
      {"chart.departures.fan",
       {{"departure.chain_independent", "independent (zelfstandig aantoonbaar)"},
        {"departure.chain_forced", "forced (gedwongen)"},
        {"departure.chain_unsupervised", "without supervision (MOB)"}}},
      {"chart.ukraine.fan",
       {{"ukraine.registered", "registered"},
        {"ukraine.municipal_reception", "in municipal reception"}}},
      {"chart.ukraine.line", {{"ukraine.municipal_capacity", "municipal places"}}},
  };
  std::map<std::string, std::vector<Tagged>, std::less<>> out;
  for (const auto& [tag, members] : selections)
    for (const Member& m : members) out[tag].push_back(resolve(m));
  return out;
}

const std::map<std::string, std::vector<Tagged>, std::less<>>& selections() {
  static const auto s = build();
  return s;
}

}  // namespace

const std::vector<Tagged>& tagged(std::string_view tag) {
  const auto it = selections().find(tag);
  if (it == selections().end())
    throw std::logic_error(fmt::format("no indicator has the tag '{}'", tag));
  return it->second;
}

bool has_tag(std::string_view id, std::string_view tag, std::string_view when) {
  for (const Tagged& t : tagged(tag))
    if (t.indicator->id == id && (t.when.empty() || t.when == when)) return true;
  return false;
}

std::vector<std::string> tag_names() {
  std::vector<std::string> names;
  for (const auto& [tag, members] : selections()) names.push_back(tag);
  return names;
}

}  // namespace asylumsim::indicators
