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
  Person& p = persons_[id];
  p.coa_since = since;
  if (p.resident_slot != kNoPerson) resident_census_[p.resident_slot].coa_since = since;
}

// The application date of a case decided at `decided` (a tick at or before the start).
Tick ChainModel::past_application(Tick decided, engine::RandomStream& rng) const {
  const double wait = rng.uniform01() * s_.initial.ind_backlog_max_age_days[kAA];
  return decided - engine::ticks_from_days(wait);
}

void ChainModel::seed_initial_state() {
  const InitialState& in = s_.initial;
  auto& rng = rng_.initial;
  auto group_of = [&]() {
    double total = 0;
    for (const auto& g : s_.groups) total += g.first_applications_per_year.at(0);
    double u = rng.uniform01() * total;
    for (std::size_t i = 0; i < s_.groups.size(); ++i) {
      u -= s_.groups[i].first_applications_per_year.at(0);
      if (u <= 0) return static_cast<std::uint8_t>(i);
    }
    return static_cast<std::uint8_t>(s_.groups.size() - 1);
  };
  auto make = [&](Location loc) {
    const PersonId id = new_person(Origin::kInitial, group_of());
    if (rng.bernoulli(in.amv_share)) {
      persons_[id].flags |= flag::kAmv;
      schedule_coming_of_age(id, rng);
    } else if (rng.bernoulli(at(s_.groups[persons_[id].group].family_with_minors_share)))
      persons_[id].flags |= flag::kFamilyMinors;
    // Unaccompanied minors waiting for a decision are partly with Nidos, as in registration.
    const bool nidos = (persons_[id].flags & flag::kAmv) && loc != kAzc &&
                       rng.bernoulli(at(s_.reception.amv_nidos_share));
    enter_coa(id, nidos ? kNidos : loc, kIntakeNone);
    return id;
  };

  // IND backlog, oldest first so the FIFO queues hold them in application order.
  for (int t = 0; t < kTracks; ++t) {
    const auto n = static_cast<std::int64_t>(in.ind_backlog[t]);
    std::vector<Tick> applied(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      applied[static_cast<std::size_t>(i)] = backdated(
          static_cast<double>(i), static_cast<double>(n), in.ind_backlog_max_age_days[t], rng);
    std::sort(applied.begin(), applied.end());
    for (Tick a : applied) {
      const PersonId id = make(t == kVA ? kAzc : kPol);
      persons_[id].applied = a;
      backdate_coa_entry(id, a);
      enqueue_ind(id, static_cast<Track>(t), 1);
      schedule_legal_term_expiry(id, a + engine::ticks_from_days(at(s_.ind.legal_term_days)), rng);
    }
  }

  // Permit holders waiting for housing, linked in order of their permit date.
  {
    const auto n = static_cast<std::int64_t>(in.permit_holders_in_coa);
    std::vector<Tick> permits(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      permits[static_cast<std::size_t>(i)] = backdated(
          static_cast<double>(i), static_cast<double>(n), in.permit_holders_max_age_days, rng);
    std::sort(permits.begin(), permits.end());
    for (Tick pa : permits) {
      const PersonId id = make(kAzc);
      Person& p = persons_[id];
      p.flags &= static_cast<std::uint8_t>(~flag::kAmv);  // minors with a permit are with Nidos
      p.permit_at = pa;
      p.applied = past_application(pa, rng_.initial_past);
      backdate_coa_entry(id, p.applied);
      set_stage(id, Stage::kPermitHolder);
      rec_.stock_add(m_.coa_permit_holders, now(), 1);
      rec_.stock_add(m_.housing_waiting, now(), 1);
      const Tick linked = pa + engine::ticks_from_days(draw(s_.housing.link_duration, rng));
      if (linked <= 0)
        on_linked(id);
      else
        schedule(linked, kLinked, id);
      // A permit from within the last nareis window (before the start) can still bring an mvv
      // application in the part of the window that is left.
      const double age_days = engine::days_from_ticks(-pa);
      if (age_days < at(s_.nareis.window_days)) maybe_apply_nareis(id, age_days);
    }
  }

  // Cases in appeal: the ruling comes after the remaining part of a court lead time.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.in_appeal); ++i) {
    const PersonId id = make(kAzc);
    persons_[id].track = kAA;
    persons_[id].flags |= flag::kFirstDecided;
    set_stage(id, Stage::kInAppeal);
    const double share_left = rng.uniform01();  // drawn first, as before the past was added
    const double duration = draw(s_.appeals.court_duration[kAA], rng);
    const double remaining = share_left * duration;
    schedule(after_days(remaining), kCourtRuling, id);
    // Rejected when the appeal was lodged, the part of the court's lead time that has passed ago.
    persons_[id].applied =
        past_application(-engine::ticks_from_days(duration - remaining), rng_.initial_past);
    backdate_coa_entry(id, persons_[id].applied);
  }

  // Rejected persons within their last four weeks of reception.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.rejected_in_coa); ++i) {
    const PersonId id = make(kAzc);
    Person& p = persons_[id];
    p.track = kAA;
    p.flags |= flag::kFirstDecided;
    set_stage(id, Stage::kRejected);
    ++p.epoch;
    const double left = rng.uniform01() * at(s_.reception.reception_end_days);
    schedule(after_days(left), kReceptionEnds, id, p.epoch);
    const double since_rejection = at(s_.reception.reception_end_days) - left;
    p.applied = past_application(-engine::ticks_from_days(since_rejection), rng_.initial_past);
    backdate_coa_entry(id, p.applied);
    start_departure(id);
  }

  // Limbo: rejected, out of reception, not (yet) departed.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.limbo); ++i) {
    const PersonId id = new_person(Origin::kInitial, group_of());
    persons_[id].track = kAA;
    persons_[id].flags |= flag::kFirstDecided;
    set_stage(id, Stage::kLimbo);
    ++persons_[id].epoch;
    rec_.stock_add(m_.limbo, now(), 1);
    start_departure(id);
  }

  // Permit holders placed in HAR shelter before the start: housed already (counted for an earlier
  // taakstelling), they only move on to regular housing, after the stay in force at the start.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.har_plus_residents); ++i) {
    rec_.stock_add(m_.har_plus_stock, now(), 1);
    schedule(after_days(draw(s_.housing.har_plus_move_on, rng)), kShelterMoveOn, 0, 0);
  }

  // Family members abroad waiting for an mvv decision; their referents are outside the model's
  // initial population, so on arrival they form their own household (or, with direct family
  // housing, join the referent, who is taken to be housed by then).
  {
    const auto n = static_cast<std::int64_t>(in.nareis_waiting);
    for (std::int64_t i = 0; i < n; ++i) {
      const PersonId id = new_person(Origin::kNareis, group_of());
      persons_[id].head = kNoPerson;
      persons_[id].applied = backdated(static_cast<double>(n - 1 - i), static_cast<double>(n),
                                       in.nareis_max_age_days, rng);
      set_stage(id, Stage::kNareisAbroad);
      rec_.stock_add(m_.nareis_waiting, now(), 1);
      nareis_queue_.push(id);
    }
  }
  // Family members granted before the start date, still collecting their visa or travelling.
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(in.nareis_travelling); ++i) {
    const PersonId id = new_person(Origin::kNareis, group_of());
    persons_[id].head = kNoPerson;
    set_stage(id, Stage::kNareisAbroad);
    const double full = draw(s_.nareis.collect, rng) + draw(s_.nareis.travel, rng);
    schedule(after_days(rng.uniform01() * full), kNareisArrival, id);
  }
}

}  // namespace asylumsim::model
