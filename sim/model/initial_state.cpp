// The state of the chain on the start date, from the scenario's `initial:` block: the IND backlog
// per track (with application dates spread over the given ages), permit holders waiting in COA,
// cases in appeal, rejected persons still in reception, families abroad waiting for nareis, and
// the limbo stock. Entering the initial state is not inflow: no flow counters move.
//
// Everyone present has a past: a resident entered COA on the application date (reception starts
// at registration), so the census on the start date sees stays of up to the backlog's oldest
// cases. Those already decided (permit holders, cases in appeal, rejected residents) applied a
// waiting time before their decision, drawn like the age of a case in the AA backlog (uniform up
// to initial.ind_backlog_max_age_days.aa: cases decided before 2024 came from that queue;
// ASSUMPTION). These dates come from a stream of their own, so the rest of the start state is
// drawn as before.
//
// The backlog's cases and the permit holders in COA are grouped in households as the inflow's
// first applicants are (groups.*.household_size, stream initial_state.household; ASSUMPTION: the
// households of 2022-2023's applicants were sized like today's). Cases in appeal and rejected
// residents stay single: appeals and departure go per person in the model anyway.
#include <algorithm>

#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

namespace {
// Ages spread evenly over [0, max_age] (stratified, so the backlog's age profile is smooth).
Tick backdated(double index, double n, double max_age_days, engine::RandomStream& rng) {
  const double age = (index + rng.uniform01()) / n * max_age_days;
  return -engine::ticks_from_days(age);
}
}  // namespace

void ChainModel::backdate_coa_entry(PersonId id, Tick since) {
  Person& p = k_.persons[id];
  p.coa_since = since;
  if (p.resident_slot != kNoPerson) k_.resident_census[p.resident_slot].coa_since = since;
}

// The application date of a case decided at `decided` (a tick at or before the start).
Tick ChainModel::past_application(Tick decided, engine::RandomStream& rng) const {
  const double wait = rng.uniform01() * k_.s.initial.ind_backlog_max_age_days[kAA];
  return decided - engine::ticks_from_days(wait);
}

// The start population is made in date order, so a group's next person lies within a day or so
// of the last one: a household takes members until it is full.
PersonId ChainModel::join_initial_household(HouseholdFiller& filler, PersonId id) {
  const Person& p = k_.persons[id];
  if (p.flags & flag::kAmv) return id;  // unaccompanied minors are alone
  return filler.add(k_.persons, id, p.group, k_.s.groups[p.group].household_size,
                    initial_household_rng_, [](PersonId) { return true; });
}

// A start permit holder is linked after the link duration from its permit (at once when that is
// past). A permit from within the last nareis window (before the start) can still bring an mvv
// application in the part of the window that is left.
void ChainModel::link_initial_permit_holder(PersonId id) {
  const Tick permit = k_.persons[id].permit_at;
  const double age_days = engine::days_from_ticks(-permit);
  if (age_days < k_.at(k_.s.nareis.window_days)) nareis_.maybe_apply(id, age_days);
  if (housing_.links_at_adulthood(k_.persons[id])) return;  // linked when it comes of age
  const Tick linked =
      permit + engine::ticks_from_days(k_.draw(k_.s.housing.link_duration, initial_rng_));
  if (linked <= 0)
    housing_.on_linked(id);
  else
    k_.schedule(linked, kLinked, id);
}

// The next family member abroad of the start state: a new family of a drawn size when the last
// one is complete, else a member of it (same group, keyed by its first member).
template <class DrawGroup>
PersonId ChainModel::new_family_member(Family& family, Origin origin, DrawGroup& draw_group) {
  if (family.places_left == 0) {
    const PersonId id = k_.new_person(origin, draw_group());
    const auto& sizes = k_.s.groups[k_.persons[id].group].family_size;
    const std::size_t size = std::max<std::size_t>(1, initial_household_rng_.size_from(sizes));
    family = {id, static_cast<std::uint32_t>(size - 1)};
    return id;
  }
  --family.places_left;
  const PersonId id = k_.new_person(origin, k_.persons[family.first].group);
  k_.persons[id].head = family.first;
  return id;
}

void ChainModel::seed_initial_state() {
  const InitialState& in = k_.s.initial;
  auto& rng = initial_rng_;
  auto group_of = [&]() {
    double total = 0;
    for (const auto& g : k_.s.groups) total += g.first_applications_per_year.at(0);
    double u = rng.uniform01() * total;
    for (std::size_t i = 0; i < k_.s.groups.size(); ++i) {
      u -= k_.s.groups[i].first_applications_per_year.at(0);
      if (u <= 0) return static_cast<std::uint8_t>(i);
    }
    return static_cast<std::uint8_t>(k_.s.groups.size() - 1);
  };
  // A resident of the start population. An unaccompanied minor with a permit in COA waits there
  // as one granted during the run does (with Nidos it would have been housed at once).
  auto make = [&](Location loc) {
    const PersonId id = k_.new_person(Origin::kInitial, group_of());
    if (rng.bernoulli(in.amv_share)) {
      k_.persons[id].flags |= flag::kAmv;
      reception_.schedule_coming_of_age(id, rng);
    } else if (rng.bernoulli(k_.at(k_.s.groups[k_.persons[id].group].family_with_minors_share)))
      k_.persons[id].flags |= flag::kFamilyMinors;
    // Unaccompanied minors waiting for a decision are partly with Nidos, as in registration.
    const bool nidos = (k_.persons[id].flags & flag::kAmv) && loc != kAzc &&
                       rng.bernoulli(k_.at(k_.s.reception.amv_nidos_share));
    reception_.enter_coa(id, nidos ? kNidos : loc, kIntakeNone);
    return id;
  };

  // IND backlog, oldest first so the FIFO queues hold them in application order. Households
  // applied together: a member takes its root's application date and is decided with it.
  for (int t = 0; t < kTracks; ++t) {
    const auto n = static_cast<std::int64_t>(in.ind_backlog[t]);
    std::vector<Tick> applied(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      applied[static_cast<std::size_t>(i)] = backdated(
          static_cast<double>(i), static_cast<double>(n), in.ind_backlog_max_age_days[t], rng);
    std::sort(applied.begin(), applied.end());
    HouseholdFiller households(k_.s.groups.size());
    for (Tick a : applied) {
      const PersonId id = make(t == kVA ? kAzc : kPol);
      const PersonId root = join_initial_household(households, id);
      k_.persons[id].applied = root == id ? a : k_.persons[root].applied;
      backdate_coa_entry(id, k_.persons[id].applied);
      ind_.enqueue(id, static_cast<Track>(t), 1);
      ind_.schedule_legal_term_expiry(
          id, k_.persons[id].applied + engine::ticks_from_days(k_.at(k_.s.ind.legal_term_days)),
          rng);
    }
  }

  // Permit holders waiting for housing, in order of their permit date; a household was granted
  // together. They are linked once every household is whole.
  {
    const auto n = static_cast<std::int64_t>(in.permit_holders_in_coa);
    std::vector<Tick> permits(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      permits[static_cast<std::size_t>(i)] = backdated(
          static_cast<double>(i), static_cast<double>(n), in.permit_holders_max_age_days, rng);
    std::sort(permits.begin(), permits.end());
    HouseholdFiller households(k_.s.groups.size());
    std::vector<PersonId> holders;
    holders.reserve(permits.size());
    for (Tick pa : permits) {
      const PersonId id = make(kAzc);
      const PersonId root = join_initial_household(households, id);
      Person& p = k_.persons[id];
      if (root == id) {
        p.permit_at = pa;
        p.applied = past_application(pa, initial_past_rng_);
      } else {
        p.permit_at = k_.persons[root].permit_at;
        p.applied = k_.persons[root].applied;
      }
      backdate_coa_entry(id, p.applied);
      k_.set_stage(id, Stage::kPermitHolder);
      k_.rec.stock_add(k_.m.coa_permit_holders, k_.now(), 1);
      k_.rec.stock_add(k_.m.housing_waiting, k_.now(), 1);
      holders.push_back(id);
    }
    for (const PersonId id : holders) link_initial_permit_holder(id);
  }

  // Cases in appeal: the ruling comes after the remaining part of a court lead time.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.in_appeal); ++i) {
    const PersonId id = make(kAzc);
    k_.persons[id].track = kAA;
    k_.persons[id].flags |= flag::kFirstDecided;
    k_.set_stage(id, Stage::kInAppeal);
    const double share_left = rng.uniform01();  // drawn first, as before the past was added
    const double duration = k_.draw(k_.s.appeals.court_duration[kAA], rng);
    const double remaining = share_left * duration;
    k_.schedule(k_.after_days(remaining), kCourtRuling, id);
    // Rejected when the appeal was lodged, the part of the court's lead time that has passed ago.
    k_.persons[id].applied =
        past_application(-engine::ticks_from_days(duration - remaining), initial_past_rng_);
    backdate_coa_entry(id, k_.persons[id].applied);
  }

  // Rejected persons within their last four weeks of reception.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.rejected_in_coa); ++i) {
    const PersonId id = make(kAzc);
    Person& p = k_.persons[id];
    p.track = kAA;
    p.flags |= flag::kFirstDecided;
    k_.set_stage(id, Stage::kRejected);
    ++p.epoch;
    const double left = rng.uniform01() * k_.at(k_.s.reception.reception_end_days);
    k_.schedule(k_.after_days(left), kReceptionEnds, id, p.epoch);
    const double since_rejection = k_.at(k_.s.reception.reception_end_days) - left;
    p.applied = past_application(-engine::ticks_from_days(since_rejection), initial_past_rng_);
    backdate_coa_entry(id, p.applied);
    departure_.start_departure(id);
  }

  // Limbo: rejected, out of reception, not (yet) departed.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.limbo); ++i) {
    const PersonId id = k_.new_person(Origin::kInitial, group_of());
    k_.persons[id].track = kAA;
    k_.persons[id].flags |= flag::kFirstDecided;
    k_.set_stage(id, Stage::kLimbo);
    ++k_.persons[id].epoch;
    k_.rec.stock_add(k_.m.limbo, k_.now(), 1);
    departure_.start_departure(id);
  }

  // Permit holders placed in HAR shelter before the start: housed already (counted for an earlier
  // taakstelling), they only move on to regular housing, after the stay in force at the start.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.har_plus_residents); ++i) {
    k_.rec.stock_add(k_.m.har_plus_stock, k_.now(), 1);
    k_.schedule(k_.after_days(k_.draw(k_.s.housing.har_plus_move_on, rng)), kShelterMoveOn,
                kNoPerson, 0);
  }

  // Family members abroad waiting for an mvv decision, and those granted before the start date,
  // still collecting their visa or travelling. Their referents are outside the model's initial
  // population (taken to be housed by now), so on arrival the family's members form a household of
  // their own in COA (or, with direct family housing, join the referent). A family (sized by
  // groups.*.family_size) applied and travels together; its first member is its key
  // (Person::head) while abroad.
  {
    const auto n = static_cast<std::int64_t>(in.nareis_waiting);
    Family family;
    for (std::int64_t i = 0; i < n; ++i) {
      const PersonId id = new_family_member(family, Origin::kNareis, group_of);
      k_.persons[id].applied = family.first == id
                                   ? backdated(static_cast<double>(n - 1 - i),
                                               static_cast<double>(n), in.nareis_max_age_days, rng)
                                   : k_.persons[family.first].applied;
      k_.set_stage(id, Stage::kNareisAbroad);
      k_.rec.stock_add(k_.m.nareis_waiting, k_.now(), 1);
      nareis_.add_waiting(id);
    }
  }
  Family family;
  Tick arrival = 0;
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.nareis_travelling); ++i) {
    const PersonId id = new_family_member(family, Origin::kNareis, group_of);
    k_.set_stage(id, Stage::kNareisAbroad);
    if (family.first == id) {
      const double full = k_.draw(k_.s.nareis.collect, rng) + k_.draw(k_.s.nareis.travel, rng);
      arrival = k_.after_days(rng.uniform01() * full);
    }
    k_.schedule(arrival, kNareisArrival, id);
  }
}

}  // namespace asylumsim::model
