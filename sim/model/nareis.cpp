// Stage 7 — family reunification (nareis). A share of new permit holders apply within the window
// (3 months) for their nuclear family; family size follows the group's distribution. The IND
// decides mvv applications with its own capacity; granted family members collect the visa, travel,
// arrive with a derived permit and need housing: with the referent when the referent is still in
// COA, directly with a housed referent when that measure is on, or as their own household.
#include <algorithm>

#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::maybe_apply_nareis(PersonId referent, double window_used_days) {
  const Person& p = persons_[referent];
  if (p.origin == Origin::kNareis) return;  // derived permits give no new nareis right
  if (!rng_.nareis.bernoulli(at(s_.groups[p.group].nareis_apply_share))) return;
  const double window_left = std::max(0.0, at(s_.nareis.window_days) - window_used_days);
  double delay = rng_.nareis.uniform01() * window_left;
  // Two-status system: subsidiary-protection holders wait, then must meet the requirements.
  const double subsidiary = at(s_.nareis.subsidiary_share);
  if (subsidiary > 0 && rng_.nareis_two_status.bernoulli(subsidiary)) {
    if (!rng_.nareis_two_status.bernoulli(at(s_.nareis.subsidiary_requirements_met))) return;
    delay += at(s_.nareis.subsidiary_waiting_days);
  }
  schedule(after_days(delay), kNareisApply, referent);
}

void ChainModel::on_nareis_apply(PersonId referent) {
  const std::uint8_t group = persons_[referent].group;
  const auto& sizes = s_.groups[group].family_size;
  double u = rng_.nareis.uniform01();
  int members = static_cast<int>(sizes.size());
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    u -= sizes[k];
    if (u < 0) {
      members = static_cast<int>(k) + 1;
      break;
    }
  }
  for (int i = 0; i < members; ++i) {
    const PersonId id = new_person(Origin::kNareis, group);  // may reallocate persons_
    persons_[id].head = referent;
    set_stage(id, Stage::kNareisAbroad);
    rec_.count(m_.nareis_applications);
    rec_.stock_add(m_.nareis_waiting, now(), 1);
    nareis_queue_.push(id);
  }
}

// The IND's weekly mvv decisions: the scenario's capacity, or, where the capacity follows the
// workload, enough to clear the waiting stock in clearance_weeks (never less than the capacity).
double ChainModel::nareis_capacity_per_week() const {
  const double base = at(s_.nareis.capacity_per_week);
  const double weeks = at(s_.nareis.clearance_weeks);
  if (weeks <= 0) return base;
  return std::max(base, static_cast<double>(nareis_queue_.size()) / weeks);
}

void ChainModel::nareis_daily() {
  const double weekly = nareis_capacity_per_week();
  rec_.stock_set(m_.nareis_capacity, now(), weekly);
  nareis_capacity_.refill(weekly / 7.0);
  while (!nareis_queue_.empty() && nareis_capacity_.try_take(1.0)) {
    const PersonId id = nareis_queue_.pop();
    rec_.count(m_.nareis_decisions);
    rec_.stock_add(m_.nareis_waiting, now(), -1);
    if (rng_.nareis_decisions.bernoulli(at(s_.nareis.grant_rate))) {
      rec_.count(m_.nareis_granted);
      const double travel = at(s_.nareis.travel_share);
      if (travel < 1.0 &&
          !rng_.nareis_travel.bernoulli(travel)) {  // no draw at 1: streams stay aligned
        rec_.count(m_.nareis_unused);
        set_stage(id, Stage::kDeparted);  // the mvv lapses: never enters the Netherlands
        continue;
      }
      const double days = draw(s_.nareis.collect, rng_.nareis_decisions) +
                          draw(s_.nareis.travel, rng_.nareis_decisions);
      schedule(after_days(days), kNareisArrival, id);
    } else {
      set_stage(id, Stage::kDeparted);  // rejected abroad: never enters the Netherlands
    }
  }
}

void ChainModel::on_nareis_arrival(PersonId id) {
  rec_.count(m_.family_arrivals);
  Person& p = persons_[id];
  p.applied = now();
  const PersonId ref = p.head;
  const bool ref_in_coa = ref != kNoPerson && persons_[ref].stage == Stage::kPermitHolder &&
                          persons_[ref].location != kNoLocation && persons_[ref].location != kNidos;
  // No referent in the model: a family member of the initial waiting stock, whose referent had a
  // permit before 2024 and lives in a municipality by now (ASSUMPTION, docs/model.md).
  const bool ref_housed = ref == kNoPerson || persons_[ref].stage == Stage::kHoused;
  if (ref_housed && s_.housing.direct_family_housing &&
      now() >= s_.housing.direct_family_housing_from) {
    // Measure: housed directly with the referent; counts for the taakstelling.
    p.permit_at = now();
    set_stage(id, Stage::kPermitHolder);
    rec_.count(m_.permits_total);
    rec_.count(gm_.permits[p.group]);
    rec_.count(m_.permits_nareis);
    permits_this_half_ += 1;
    house_person(id);
    return;
  }
  if (ref_in_coa && rng_.nareis_join.bernoulli(at(s_.nareis.join_referent_share))) {
    // Joins the referent's household: housed together when the referent is housed.
    Person& r = persons_[ref];
    const PersonId head = r.head;
    Person& h = persons_[head];
    p.head = head;
    p.next_member = h.next_member;
    h.next_member = id;
    h.household_size = static_cast<std::uint8_t>(std::min(255, h.household_size + 1));
    p.permit_at = now();
    rec_.count(m_.permits_total);
    rec_.count(gm_.permits[p.group]);
    rec_.count(m_.permits_nareis);
    permits_this_half_ += 1;
    set_stage(id, Stage::kPermitHolder);
    enter_coa(id, kAzc, kIntakeNareis);
    return;
  }
  p.head = id;  // own household
  enter_coa(id, kAzc, kIntakeNareis);
  grant_permit(id, PermitKind::kNareis);
}

}  // namespace asylumsim::model
