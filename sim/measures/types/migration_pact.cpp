// migration_pact: the EU Migration Pact. Screening at the border, a border procedure for
// nationalities with low recognition rates (decided in the accelerated track, with its own added
// capacity), faster decisions without the intended-decision step, nareis for the nuclear family
// only, and optionally shorter asylum permits whose renewals are IND work.
#include <algorithm>
#include <optional>
#include <vector>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

using scenario::kAA;
using scenario::kSafeCountry;
using scenario::kVA;

// Adds `share` of the AA and VA shares to the safe-country share, segment by segment, so that the
// shares still sum to 1 when the base changes them inside the window (the caller then scales AA
// and VA down by the same share).
void move_to_border_track(scenario::PerTrack<Schedule>& shares, Tick from, Tick until,
                          double share) {
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

struct MigrationPact final : MeasureEffect {
  std::optional<engine::Distribution> screening;
  // Border procedure: this share of the AA/VA applications of the listed groups (all when empty)
  // comes from low-recognition nationalities and is decided in the accelerated track (spoor 2).
  double border_share = 0;
  std::vector<int> border_groups;
  double border_capacity_per_week = 0;
  double decision_speedup = 1;
  double nareis_factor = 1;  // nareis applications kept when limited to the nuclear family
  // Temporary asylum permits of `permit_years` (5 before the Pact); each renewal is IND work.
  double permit_years = 0;  // 0: permits are not shortened
  double renewal_effort = 0.25;

  void apply(Scenario& s, const Measure& m) const override {
    if (screening) {
      s.registration.screening_from = std::min(s.registration.screening_from, m.from);
      set(s.registration.screening, m.from, m.until, *screening);
    }
    scale(s.ind.decision_speedup, m.from, m.until, decision_speedup);
    apply_border_procedure(s, m);
    for (auto& g : s.groups) scale(g.nareis_apply_share, m.from, m.until, nareis_factor);
    if (permit_years > 0) {
      s.ind.short_permit_from = std::min(s.ind.short_permit_from, m.from);
      s.ind.permit_years = permit_years;
      s.ind.renewal_effort = renewal_effort;
    }
  }
  // A share of the AA/VA applications moves to the accelerated track, which gets capacity.
  void apply_border_procedure(Scenario& s, const Measure& m) const {
    for (int gi = 0; gi < static_cast<int>(s.groups.size()); ++gi) {
      if (!border_groups.empty() &&
          std::find(border_groups.begin(), border_groups.end(), gi) == border_groups.end())
        continue;
      auto& g = s.groups[static_cast<std::size_t>(gi)];
      move_to_border_track(g.track_share, m.from, m.until, border_share);
      scale(g.track_share[kAA], m.from, m.until, 1.0 - border_share);
      scale(g.track_share[kVA], m.from, m.until, 1.0 - border_share);
    }
    add(s.ind.capacity_per_week[kSafeCountry], m.from, m.until, border_capacity_per_week);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format(
        "screening; border procedure for {:g}% of AA/VA cases (+{:g}/week); decisions x{:g}; "
        "nareis x{:g}{}",
        100 * border_share, border_capacity_per_week, decision_speedup, nareis_factor,
        permit_years > 0 ? fmt::format("; {:g}-year permits, renewal = {:g} decisions",
                                       permit_years, renewal_effort)
                         : std::string());
  }
  void warn(const MeasureWarner& w) const override {
    using scenario::kFactorHigh;
    using scenario::kFactorLow;
    w.factor("decision_speedup", decision_speedup, kFactorLow, kFactorHigh, "decision capacity");
    w.factor("nareis_factor", nareis_factor, kFactorLow, kFactorHigh, "nareis applications");
  }
};

void read_border_procedure(MeasureReader& r, const YamlView& bp, MigrationPact& p) {
  if (!bp.defined() || !bp.expect_map({"share", "groups", "capacity_per_week"})) return;
  p.border_share = r.number(bp.required("share"), 0, Range::kProbability);
  p.border_capacity_per_week = r.number(bp.child("capacity_per_week"), 0, Range::kCount);
  const YamlView gs = bp.child("groups");
  if (gs.defined() && gs.expect_sequence())
    for (std::size_t i = 0; i < gs.size(); ++i) p.border_groups.push_back(r.group(gs.element(i)));
}

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<MigrationPact>();
  p->screening = r.optional_distribution(b.child("screening"));
  read_border_procedure(r, b.child("border_procedure"), *p);
  p->decision_speedup = r.number(b.child("decision_speedup"), 1, Range::kPositive);
  p->nareis_factor = r.number(b.child("nareis_factor"), 1, Range::kProbability);
  p->permit_years = r.number(b.child("permit_years"), 0, Range::kNonNegative);
  p->renewal_effort = r.number(b.child("renewal_effort"), 0.25, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema migration_pact{"migration_pact",
                                          {"screening", "border_procedure", "decision_speedup",
                                           "nareis_factor", "permit_years", "renewal_effort"},
                                          read};

}  // namespace asylumsim::measures::types
