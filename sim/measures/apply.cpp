#include "asylumsim/measures/apply.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace asylumsim::measures {

using namespace scenario;
using engine::kNever;

namespace {

constexpr double kDaysPerMonth = 365.25 / 12.0;

void add(Schedule& s, Tick from, Tick until, double delta) {
  s.modify(from, until, [delta](double v) { return v + delta; });
}
void scale(Schedule& s, Tick from, Tick until, double factor) {
  s.modify(from, until, [factor](double v) { return v * factor; });
}
void set(Schedule& s, Tick from, Tick until, double value) {
  s.modify(from, until, [value](double) { return value; });
}
void set(DistSchedule& s, Tick from, Tick until, const engine::Distribution& d) {
  s.modify(from, until, [&d](const engine::Distribution&) { return d; });
}

// Applies f to every group, or to one.
template <class F>
void for_groups(Scenario& s, int group, F f) {
  for (int g = 0; g < static_cast<int>(s.groups.size()); ++g)
    if (group < 0 || g == group) f(s.groups[static_cast<std::size_t>(g)]);
}

// Extra capacity reached over a hiring and training lag: monthly steps up a linear ramp.
void ramp_add(Schedule& s, Tick from, Tick until, double extra, double lag_days) {
  const int steps = static_cast<int>(std::ceil(lag_days / kDaysPerMonth));
  const Tick month = engine::ticks_from_days(kDaysPerMonth);
  for (int k = 0; k < steps; ++k) {
    const Tick a = from + k * month;
    if (until != kNever && a >= until) return;
    const Tick b = until == kNever ? a + month : std::min(until, a + month);
    add(s, a, b, extra * (k + 0.5) / steps);  // the mean of the linear ramp over the month
  }
  const Tick full = from + steps * month;
  if (until == kNever || full < until) add(s, full, until, extra);
}

// Adds `share` of the AA and VA shares to the safe-country share, segment by segment, so that the
// shares still sum to 1 when the base changes them inside the window (the caller then scales AA
// and VA down by the same share).
void move_to_border_track(PerTrack<Schedule>& shares, Tick from, Tick until, double share) {
  std::vector<Tick> cuts{from};
  for (int t : {kAA, kVA})
    for (const auto& step : shares[static_cast<std::size_t>(t)].steps())
      if (step.from > from && (until == kNever || step.from < until)) cuts.push_back(step.from);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const Tick a = cuts[i];
    const Tick b = i + 1 < cuts.size() ? cuts[i + 1] : until;
    add(shares[kSafeCountry], a, b, share * (shares[kAA].at(a) + shares[kVA].at(a)));
  }
}

struct Applier {
  Scenario& s;
  const Measure& m;

  void operator()(const HarPlusMeasure& p) {
    add(s.housing.har_plus_per_month, m.from, m.until, p.places_per_month);
    set(s.costs.har_plus_per_placement, m.from, m.until, p.contribution_eur);
    if (p.move_on) set(s.housing.har_plus_move_on, m.from, m.until, *p.move_on);
  }
  void operator()(const TransitMeasure& p) {
    for (std::size_t i = 0; i < p.places.size(); ++i) {
      const Tick a = p.places[i].first;
      const Tick b = i + 1 < p.places.size() ? p.places[i + 1].first : m.until;
      add(s.housing.transit_places, a, b, p.places[i].second);
    }
    const Tick first = p.places.empty() ? m.from : p.places.front().first;
    add(s.costs.transit_per_resident_year, first, m.until, p.contribution_eur_per_year);
    if (p.stay) set(s.housing.transit_stay, first, m.until, *p.stay);
  }
  void operator()(const LogeerMeasure& p) {
    add(s.housing.logeer_share, m.from, m.until, p.share);
    add(s.costs.logeer_per_placement, m.from, m.until, p.cost_eur_per_person);
  }
  void operator()(const IndCapacityMeasure& p) {
    ramp_add(s.ind.capacity_per_week[static_cast<std::size_t>(p.track)], m.from, m.until,
             p.extra_per_week, p.lag_days);
  }
  void operator()(const MoratoriumMeasure& p) {
    s.ind.moratoria.push_back({s.groups[static_cast<std::size_t>(p.group)].name, p.group, m.from,
                               m.until, p.resume_first});
  }
  void operator()(const GrantRateMeasure& p) {
    for_groups(s, p.group, [&](GroupParams& g) {
      for (int t = 0; t < kTracks; ++t)
        if (p.track < 0 || t == p.track)
          set(g.grant_rate[static_cast<std::size_t>(t)], m.from, m.until, p.grant_rate);
    });
  }
  void operator()(const LegalTermMeasure& p) {
    set(s.ind.legal_term_days, m.from, m.until, p.days);
  }
  void operator()(const IntendedDecisionMeasure& p) {
    scale(s.ind.decision_speedup, m.from, m.until, p.speedup);
  }
  void operator()(const PactMeasure& p) {
    if (p.screening) {
      s.registration.screening_from = std::min(s.registration.screening_from, m.from);
      set(s.registration.screening, m.from, m.until, *p.screening);
    }
    scale(s.ind.decision_speedup, m.from, m.until, p.decision_speedup);
    // Border procedure: a share of the AA/VA applications moves to the accelerated track.
    for (int gi = 0; gi < static_cast<int>(s.groups.size()); ++gi) {
      if (!p.border_groups.empty() &&
          std::find(p.border_groups.begin(), p.border_groups.end(), gi) == p.border_groups.end())
        continue;
      auto& g = s.groups[static_cast<std::size_t>(gi)];
      move_to_border_track(g.track_share, m.from, m.until, p.border_share);
      scale(g.track_share[kAA], m.from, m.until, 1.0 - p.border_share);
      scale(g.track_share[kVA], m.from, m.until, 1.0 - p.border_share);
    }
    add(s.ind.capacity_per_week[kSafeCountry], m.from, m.until, p.border_capacity_per_week);
    for (auto& g : s.groups) scale(g.nareis_apply_share, m.from, m.until, p.nareis_factor);
    if (p.permit_years > 0) {
      s.ind.short_permit_from = std::min(s.ind.short_permit_from, m.from);
      s.ind.permit_years = p.permit_years;
      s.ind.renewal_effort = p.renewal_effort;
    }
  }
  void operator()(const TwoStatusMeasure& p) {
    set(s.nareis.subsidiary_share, m.from, m.until, p.subsidiary_share);
    set(s.nareis.subsidiary_waiting_days, m.from, m.until, p.waiting_days);
    set(s.nareis.subsidiary_requirements_met, m.from, m.until, p.requirements_met_share);
  }
  void operator()(const ReceptionCapacityMeasure& p) {
    add(s.reception.capacity[static_cast<std::size_t>(p.location)], m.from, m.until, p.places);
  }
  void operator()(const TerApelCapMeasure& p) {
    set(s.registration.ter_apel_cap, m.from, m.until, p.cap);
  }
  void operator()(const DirectFamilyHousingMeasure&) {
    s.housing.direct_family_housing = true;
    s.housing.direct_family_housing_from = std::min(s.housing.direct_family_housing_from, m.from);
  }
  void operator()(const VoluntaryReturnMeasure& p) {
    for_groups(s, p.group, [&](GroupParams& g) {
      scale(g.voluntary_departure_factor, m.from, m.until, p.factor);
      add(g.voluntary_return_cost, m.from, m.until, p.cost_eur_per_person);
    });
  }
  void operator()(const UkraineEndMeasure& p) {
    s.ukraine.protection_end = m.from;
    set(s.ukraine.activation_share, m.from, kNever, p.activation_share);
    s.ukraine.transition_status = p.transition_status;
    set(s.ukraine.transition_activation_share, m.from, kNever, p.transition_activation_share);
  }
  void operator()(const InflowShockMeasure& p) {
    for_groups(s, p.group, [&](GroupParams& g) {
      scale(g.first_applications_per_year, m.from, m.until, p.factor);
    });
  }
};

std::string group_name(const Scenario& s, int g) {
  return g < 0 ? std::string("all groups")
               : "group '" + s.groups[static_cast<std::size_t>(g)].name + "'";
}

struct Describer {
  const Scenario& s;
  std::string operator()(const HarPlusMeasure& p) const {
    return fmt::format("{:g} placements per month, contribution EUR {:g} each", p.places_per_month,
                       p.contribution_eur);
  }
  std::string operator()(const TransitMeasure& p) const {
    std::string out = "places added:";
    for (std::size_t i = 0; i < p.places.size(); ++i)
      out += fmt::format("{} {:g} from {}", i ? ";" : "", p.places[i].second,
                         engine::format_date(s.calendar().to_date(p.places[i].first)));
    return out;
  }
  std::string operator()(const LogeerMeasure& p) const {
    return fmt::format("{:g}% of linked households stay with hosts", 100 * p.share);
  }
  std::string operator()(const IndCapacityMeasure& p) const {
    return fmt::format("+{:g} decisions per week in {} after a {:g}-day ramp-up", p.extra_per_week,
                       kTrackNames[static_cast<std::size_t>(p.track)], p.lag_days);
  }
  std::string operator()(const MoratoriumMeasure& p) const {
    return "no decisions for " + group_name(s, p.group) +
           (p.resume_first ? "; held cases decided first afterwards"
                           : "; held cases rejoin the back of the line afterwards");
  }
  std::string operator()(const GrantRateMeasure& p) const {
    return fmt::format(
        "grant rate {:g} for {}{}", p.grant_rate, group_name(s, p.group),
        p.track < 0 ? "" : fmt::format(" in {}", kTrackNames[static_cast<std::size_t>(p.track)]));
  }
  std::string operator()(const LegalTermMeasure& p) const {
    return fmt::format("legal decision term {:g} days", p.days);
  }
  std::string operator()(const IntendedDecisionMeasure& p) const {
    return fmt::format("decisions x{:g} faster", p.speedup);
  }
  std::string operator()(const PactMeasure& p) const {
    return fmt::format(
        "screening; border procedure for {:g}% of AA/VA cases (+{:g}/week); decisions x{:g}; "
        "nareis x{:g}{}",
        100 * p.border_share, p.border_capacity_per_week, p.decision_speedup, p.nareis_factor,
        p.permit_years > 0 ? fmt::format("; {:g}-year permits, renewal = {:g} decisions",
                                         p.permit_years, p.renewal_effort)
                           : std::string());
  }
  std::string operator()(const TwoStatusMeasure& p) const {
    return fmt::format(
        "{:g}% subsidiary protection: nareis after {:g} days, {:g}% meet requirements",
        100 * p.subsidiary_share, p.waiting_days, 100 * p.requirements_met_share);
  }
  std::string operator()(const ReceptionCapacityMeasure& p) const {
    return fmt::format("{:+g} places ({})", p.places,
                       kLocationNames[static_cast<std::size_t>(p.location)]);
  }
  std::string operator()(const TerApelCapMeasure& p) const {
    return fmt::format("Ter Apel cap {:g}", p.cap);
  }
  std::string operator()(const DirectFamilyHousingMeasure&) const {
    return "family members join a housed referent directly";
  }
  std::string operator()(const VoluntaryReturnMeasure& p) const {
    return fmt::format("voluntary departure x{:g} for {}", p.factor, group_name(s, p.group));
  }
  std::string operator()(const UkraineEndMeasure& p) const {
    return fmt::format("temporary protection ends; {:g}% activate an asylum application; {}",
                       100 * p.activation_share,
                       p.transition_status ? "with a transition status" : "no transition status");
  }
  std::string operator()(const InflowShockMeasure& p) const {
    return fmt::format("first applications x{:g} for {}", p.factor, group_name(s, p.group));
  }
};

}  // namespace

void apply_measures(Scenario& s) {
  for (const Measure& m : s.measures) {
    std::visit(Applier{s, m}, m.params);
    if (m.cost_eur_per_month != 0)
      add(s.costs.measures_per_month, m.from, m.until, m.cost_eur_per_month);
  }
}

std::string describe(const Measure& m, const Scenario& s) {
  const engine::Calendar cal = s.calendar();
  std::string when = "from " + engine::format_date(cal.to_date(m.from));
  if (m.until != kNever) when += " until " + engine::format_date(cal.to_date(m.until));
  return fmt::format("{}: {}, {}", m.type(), std::visit(Describer{s}, m.params), when);
}

}  // namespace asylumsim::measures
