#include "asylumsim/scenario/plausibility.hpp"

#include <fmt/format.h>

#include <cmath>

#include "asylumsim/engine/calendar.hpp"

namespace asylumsim::scenario {

namespace {

// Thresholds, from the domain (shared/domain/history/first-applications-*.csv): since 2018 the
// largest quarter-on-quarter rise of first applications was x2.6 (2021 Q3) and the largest fall
// x0.28 (2020 Q2, COVID); the 2015 crisis year was x1.8 of 2014. A shock beyond x3 or below x0.5
// is therefore more likely a percentage typed as a factor than a scenario.
constexpr double kShockHigh = 3.0;
constexpr double kShockLow = 0.5;
// Other multiplying factors (speedups, nareis, voluntary return): an order of magnitude either
// way is no policy anyone has proposed.
constexpr double kFactorHigh = 5.0;
constexpr double kFactorLow = 0.2;
// Amounts in euros below this are most likely typed in thousands (HAR+ pays 30,000).
constexpr double kEuroFloor = 1000.0;
// A decision term or waiting period under four weeks is most likely typed in months.
constexpr double kDaysFloor = 28.0;

using Path = std::vector<std::string>;

// Places warnings at the file of the chain that gives the value (the first, from the top, that
// has it); a key left out is placed at its nearest enclosing block.
class Warner {
 public:
  Warner(const std::vector<SourceFile>& chain, Diagnostics& out) : chain_(chain), out_(out) {}

  void warn(const Path& path, const std::string& message) const {
    out_.add(locate(chain_, path, message, true));
  }
  // The raw text of a value (a date as typed, before the loader clamps it).
  std::string text(const Path& path) const { return value_text(chain_, path); }
  bool given(const Path& path) const { return !text(path).empty(); }

 private:
  const std::vector<SourceFile>& chain_;
  Diagnostics& out_;
};

// A number for prose: whole numbers with thousands separators ("10,000"), others to 4 digits.
std::string num(double v) {
  if (std::abs(v) >= 1e15 || v != std::round(v)) return fmt::format("{:.4g}", v);
  const std::string digits = fmt::format("{}", static_cast<long long>(std::abs(v)));
  std::string out = v < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
// A number as it would be typed in the scenario file ("1.3", "30000").
std::string typed(double v) {
  return fmt::format("{}", v);
}

// A factor typed as a percentage: 30 -> 1.3, 0.3 -> 1.3 (or 0.7 for a cut).
std::string factor_suggestion(const std::string& key, double f) {
  if (f > 1 && f <= 100) return fmt::format(" (did you mean {}: {}?)", key, num(1 + f / 100));
  if (f > 0 && f < 1)
    return fmt::format(" (did you mean {}: {} for {}% more, or {} for {}% less?)", key, num(1 + f),
                       num(100 * f), num(1 - f), num(100 * f));
  return fmt::format(" (a factor multiplies: {}: 1.3 means 30% more)", key);
}

void check_factor(const Warner& w, const Path& path, double f, double low, double high,
                  const std::string& what) {
  if (f >= low && f <= high) return;
  const std::string reason =
      f > high
          ? fmt::format("multiplies {} by {}, beyond the plausible x{}", what, num(f), num(high))
          : fmt::format("multiplies {} by {}, below the plausible x{}", what, num(f), num(low));
  w.warn(path, reason + factor_suggestion(path.back(), f));
}

void check_dates(const Warner& w, const Scenario& s, const Measure& m) {
  const Path from{"measures", m.name, "from"};
  const auto d = engine::parse_date(w.text(from));
  if (!d) return;
  if (*d < s.start)
    w.warn(from, fmt::format("the measure starts {}, before the scenario start {}: it is applied "
                             "from {} on and changes the simulated (calibrated) history "
                             "(did you mean from: a date on or after {}?)",
                             engine::format_date(*d), engine::format_date(s.start),
                             engine::format_date(s.start), engine::format_date(s.start)));
  // A start after the end is an error of the loader already.
}

void check_cost_given(const Warner& w, const Measure& m, const char* key, const char* what) {
  const Path path{"measures", m.name, key};
  if (w.given(path)) return;
  w.warn(path, fmt::format("{} is not given and defaults to 0: costs and trade-offs count this "
                           "measure as free (set {}, or {}: 0 to say it is free)",
                           what, key, key));
}

void check_euros(const Warner& w, const Measure& m, const char* key, double v) {
  if (v <= 0 || v >= kEuroFloor) return;
  w.warn({"measures", m.name, key},
         fmt::format("{} EUR is implausibly small for this amount (did you mean {}: {}? amounts "
                     "are in euros, not thousands)",
                     num(v), key, typed(v * 1000)));
}

void check_days(const Warner& w, const Path& path, double days) {
  if (days <= 0 || days >= kDaysFloor) return;
  w.warn(path, fmt::format("{} days is shorter than four weeks (did you mean {}: {}, that is {} "
                           "months? the value is in days)",
                           num(days), path.back(), std::lround(days * 365.25 / 12), num(days)));
}

// Capacity just before the measure (its own change excluded).
double before(const Schedule& cap, Tick from, double own_change) {
  return from > 0 ? cap.at(from - 1) : cap.at(from) - own_change;
}

void check_reception(const Warner& w, const Scenario& s, const Measure& m,
                     const ReceptionCapacityMeasure& p) {
  const auto loc = static_cast<std::size_t>(p.location);
  const double stock = before(s.reception.capacity[loc], m.from, p.places);
  if (std::abs(p.places) <= stock) return;
  w.warn({"measures", m.name, "places"},
         fmt::format("{} {} places, more than the {} the location type '{}' has when the measure "
                     "starts (a change larger than the whole stock; check the sign and the unit)",
                     p.places < 0 ? "closes" : "adds", num(std::abs(p.places)), num(stock),
                     kLocationNames[loc]));
}

void check_ind_capacity(const Warner& w, const Scenario& s, const Measure& m,
                        const IndCapacityMeasure& p) {
  const auto track = static_cast<std::size_t>(p.track);
  const double stock = before(s.ind.capacity_per_week[track], m.from, 0);
  if (p.extra_per_week <= stock) return;
  w.warn({"measures", m.name, "extra_per_week"},
         fmt::format("adds {} decisions a week, more than the track's whole capacity of {} a "
                     "week when the measure starts (did you mean a yearly or monthly figure?)",
                     num(p.extra_per_week), num(stock)));
}

// Inflow shocks multiply where their windows and groups overlap: warn on the combined factor.
void check_composed_shocks(const Warner& w, const Scenario& s) {
  const auto& ms = s.measures;
  for (std::size_t j = 0; j < ms.size(); ++j) {
    const auto* b = std::get_if<InflowShockMeasure>(&ms[j].params);
    if (!b) continue;
    for (std::size_t i = 0; i < j; ++i) {
      const auto* a = std::get_if<InflowShockMeasure>(&ms[i].params);
      if (!a || ms[i].until <= ms[j].from || ms[j].until <= ms[i].from) continue;
      if (a->group >= 0 && b->group >= 0 && a->group != b->group) continue;
      const double f = a->factor * b->factor;
      if (f >= kShockLow && f <= kShockHigh) continue;
      w.warn({"measures", ms[j].name, "factor"},
             fmt::format("together with measure '{}' (factor {}) first applications are "
                         "multiplied by {} where both apply, beyond the plausible x{} to x{} "
                         "(shocks multiply; check both factors)",
                         ms[i].name, num(a->factor), num(f), num(kShockLow), num(kShockHigh)));
    }
  }
}

void check_measure(const Warner& w, const Scenario& s, const Measure& m) {
  check_dates(w, s, m);
  const Path base{"measures", m.name};
  auto at = [&](const char* key) {
    Path p = base;
    p.emplace_back(key);
    return p;
  };
  if (const auto* p = std::get_if<InflowShockMeasure>(&m.params))
    check_factor(w, at("factor"), p->factor, kShockLow, kShockHigh, "first applications");
  if (const auto* p = std::get_if<VoluntaryReturnMeasure>(&m.params)) {
    check_factor(w, at("factor"), p->factor, kFactorLow, kFactorHigh, "voluntary departures");
    check_cost_given(w, m, "cost_eur_per_person", "the support per voluntary departure");
  }
  if (const auto* p = std::get_if<IntendedDecisionMeasure>(&m.params))
    check_factor(w, at("speedup"), p->speedup, kFactorLow, kFactorHigh, "decision capacity");
  if (const auto* p = std::get_if<PactMeasure>(&m.params)) {
    check_factor(w, at("decision_speedup"), p->decision_speedup, kFactorLow, kFactorHigh,
                 "decision capacity");
    check_factor(w, at("nareis_factor"), p->nareis_factor, kFactorLow, kFactorHigh,
                 "nareis applications");
  }
  if (const auto* p = std::get_if<TransitMeasure>(&m.params)) {
    check_cost_given(w, m, "contribution_eur_per_year", "the contribution per resident");
    check_euros(w, m, "contribution_eur_per_year", p->contribution_eur_per_year);
  }
  if (std::holds_alternative<LogeerMeasure>(m.params))
    check_cost_given(w, m, "cost_eur_per_person", "the cost per person placed");
  if (const auto* p = std::get_if<HarPlusMeasure>(&m.params))
    check_euros(w, m, "contribution_eur", p->contribution_eur);
  if (const auto* p = std::get_if<IndCapacityMeasure>(&m.params)) {
    check_cost_given(w, m, "cost_eur_per_month", "the running cost of the extra staff");
    check_ind_capacity(w, s, m, *p);
  }
  if (const auto* p = std::get_if<ReceptionCapacityMeasure>(&m.params))
    check_reception(w, s, m, *p);
  if (const auto* p = std::get_if<LegalTermMeasure>(&m.params)) check_days(w, at("days"), p->days);
  if (const auto* p = std::get_if<TwoStatusMeasure>(&m.params))
    check_days(w, at("waiting_days"), p->waiting_days);
}

// A single value the projection block extends holds only until the projection starts: most likely
// a what-if (--set, a variant) meant for the whole horizon.
void check_projection(const Warner& w, const Scenario& s) {
  for (const auto& a : s.projection) {
    if (a.replaced.empty()) continue;
    Path path;
    for (std::size_t pos = 0; pos <= a.key.size();) {
      const std::size_t dot = std::min(a.key.find('.', pos), a.key.size());
      path.push_back(a.key.substr(pos, dot - pos));
      pos = dot + 1;
    }
    w.warn(path, fmt::format("{} holds only until {}: the projection block sets {} from then (to "
                             "change the projection, set projection.{}.value)",
                             a.replaced, a.from, a.value, a.key));
  }
}

}  // namespace

Diagnostics plausibility_warnings(const Scenario& s, const std::vector<SourceFile>& chain) {
  Diagnostics out;
  if (chain.empty()) return out;
  const Warner w(chain, out);
  for (const auto& m : s.measures) check_measure(w, s, m);
  check_composed_shocks(w, s);
  check_projection(w, s);
  return out;
}

Diagnostics plausibility_warnings(const std::string& path, const Scenario& s) {
  return plausibility_warnings(s, extends_chain(path));
}

}  // namespace asylumsim::scenario
