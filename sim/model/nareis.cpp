// Stage 7 — family reunification (nareis). A share of new permit holders apply within the window
// (3 months) for their nuclear family; family size follows the group's distribution. The IND
// decides mvv applications with its own capacity; granted family members collect the visa, travel,
// arrive with a derived permit and need housing: with the referent when the referent still waits
// for a home, directly with a housed referent when that measure is on, or else with the members of
// their family who arrived before them (the first of them heading the household).
#include "asylumsim/model/stages/nareis.hpp"

#include <algorithm>

#include "asylumsim/model/household.hpp"
#include "asylumsim/model/stages/housing.hpp"
#include "asylumsim/model/stages/ind.hpp"
#include "asylumsim/model/stages/reception.hpp"

namespace asylumsim::model {

using namespace scenario;

NareisStage::NareisStage(Kernel& k, ReceptionStage& reception, HousingStage& housing, IndStage& ind)
    : StageBase(k),
      reception_(reception),
      housing_(housing),
      ind_(ind),
      rng_(k.stream("nareis")),
      two_status_rng_(k.stream("nareis.two_status")),
      decisions_rng_(k.stream("nareis.decisions")),
      travel_rng_(k.stream("nareis.travel")),
      join_rng_(k.stream("nareis.join_referent")) {}

void NareisStage::maybe_apply(PersonId referent, double window_used_days) {
  const Person& p = k_.persons[referent];
  if (p.origin == Origin::kNareis) return;  // derived permits give no new nareis right
  if (!rng_.bernoulli(at(s_.groups[p.group].nareis_apply_share))) return;
  const double window_left = std::max(0.0, at(s_.nareis.window_days) - window_used_days);
  double delay = rng_.uniform01() * window_left;
  // Two-status system: subsidiary-protection holders wait, then must meet the requirements.
  const double subsidiary = at(s_.nareis.subsidiary_share);
  if (subsidiary > 0 && two_status_rng_.bernoulli(subsidiary)) {
    if (!two_status_rng_.bernoulli(at(s_.nareis.subsidiary_requirements_met))) return;
    delay += at(s_.nareis.subsidiary_waiting_days);
  }
  schedule(after_days(delay), kNareisApply, referent);
}

void NareisStage::on_apply(PersonId referent) {
  const std::uint8_t group = k_.persons[referent].group;
  const int members = static_cast<int>(rng_.size_from(s_.groups[group].family_size));
  for (int i = 0; i < members; ++i) {
    const PersonId id = k_.new_person(Origin::kNareis, group);  // may reallocate k_.persons
    k_.persons[id].head = referent;
    set_stage(id, Stage::kNareisAbroad);
    k_.rec.count(k_.m.nareis_applications);
    k_.rec.stock_add(k_.m.nareis_waiting, now(), 1);
    queue_.push(id);
  }
}

// The IND's weekly mvv decisions: the scenario's capacity, or, where the capacity follows the
// workload, enough to clear the waiting stock in clearance_weeks (never less than the capacity).
double NareisStage::capacity_per_week() const {
  const double base = at(s_.nareis.capacity_per_week);
  const double weeks = at(s_.nareis.clearance_weeks);
  if (weeks <= 0) return base;
  return std::max(base, static_cast<double>(queue_.size()) / weeks);
}

void NareisStage::daily() {
  const double weekly = capacity_per_week();
  k_.rec.stock_set(k_.m.nareis_capacity, now(), weekly);
  capacity_.refill(weekly / 7.0);
  while (!queue_.empty() && capacity_.try_take(1.0)) {
    const PersonId id = queue_.pop();
    k_.rec.count(k_.m.nareis_decisions);
    k_.rec.stock_add(k_.m.nareis_waiting, now(), -1);
    if (decisions_rng_.bernoulli(at(s_.nareis.grant_rate))) {
      k_.rec.count(k_.m.nareis_granted);
      const double travel = at(s_.nareis.travel_share);
      if (travel < 1.0 && !travel_rng_.bernoulli(travel)) {  // no draw at 1: streams stay aligned
        k_.rec.count(k_.m.nareis_unused);
        set_stage(id, Stage::kDeparted);  // the mvv lapses: never enters the Netherlands
        continue;
      }
      const double days =
          draw(s_.nareis.collect, decisions_rng_) + draw(s_.nareis.travel, decisions_rng_);
      schedule(after_days(days), kNareisArrival, id);
    } else {
      set_stage(id, Stage::kDeparted);  // rejected abroad: never enters the Netherlands
    }
  }
}

// Abroad, Person::head is the family's key: its referent, or (start state) its first member.
bool NareisStage::referent_in_model(PersonId key) const {
  return key != kNoPerson && k_.persons[key].origin != Origin::kNareis;
}

// The household that members of the family who arrived earlier form while they wait for a home
// (in COA, or with hosts under the logeerregeling), or kNoPerson.
PersonId NareisStage::family_waiting_for_home(PersonId key) const {
  if (key == kNoPerson || key >= family_household_.size()) return kNoPerson;
  const PersonId h = family_household_[key];
  return h != kNoPerson && waits_for_home(k_.persons, h) ? h : kNoPerson;
}

// Joins a household waiting for a home: housed together when its head is housed.
void NareisStage::join_household_in_coa(PersonId id, PersonId head) {
  add_to_household(k_.persons, head, id);
  Person& p = k_.persons[id];
  p.permit_at = now();
  k_.rec.count(k_.m.permits_total);
  k_.rec.count(k_.gm.permits[p.group]);
  k_.rec.count(k_.m.permits_nareis);
  housing_.count_permit();
  ind_.schedule_permit_renewal(id);
  set_stage(id, Stage::kPermitHolder);
  reception_.enter_coa(id, kAzc, kIntakeNareis);
}

void NareisStage::on_arrival(PersonId id) {
  k_.rec.count(k_.m.family_arrivals);
  Person& p = k_.persons[id];
  p.applied = now();
  const PersonId key = p.head;
  const PersonId ref = referent_in_model(key) ? key : kNoPerson;
  // The referent still waits for a home (in COA, or with hosts under the logeerregeling). A minor
  // waiting in COA until it comes of age is not joined: its family waits as a household of its
  // own (a limitation: in fact the minor would then live with its parents).
  // An activated Ukrainian waiting in its municipal place is not joined either (no COA household).
  const bool ref_waiting = ref != kNoPerson && k_.persons[ref].stage == Stage::kPermitHolder &&
                           k_.persons[ref].location != kNidos &&
                           !(k_.persons[ref].flags & flag::kMunicipal) &&
                           !housing_.links_at_adulthood(k_.persons[ref]);
  // No referent in the model: a family member of the initial waiting stock, whose referent had a
  // permit before 2024 and lives in a municipality by now (ASSUMPTION, docs/model.md).
  const bool ref_housed = ref == kNoPerson || k_.persons[ref].stage == Stage::kHoused;
  if (ref_housed && s_.housing.direct_family_housing &&
      now() >= s_.housing.direct_family_housing_from) {
    // Measure: housed directly with the referent; counts for the taakstelling.
    p.permit_at = now();
    set_stage(id, Stage::kPermitHolder);
    k_.rec.count(k_.m.permits_total);
    k_.rec.count(k_.gm.permits[p.group]);
    k_.rec.count(k_.m.permits_nareis);
    housing_.count_permit();
    housing_.house_person(id);
    return;
  }
  if (ref_waiting && join_rng_.bernoulli(at(s_.nareis.join_referent_share))) {
    join_household_in_coa(id, k_.persons[ref].head);  // housed with the referent
    return;
  }
  // Without the referent waiting, the family's members who arrive while the first of them still
  // waits for a home wait with it, as one household (the mvv decisions and journeys of one family
  // are drawn per person, so they arrive spread out).
  if (const PersonId family = family_waiting_for_home(key); family != kNoPerson) {
    join_household_in_coa(id, family);
    return;
  }
  p.head = id;  // own household, which the family's later arrivals join
  if (key != kNoPerson) {
    if (key >= family_household_.size())
      family_household_.resize(std::max<std::size_t>(key + 1, 2 * family_household_.size()),
                               kNoPerson);
    family_household_[key] = id;
  }
  reception_.enter_coa(id, kAzc, kIntakeNareis);
  ind_.grant_permit(id, PermitKind::kNareis);
}

}  // namespace asylumsim::model
