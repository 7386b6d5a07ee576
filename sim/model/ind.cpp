// Stage 3 — IND decisions. Each track (spoor) has a decision capacity per week; capacity a short
// track leaves unused on a day passes to the longer tracks (priority for the short tracks).
// Within a track, court-ordered and resumed cases (class 0) go before the ordinary line (class 1),
// which is ordered by application date: a case that comes back (Dublin term over, re-registered,
// activated) takes its place by its date, not behind everyone who applied since. A case referred
// to the extended procedure (VA) is placed by the date of its referral, when that procedure
// starts. Every entry starts or resumes a legal decision term.
// A case taken up may first need further investigation (nader onderzoek): it waits aside.
// Moratoria hold a nationality group's cases; cases past the legal term can draw a not-in-time
// appeal; waiting applicants can leave unsupervised.
#include "asylumsim/model/stages/ind.hpp"

#include <algorithm>

#include "asylumsim/model/household.hpp"
#include "asylumsim/model/stages/appeals.hpp"
#include "asylumsim/model/stages/departure.hpp"
#include "asylumsim/model/stages/housing.hpp"
#include "asylumsim/model/stages/nareis.hpp"
#include "asylumsim/model/stages/reception.hpp"

namespace asylumsim::model {

using namespace scenario;

IndStage::IndStage(Kernel& k, AppealsStage& appeals, DepartureStage& departure,
                   ReceptionStage& reception, HousingStage& housing, NareisStage& nareis)
    : StageBase(k),
      appeals_(appeals),
      departure_(departure),
      reception_(reception),
      housing_(housing),
      nareis_(nareis),
      priority_rng_(k.stream("ind.priority")),
      legal_term_notice_rng_(k.stream("ind.legal_term_notice")),
      decisions_rng_(k.stream("ind.decisions")),
      va_referral_rng_(k.stream("ind.va_referral")),
      other_outcome_rng_(k.stream("ind.other_outcome")),
      other_outcome_dtenv_rng_(k.stream("ind.other_outcome.dtenv")),
      abscond_rng_(k.stream("ind.abscond")),
      investigation_rng_(k.stream("ind.investigation")),
      not_in_time_rng_(k.stream("appeals.not_in_time")) {
  for (auto& q : capacity_) q = engine::PeriodicQuota(false);
}

namespace {
bool is_first_application(const Person& p) {
  return p.origin == Origin::kFirst || p.origin == Origin::kInitial;
}
}  // namespace

void IndStage::enqueue(PersonId id, Track t, unsigned priority, Tick line_key) {
  Person& p = k_.persons[id];
  p.track = t;
  ++p.epoch;
  set_stage(id, Stage::kIndWaiting);
  ++waiting_[t];
  k_.rec.stock_add(k_.m.ind_backlog[t], now(), 1);
  k_.rec.stock_add(k_.gm.backlog[p.group], now(), 1);
  queue_[t].push({id, p.epoch, line_key == engine::kNever ? p.applied : line_key}, priority);
  const double rate = at(s_.ind.abscond_per_year[t]);
  if (rate > 0 && !p.pending.valid())
    p.pending =
        k_.schedule_cancellable(after_days(abscond_rng_.exponential(365.25 / rate)), kAbscond, id);
}

void IndStage::leave_queue(PersonId id) {
  Person& p = k_.persons[id];
  --waiting_[p.track];
  k_.rec.stock_add(k_.m.ind_backlog[p.track], now(), -1);
  k_.rec.stock_add(k_.gm.backlog[p.group], now(), -1);
  ++p.epoch;  // any queue entry (or paused entry) of this person is now stale
}

bool IndStage::under_moratorium(std::uint8_t group) const {
  for (const auto& m : s_.ind.moratoria)
    if (m.group_index == group && now() >= m.from && now() < m.until) return true;
  return false;
}

bool IndStage::resume_first(std::uint8_t group) const {
  const scenario::IndParams::Moratorium* last = nullptr;  // the one of the group that ended last
  for (const auto& m : s_.ind.moratoria)
    if (m.group_index == group && m.until <= now() && (!last || m.until > last->until)) last = &m;
  return !last || last->resume_first;
}

void IndStage::resume_moratoria() {
  if (paused_.empty()) return;
  auto keep = paused_.begin();
  for (const QueueEntry& e : paused_) {
    const Person& p = k_.persons[e.id];
    if (p.epoch != e.epoch || p.stage != Stage::kIndWaiting) continue;  // left meanwhile
    if (under_moratorium(p.group)) {
      *keep++ = e;
    } else {
      const bool first = resume_first(p.group);
      queue_[p.track].push({e.id, e.epoch, first ? e.key : now()}, first ? 0u : 1u);
    }
  }
  paused_.erase(keep, paused_.end());
  k_.rec.stock_set(k_.m.ind_paused, now(), static_cast<double>(paused_.size()));
}

void IndStage::daily() {
  resume_moratoria();
  const double speedup = at(s_.ind.decision_speedup);
  for (int t = 0; t < kTracks; ++t)
    capacity_[t].refill(at(s_.ind.capacity_per_week[t]) / 7.0 * speedup);
  // Permit renewals (Pact: 3-year permits) take AA decision capacity first.
  const double renewals = std::min(renewal_work_, capacity_[kAA].available());
  capacity_[kAA].try_take(renewals);
  renewal_work_ -= renewals;
  for (int t = 0; t < kTracks; ++t) {
    decide_from_queue(static_cast<Track>(t));
    if (s_.ind.share_unused_capacity && t + 1 < kTracks && queue_[t].empty())
      pass_unused_capacity(static_cast<Track>(t), static_cast<Track>(t + 1));
  }
  // AA and VA are both spoor 4, decided by the same staff: what VA leaves unused goes back to AA.
  if (s_.ind.share_unused_capacity && queue_[kVA].empty()) {
    pass_unused_capacity(kVA, kAA);
    decide_from_queue(kAA);
  }
  k_.rec.stock_set(k_.m.ind_paused, now(), static_cast<double>(paused_.size()));
}

// The case at the front is decided with the rest of its household (each person takes a unit of
// capacity); a household larger than what is left today waits at the front for the next day's.
void IndStage::decide_from_queue(Track t) {
  IndQueue& q = queue_[t];
  engine::PeriodicQuota& cap = capacity_[t];
  while (!q.empty() && cap.whole_units() >= 1) {
    const QueueEntry e = q.front();
    const Person& p = k_.persons[e.id];
    if (p.epoch != e.epoch || p.stage != Stage::kIndWaiting) {  // stale entry
      q.pop();
      continue;
    }
    if (under_moratorium(p.group)) {
      paused_.push_back(q.pop());
      continue;
    }
    if (start_investigation(e.id)) {
      q.pop();
      continue;
    }
    collect_household(e.id);
    if (!cap.try_take(static_cast<double>(household_.size()))) return;
    q.pop();
    decide(e.id);
  }
}

// The case and the members of its household waiting in the same track (first applicants who
// arrived together, or applied together before the start): the head first, so that members granted
// with it join its household.
void IndStage::collect_household(PersonId id) {
  household_.clear();
  const Person& p = k_.persons[id];
  if (!is_first_application(p) || (p.head == id && p.next_member == kNoPerson)) {
    household_.push_back(id);
    return;
  }
  for_each_in_household(k_.persons, p.head, [&](PersonId m) {
    const Person& other = k_.persons[m];
    if (m == id || (other.stage == Stage::kIndWaiting && other.track == p.track &&
                    is_first_application(other)))
      household_.push_back(m);
  });
  if (std::find(household_.begin(), household_.end(), id) == household_.end())
    household_.push_back(id);  // a member that left its household is a case of its own
}

void IndStage::pass_unused_capacity(Track from, Track to) {
  const double unused = static_cast<double>(capacity_[from].whole_units());
  capacity_[from].try_take(unused);
  capacity_[to].add(unused);
}

// Short permits (from ind.short_permit_from) come up for renewal after ind.permit_years.
void IndStage::schedule_permit_renewal(PersonId id) {
  if (now() < s_.ind.short_permit_from) return;
  const Tick due = now() + engine::ticks_from_days(365.25 * s_.ind.permit_years);
  if (due <= s_.horizon_ticks()) schedule(due, kPermitRenewal, id);
}

void IndStage::on_permit_renewal() {
  k_.rec.count(k_.m.permit_renewals);
  renewal_work_ += s_.ind.renewal_effort;
}

// One decision for the household collected with the case (household_): referral to the extended
// procedure, another outcome (withdrawn, not processed), a grant or a rejection, drawn once for
// the case and applied to each member. Appeals and departure then go per person.
void IndStage::decide(PersonId id) {
  const Person& p = k_.persons[id];
  const Track t = static_cast<Track>(p.track);
  // Spoor 4: part of the AA cases is referred to the extended procedure instead of decided.
  if (t == kAA && !(p.flags & flag::kReopened) &&
      va_referral_rng_.bernoulli(at(s_.ind.va_referral_share))) {
    for (const PersonId m : household_) refer_to_va(m);
    return;
  }
  Outcome outcome = Outcome::kOther;
  if (!other_outcome_rng_.bernoulli(at(s_.ind.other_share[t]))) {
    const double grant_rate = p.origin == Origin::kRepeat ? at(s_.ind.repeat_grant_rate)
                                                          : at(s_.groups[p.group].grant_rate[t]);
    outcome = decisions_rng_.bernoulli(grant_rate) ? Outcome::kGrant : Outcome::kReject;
  }
  for (const PersonId m : household_) apply_decision(m, outcome);
}

void IndStage::refer_to_va(PersonId id) {
  Person& p = k_.persons[id];
  leave_queue(id);
  k_.sim.cancel(p.pending);
  p.pending = {};
  k_.rec.count(k_.m.referred_to_va);
  // An activated Ukrainian in municipal reception keeps that place (no COA place as well).
  if (p.location != kNidos && !(p.flags & flag::kMunicipal)) reception_.move_coa(id, kAzc);
  // The extended procedure starts now: the VA line is ordered by the date of referral.
  enqueue(id, kVA, draw_priority(kVA), now());
}

void IndStage::apply_decision(PersonId id, Outcome outcome) {
  Person& p = k_.persons[id];
  const Track t = static_cast<Track>(p.track);
  leave_queue(id);
  k_.sim.cancel(p.pending);
  p.pending = {};
  const bool count_first = is_first_application(p) && !(p.flags & flag::kFirstDecided);
  if (count_first) {
    p.flags |= flag::kFirstDecided;
    const double weeks = engine::days_from_ticks(now() - p.applied) / 7.0;
    k_.rec.count(k_.m.decisions_first);
    k_.rec.count(k_.gm.decisions_first[p.group]);
    k_.rec.count(k_.m.decided_by_track[t]);
    k_.rec.observe(k_.m.lead_time_weeks[t], weeks);
    if (weeks * 7.0 <= at(s_.ind.legal_term_days)) k_.rec.count(k_.m.within_term_by_track[t]);
  }
  switch (outcome) {
    case Outcome::kOther:
      if (count_first) k_.rec.count(k_.m.other_first);
      end_without_decision(id);
      return;
    case Outcome::kGrant: {
      if (count_first) {
        k_.rec.count(k_.m.grants_first);
        k_.rec.count(k_.gm.grants_first[p.group]);
      }
      PermitKind kind = PermitKind::kFirst;
      if (p.flags & flag::kReopened)
        kind = PermitKind::kSideInflow;
      else if (p.origin == Origin::kRepeat)
        kind = PermitKind::kRepeat;
      grant_permit(id, kind);
      return;
    }
    case Outcome::kReject:
      if (count_first) k_.rec.count(k_.m.rejections_first);
      appeals_.on_rejection(id);
      return;
  }
}

// Withdrawn or not processed: no right to stay. Part is in the DTenV caseload like a rejected
// applicant (reception ends after four weeks, a departure route is drawn); the others leave
// reception at once, mostly without supervision.
void IndStage::end_without_decision(PersonId id) {
  const double to_dtenv = at(s_.departure.other_outcome_dtenv_share);
  if (to_dtenv > 0 && other_outcome_dtenv_rng_.bernoulli(to_dtenv)) {
    appeals_.final_rejection(id);
    return;
  }
  if (other_outcome_rng_.bernoulli(at(s_.departure.other_outcome_unsupervised_share)))
    departure_.leave_unsupervised(id);
  else
    departure_.leave_chain(id);
}

void IndStage::grant_permit(PersonId id, PermitKind kind) {
  Person& p = k_.persons[id];
  p.permit_at = now();
  k_.rec.count(k_.m.permits_total);
  k_.rec.count(k_.gm.permits[p.group]);
  switch (kind) {
    case PermitKind::kFirst:
      k_.rec.count(k_.m.permits_first);
      break;
    case PermitKind::kRepeat:
      k_.rec.count(k_.m.permits_repeat);
      break;
    case PermitKind::kResettlement:
      k_.rec.count(k_.m.permits_resettlement);
      break;
    case PermitKind::kSideInflow:
      k_.rec.count(k_.m.permits_side);
      break;
    case PermitKind::kNareis:
      k_.rec.count(k_.m.permits_nareis);
      break;
  }
  housing_.count_permit();
  schedule_permit_renewal(id);
  if (p.stage == Stage::kLimbo) k_.rec.stock_add(k_.m.limbo, now(), -1);
  set_stage(id, Stage::kPermitHolder);
  stay_with_household_or_leave(id);
  if (p.location == kNidos) {
    // Minors with Nidos count toward the taakstelling at once (small-scale reception).
    housing_.house_person(id);
    nareis_.maybe_apply(id);
    return;
  }
  if (p.flags & flag::kMunicipal) {
    // An activated Ukrainian waits for a home in the municipal place already held.
  } else if (p.location == kNoLocation) {
    reception_.enter_coa(id, kAzc, kIntakeLaterPermit);  // e.g. a later permit from limbo
  } else {
    k_.rec.stock_add(k_.m.coa_permit_holders, now(), 1);
    k_.rec.stock_add(k_.m.housing_waiting, now(), 1);
    reception_.move_coa(id, kAzc);
  }
  if (!housing_.links_at_adulthood(p)) housing_.schedule_link(id);
  nareis_.maybe_apply(id);
}

// A member granted with its head, or after it while the head still waits for a home, is housed
// with the head. When the head has no permit or is housed already, the first member granted after
// it heads the rest of the household (those chained behind it); failing that, a member is a
// household of its own.
void IndStage::stay_with_household_or_leave(PersonId id) {
  Person& p = k_.persons[id];
  if (p.head == id || p.head == kNoPerson) return;
  const PersonId head = p.head;
  if (waits_for_home(k_.persons, head)) return;
  if (head >= successor_.size())
    successor_.resize(std::max<std::size_t>(head + 1, 2 * successor_.size()), kNoPerson);
  const PersonId next = successor_[head];
  if (next != kNoPerson && waits_for_home(k_.persons, next) && chained_behind(next, id)) {
    p.head = next;
    return;
  }
  p.head = id;
  successor_[head] = id;
}

bool IndStage::chained_behind(PersonId head, PersonId id) const {
  for (PersonId m = k_.persons[head].next_member; m != kNoPerson; m = k_.persons[m].next_member)
    if (m == id) return true;
  return false;
}

void IndStage::schedule_legal_term_expiry(PersonId id, Tick due, engine::RandomStream& rng) {
  // After the term the applicant must first give notice (ingebrekestelling) before appealing.
  const Tick at = due + engine::ticks_from_days(draw(s_.ind.not_in_time_notice, rng));
  schedule(std::max(now(), at), kLegalTermExpired, id,
           static_cast<std::uint32_t>(legal_term_changes_.size()));
}

// A new term for a case the IND must decide again or newly takes on (a court's referral back,
// the end of a Dublin transfer term, an activated application): it runs from today.
void IndStage::start_legal_term(PersonId id) {
  schedule_legal_term_expiry(id, now() + engine::ticks_from_days(at(s_.ind.legal_term_days)),
                             legal_term_notice_rng_);
}

// A case that comes back to the IND after leaving it (re-registration) resumes its own term: if
// that term has run out meanwhile its expiry already passed unanswered, so it is due again now.
void IndStage::resume_legal_term(PersonId id) {
  const Tick due = k_.persons[id].applied + engine::ticks_from_days(at(s_.ind.legal_term_days));
  if (due <= now()) schedule_legal_term_expiry(id, now(), legal_term_notice_rng_);
}

void IndStage::on_legal_term_changed() {
  const double before = s_.ind.legal_term_days.at(now() - 1);
  const double after = at(s_.ind.legal_term_days);
  if (before == after) return;
  const Tick term = engine::ticks_from_days(after);
  const Tick old_term = engine::ticks_from_days(before);
  legal_term_changes_.push_back({now(), old_term});
  // A case not yet past the old term runs against the new one from now on (a shorter term makes
  // every case already past it overdue at once: the 2025 wave of not-in-time appeals). One pass
  // over the persons per change; changes are rare.
  for (PersonId id = 0; id < k_.persons.size(); ++id) {
    const Person& p = k_.persons[id];
    if (p.stage == Stage::kIndWaiting && p.applied + old_term > now())
      schedule_legal_term_expiry(id, p.applied + term, legal_term_notice_rng_);
  }
}

void IndStage::on_legal_term_expired(PersonId id, std::uint32_t changes_seen) {
  const Person& p = k_.persons[id];
  if (p.stage != Stage::kIndWaiting) return;
  // Superseded: a later change of the term gave this case a new expiry (the rule of the rescan).
  for (std::size_t c = changes_seen; c < legal_term_changes_.size(); ++c) {
    const LegalTermChange& ch = legal_term_changes_[c];
    if (p.applied + ch.term_before > ch.at) return;
  }
  // A household appeals once, through the first of it still waiting: each member counts as an
  // appellant, and the court's order brings the household's case forward.
  collect_household(id);
  if (household_.front() != id) return;
  if (!not_in_time_rng_.bernoulli(at(s_.ind.not_in_time_appeal_share[p.track]))) return;
  for (std::size_t n = 0; n < household_.size(); ++n) {
    k_.rec.count(k_.m.court_inflow);
    k_.rec.count(k_.m.court_not_in_time);
    // Courts register an appeal against a missing decision as a VA case (Fig 75): a case the IND
    // has not decided within the term is by law in the extended procedure, whichever queue it is
    // in.
    if (p.track == kAA || p.track == kVA) k_.rec.count(k_.m.court_not_in_time_va);
  }
  schedule(after_days(draw(s_.appeals.not_in_time_court_duration, not_in_time_rng_)),
           kNotInTimeRuling, id);
}

void IndStage::on_not_in_time_ruling(PersonId id) {
  Person& p = k_.persons[id];
  if (p.stage != Stage::kIndWaiting) return;  // decided meanwhile
  // Still undecided: the applicant may appeal again after the refile interval.
  const double refile = at(s_.ind.not_in_time_refile_days);
  if (refile > 0)
    schedule(after_days(refile), kLegalTermExpired, id,
             static_cast<std::uint32_t>(legal_term_changes_.size()));
  if (!not_in_time_rng_.bernoulli(at(s_.appeals.not_in_time_priority))) return;
  // The court orders a decision: the case moves to the front of its track's queue.
  ++p.epoch;
  queue_[p.track].push({id, p.epoch, p.applied}, 0);
}

// Each case draws once, when first taken up. The investigation itself uses no decision capacity;
// the decision after it does. The case stays in the backlog, and can still abscond or draw a
// not-in-time appeal meanwhile (a court order sends it to the front of the queue at once).
bool IndStage::start_investigation(PersonId id) {
  Person& p = k_.persons[id];
  const double share = at(s_.ind.investigation_share[p.track]);
  if (share <= 0 || (p.flags & flag::kInvestigated)) return false;  // no draw at 0: streams align
  p.flags |= flag::kInvestigated;
  if (!investigation_rng_.bernoulli(share)) return false;
  k_.rec.count(k_.m.investigations);
  const double days = draw(s_.ind.investigation_duration[p.track], investigation_rng_);
  schedule(after_days(days), kInvestigationDone, id, p.epoch);
  // The household's case is investigated as a whole: its members wait aside as long (their place
  // in the line lapses), and the first of them back is decided with the rest.
  collect_household(id);
  for (const PersonId m : household_) {
    if (m == id) continue;
    k_.rec.count(k_.m.investigations);
    Person& member = k_.persons[m];
    member.flags |= flag::kInvestigated;
    ++member.epoch;
    schedule(after_days(days), kInvestigationDone, m, member.epoch);
  }
  return true;
}

void IndStage::on_investigation_done(PersonId id, std::uint32_t epoch) {
  const Person& p = k_.persons[id];
  if (p.epoch != epoch || p.stage != Stage::kIndWaiting) return;  // left, or moved by a court
  queue_[p.track].push({id, p.epoch, p.applied}, 0);
}

void IndStage::on_abscond(PersonId id) {
  Person& p = k_.persons[id];
  p.pending = {};
  if (p.stage != Stage::kIndWaiting) return;
  leave_queue(id);
  reception_.leave_with_unknown_destination(id, true);
}

}  // namespace asylumsim::model
