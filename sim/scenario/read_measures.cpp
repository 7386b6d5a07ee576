// The measures: blocks, read as data (what each measure does is in sim/measures).
#include "loader.hpp"

namespace asylumsim::scenario::detail {

std::optional<Tick> Loader::window_date(const YamlView& v, bool is_end) {
  auto d = date(v);
  if (!d) return std::nullopt;
  if (*d < s_.start) {
    if (is_end)
      v.error(
          fmt::format("the measure ends {}, before the scenario starts {} (expected a later "
                      "date, or no until)",
                      engine::format_date(*d), engine::format_date(s_.start)));
    return is_end ? std::nullopt : std::optional<Tick>(0);
  }
  if (*d > s_.end) {
    if (!is_end)
      v.error(fmt::format(
          "the measure starts {}, after the scenario ends {}: it would never apply "
          "(expected a date up to {})",
          engine::format_date(*d), engine::format_date(s_.end), engine::format_date(s_.end)));
    return is_end ? std::optional<Tick>(engine::kNever) : std::nullopt;
  }
  return cal_.to_tick(*d);
}

int Loader::named_index(const YamlView& v, const std::vector<std::string>& names,
                        const char* what) {
  const std::string name = v.as_string();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  const std::string sug = suggest(name, names);
  v.error(fmt::format("unknown {} '{}'{}", what, name,
                      sug.empty() ? "" : fmt::format(" (did you mean '{}'?)", sug)));
  return -1;
}

std::vector<std::string> Loader::group_names() const {
  std::vector<std::string> names;
  for (const auto& g : s_.groups) names.push_back(g.name);
  return names;
}

bool Loader::resume_first(const YamlView& v) {
  if (!v.defined()) return true;
  const std::vector<std::string> options = {"first", "back"};
  return named_index(v, options, "resume order") != 1;
}

int Loader::optional_group(const YamlView& b) {
  return b.has("group") ? named_index(b.child("group"), group_names(), "nationality group") : -1;
}

std::optional<engine::Distribution> Loader::optional_distribution(const YamlView& v) {
  if (!v.defined()) return std::nullopt;
  return single_distribution(v, engine::Distribution::fixed(0));
}

MeasureParams Loader::measure_params(std::size_t type, const YamlView& b, const Measure& m) {
  switch (type) {
    case measure_index<HarPlusMeasure>(): {
      HarPlusMeasure p;
      p.contribution_eur = number(b.child("contribution_eur"), 30000, Range::kNonNegative);
      p.move_on = optional_distribution(b.child("move_on"));
      if (b.has("budget_eur") == b.has("places_per_month")) {
        b.error("give either places_per_month or budget_eur");
      } else if (b.has("places_per_month")) {
        p.places_per_month = number(b.child("places_per_month"), 0, Range::kCount);
      } else {
        const double budget = number(b.child("budget_eur"), 0, Range::kNonNegative);
        const Tick end = std::min(m.until, s_.horizon_ticks());
        const double months = engine::days_from_ticks(end - m.from) / (365.25 / 12.0);
        if (p.contribution_eur <= 0)
          b.child("contribution_eur").error("a budget needs a positive contribution");
        else if (months > 0)
          p.places_per_month = budget / p.contribution_eur / months;
      }
      return p;
    }
    case measure_index<TransitMeasure>(): {
      TransitMeasure p;
      const YamlView places = b.required("places");
      if (places.defined() && places.expect_sequence()) {
        Tick prev = -1;
        for (std::size_t i = 0; i < places.size(); ++i) {
          const YamlView e = places.element(i);
          if (!e.expect_map({"from", "value"})) continue;
          const Tick t = window_date(e.required("from"), false).value_or(0);
          if (t <= prev && i > 0) e.child("from").error("steps must be in increasing date order");
          prev = t;
          p.places.emplace_back(t, number(e.required("value"), 0, Range::kCount));
        }
      }
      p.stay = optional_distribution(b.child("stay"));
      p.contribution_eur_per_year =
          number(b.child("contribution_eur_per_year"), 0, Range::kNonNegative);
      return p;
    }
    case measure_index<LogeerMeasure>():
      return LogeerMeasure{number(b.required("share"), 0, Range::kProbability),
                           number(b.child("cost_eur_per_person"), 0, Range::kNonNegative)};
    case measure_index<IndCapacityMeasure>(): {
      IndCapacityMeasure p;
      p.track = std::max(0, named_index(b.required("track"), names_of(kTrackNames), "track"));
      p.extra_per_week = number(b.required("extra_per_week"), 0, Range::kCount);
      p.lag_days = number(b.child("hiring_lag_days"), 0, Range::kNonNegative);
      return p;
    }
    case measure_index<MoratoriumMeasure>(): {
      if (m.until == engine::kNever && !b.has("until"))
        b.error("a moratorium needs an end date (until)");
      return MoratoriumMeasure{
          std::max(0, named_index(b.required("group"), group_names(), "nationality group")),
          resume_first(b.child("resume"))};
    }
    case measure_index<GrantRateMeasure>(): {
      GrantRateMeasure p;
      p.group = optional_group(b);
      p.track = b.has("track") ? named_index(b.child("track"), names_of(kTrackNames), "track") : -1;
      p.grant_rate = number(b.required("grant_rate"), 0, Range::kProbability);
      return p;
    }
    case measure_index<LegalTermMeasure>():
      return LegalTermMeasure{number(b.required("days"), 183, Range::kPositive)};
    case measure_index<IntendedDecisionMeasure>():
      return IntendedDecisionMeasure{number(b.required("speedup"), 1, Range::kPositive)};
    case measure_index<PactMeasure>(): {
      PactMeasure p;
      p.screening = optional_distribution(b.child("screening"));
      const YamlView bp = b.child("border_procedure");
      if (bp.defined() && bp.expect_map({"share", "groups", "capacity_per_week"})) {
        p.border_share = number(bp.required("share"), 0, Range::kProbability);
        p.border_capacity_per_week = number(bp.child("capacity_per_week"), 0, Range::kCount);
        const YamlView gs = bp.child("groups");
        if (gs.defined() && gs.expect_sequence())
          for (std::size_t i = 0; i < gs.size(); ++i)
            p.border_groups.push_back(
                std::max(0, named_index(gs.element(i), group_names(), "nationality group")));
      }
      p.decision_speedup = number(b.child("decision_speedup"), 1, Range::kPositive);
      p.nareis_factor = number(b.child("nareis_factor"), 1, Range::kProbability);
      p.permit_years = number(b.child("permit_years"), 0, Range::kNonNegative);
      p.renewal_effort = number(b.child("renewal_effort"), 0.25, Range::kNonNegative);
      return p;
    }
    case measure_index<TwoStatusMeasure>(): {
      TwoStatusMeasure p;
      p.subsidiary_share = number(b.required("subsidiary_share"), 0, Range::kProbability);
      p.waiting_days = number(b.child("waiting_days"), 0, Range::kNonNegative);
      p.requirements_met_share = number(b.child("requirements_met_share"), 1, Range::kProbability);
      return p;
    }
    case measure_index<ReceptionCapacityMeasure>(): {
      ReceptionCapacityMeasure p;
      p.location = std::max(
          0, named_index(b.required("location"), names_of(kLocationNames), "location type"));
      p.places = number(b.required("places"), 0, Range::kAny);
      return p;
    }
    case measure_index<TerApelCapMeasure>():
      return TerApelCapMeasure{number(b.required("cap"), 2000, Range::kCount)};
    case measure_index<DirectFamilyHousingMeasure>():
      return DirectFamilyHousingMeasure{};
    case measure_index<VoluntaryReturnMeasure>():
      return VoluntaryReturnMeasure{optional_group(b),
                                    number(b.required("factor"), 1, Range::kNonNegative),
                                    number(b.child("cost_eur_per_person"), 0, Range::kNonNegative)};
    case measure_index<UkraineEndMeasure>(): {
      UkraineEndMeasure p;
      if (!s_.ukraine.enabled)
        b.error("temporary protection for Ukrainians is not enabled in this scenario (ukraine:)");
      p.activation_share = number(b.child("activation_share"), 0.5, Range::kProbability);
      p.transition_status =
          b.has("transition_status") ? b.child("transition_status").as_bool(false) : false;
      p.transition_activation_share =
          number(b.child("transition_activation_share"), 0.1, Range::kProbability);
      return p;
    }
    case measure_index<InflowShockMeasure>():
      return InflowShockMeasure{optional_group(b),
                                number(b.required("factor"), 1, Range::kNonNegative)};
  }
  throw std::logic_error("measure type without a parser");
}

std::vector<std::string> Loader::measure_keys(std::size_t type) {
  const auto with = [](std::initializer_list<std::string> own) {
    std::vector<std::string> out = {"type", "description", "from", "until", "cost_eur_per_month"};
    out.insert(out.end(), own);
    return out;
  };
  switch (type) {
    case measure_index<HarPlusMeasure>():
      return with({"places_per_month", "budget_eur", "contribution_eur", "move_on"});
    case measure_index<TransitMeasure>():
      return with({"places", "stay", "contribution_eur_per_year"});
    case measure_index<LogeerMeasure>():
      return with({"share", "cost_eur_per_person"});
    case measure_index<IndCapacityMeasure>():
      return with({"track", "extra_per_week", "hiring_lag_days"});
    case measure_index<MoratoriumMeasure>():
      return with({"group", "resume"});
    case measure_index<GrantRateMeasure>():
      return with({"group", "track", "grant_rate"});
    case measure_index<LegalTermMeasure>():
      return with({"days"});
    case measure_index<IntendedDecisionMeasure>():
      return with({"speedup"});
    case measure_index<PactMeasure>():
      return with({"screening", "border_procedure", "decision_speedup", "nareis_factor",
                   "permit_years", "renewal_effort"});
    case measure_index<TwoStatusMeasure>():
      return with({"subsidiary_share", "waiting_days", "requirements_met_share"});
    case measure_index<ReceptionCapacityMeasure>():
      return with({"location", "places"});
    case measure_index<TerApelCapMeasure>():
      return with({"cap"});
    case measure_index<DirectFamilyHousingMeasure>():
      return with({});
    case measure_index<VoluntaryReturnMeasure>():
      return with({"group", "factor", "cost_eur_per_person"});
    case measure_index<UkraineEndMeasure>():
      return with({"activation_share", "transition_status", "transition_activation_share"});
    case measure_index<InflowShockMeasure>():
      return with({"group", "factor"});
  }
  throw std::logic_error("measure type without keys");
}

void Loader::read_measures(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.is_map()) {
    v.error("expected a mapping from measure name to measure block");
    return;
  }
  const std::vector<std::string> types(std::begin(kMeasureTypes), std::end(kMeasureTypes));
  for (const std::string& name : v.keys()) {
    const YamlView b = v.child(name);
    if (!b.is_map()) {
      b.error("a measure is a mapping with type, from, until (optional) and its parameters");
      continue;
    }
    const YamlView type_node = b.required("type");
    if (!type_node.defined()) continue;
    const int type = named_index(type_node, types, "measure type");
    if (type < 0) continue;
    const auto t = static_cast<std::size_t>(type);
    if (!b.expect_map(measure_keys(t))) continue;
    Measure m;
    m.name = name;
    const YAML::Mark mark = b.node().Mark();
    m.where = {b.file(), mark.line + 1, mark.column + 1, b.path(), ""};
    m.description = b.has("description") ? b.child("description").as_string() : "";
    const std::size_t before = diag_.size();
    m.from = window_date(b.required("from"), false).value_or(0);
    if (b.has("until")) m.until = window_date(b.child("until"), true).value_or(engine::kNever);
    if (diag_.size() == before && m.until <= m.from)
      b.child("until").error("the end date (until) is not after the start date (from)");
    m.cost_eur_per_month = number(b.child("cost_eur_per_month"), 0, Range::kNonNegative);
    m.params = measure_params(t, b, m);
    s_.measures.push_back(std::move(m));
  }
}

}  // namespace asylumsim::scenario::detail
