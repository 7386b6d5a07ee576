// The person-level model of the Dutch asylum chain. One ChainModel is one replication: it owns the
// simulator, the persons, the resources and the recorder. Each chain stage lives in its own source
// file under sim/model/ (inflow, registration, ind, appeals, reception, housing, nareis, departure,
// ukraine) and adds its handlers to this class.
//
// A person's path is an explicit state machine: `Person::stage` says where the person is, events
// move them on. See docs/architecture.md for why this beats coroutines here.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "asylumsim/engine/recorder.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/engine/simulator.hpp"
#include "asylumsim/model/metrics.hpp"
#include "asylumsim/model/metrics_by_group.hpp"
#include "asylumsim/model/person.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

using engine::Tick;
using PersonId = std::uint32_t;
using scenario::kTracks;

enum EventKind : std::uint32_t {
  kMonthBoundary,
  kDaily,
  kFirstArrival,  // aux = group
  kRepeatArrival,
  kResettlementArrival,
  kRelocationArrival,
  kDublinInArrival,
  kArticle8Arrival,  // family member with a regular permit (art. 8 ECHR)
  kRegistrationDone,
  kLegalTermExpired,  // aux = how many legal-term changes had happened when it was scheduled
  kLegalTermChanged,  // the legal decision term changes (a step of ind.legal_term_days)
  kNotInTimeRuling,
  kAbscond,
  kCourtRuling,
  kCouncilRuling,
  kReceptionEnds,
  kRouteDone,
  kDublinTermEnds,
  kLinked,
  kNareisApply,
  kNareisArrival,
  kProtectionEnds,
  kShelterMoveOn,
  kRemoval,            // end of detention: the forced departure happens
  kPermitRenewal,      // a temporary asylum permit is due for renewal (IND work)
  kReRegistration,     // a person who left with unknown destination comes back (aux 1: absconded)
  kComesOfAge,         // an unaccompanied minor turns 18
  kInvestigationDone,  // further investigation of an IND case ends (aux = the case's epoch)
  kEventKinds
};

// A queued IND case. The epoch lets a case be moved (re-prioritised) without searching the queue:
// an entry whose epoch no longer matches the person's is stale and skipped. The key orders the
// ordinary line: the application date, or the resumption date of a case sent to the back.
struct QueueEntry {
  PersonId id = 0;
  std::uint32_t epoch = 0;
  Tick key = 0;
};
// Class 0: court-ordered or resumed, first come first served; class 1: by application date.
using IndQueue = engine::KeyedPriorityDiscipline<QueueEntry>;

// Streams: one per stochastic process, so scenarios differing in one input keep common random
// numbers in all others. A draw made only under some setting (a measure, a share above 0) has a
// stream of its own: drawing it must not shift any other process's numbers. Per-group streams are
// keyed by the group's name, so they do not depend on the order of the groups in the file.
struct Streams {
  using Stream = engine::RandomStream;
  // Inflow: each arrival process's gaps (each group's first applications, then repeat,
  // resettlement, relocation, Dublin transfers in, art. 8 family), each group's arrival profile
  // (unaccompanied minor, family, age), and the group chosen for each non-first process.
  std::vector<Stream> arrival_gaps, arrival_profile, group_choice;
  Stream registration, screening, tracks, dublin_claims, dublin_refusal, ind_priority,
      legal_term_notice, nidos, vbl;
  Stream decisions, va_referral, other_outcome, other_outcome_dtenv, abscond, investigation;
  Stream appeals, not_in_time;
  Stream link, logeerregeling, shelter_stay;
  Stream nareis, nareis_two_status, nareis_decisions, nareis_travel, nareis_join;
  Stream dublin_transfer, routes, travel_documents, route_timing, detention, non_asylum;
  Stream re_registration, re_registration_outside, ukraine, initial, initial_past;
  Streams(std::uint64_t seed, std::uint64_t rep, const scenario::Scenario& s);
};

struct RunTotals {
  std::uint64_t events = 0;
  std::uint64_t persons = 0;
  double seconds = 0.0;
};

class ChainModel {
 public:
  // The model keeps a reference to the scenario, which must outlive it.
  ChainModel(const scenario::Scenario& s, std::uint64_t replication);
  ChainModel(scenario::Scenario&&, std::uint64_t) = delete;
  // Runs to the scenario's end, or only up to `until` when earlier (everything before it is the
  // same as in a full run: later events cannot change it).
  RunTotals run(Tick until = engine::kNever);

  const engine::Recorder& recorder() const { return rec_; }
  const scenario::Scenario& scenario() const { return s_; }
  const std::vector<Person>& persons() const { return persons_; }
  const Metrics& metrics() const { return m_; }
  // Conservation: everyone who entered is in exactly one stage or has left. Throws on violation.
  void check_conservation() const;

  // Optional observer of every stage transition (tests, traces). Not for the hot path of batches.
  using TransitionObserver = std::function<void(PersonId, Stage from, Stage to, Tick at)>;
  void observe_transitions(TransitionObserver f) { observer_ = std::move(f); }

 private:
  friend struct ModelTestAccess;
  // --- kernel ---
  void dispatch(const engine::Event& e);
  void schedule(Tick at, EventKind k, PersonId who = 0, std::uint32_t aux = 0,
                engine::Priority p = engine::Priority::kNormal) {
    sim_.schedule_at(at, p, {k, who, aux});
  }
  engine::EventHandle schedule_cancellable(Tick at, EventKind k, PersonId who,
                                           std::uint32_t aux = 0) {
    return sim_.schedule_at(at, engine::Priority::kNormal, {k, who, aux});
  }
  Tick now() const { return sim_.now(); }
  double at(const scenario::Schedule& sch) const { return sch.at(sim_.now()); }
  Tick after_days(double d) const { return sim_.now() + engine::ticks_from_days(d); }
  double draw(const scenario::DistSchedule& d, engine::RandomStream& rng) const {
    return d.at(sim_.now()).sample(rng);
  }
  PersonId new_person(Origin origin, std::uint8_t group);
  void set_stage(PersonId id, Stage st);
  void on_month_boundary();
  void on_daily();
  void census();
  void record_places_short();
  void record_stay_quantiles();

  // --- inflow (inflow.cpp) ---
  void start_inflow();
  void schedule_next_arrival(EventKind k, std::uint32_t group);
  double arrival_rate_per_day(EventKind k, std::uint32_t group, Tick t) const;
  std::optional<double> file_first_applications_per_day(engine::Date d, std::uint32_t group) const;
  void on_arrival(EventKind k, std::uint32_t group);
  void receive_article8_family();

  // --- registration (registration.cpp) ---
  void register_person(PersonId id);
  void on_registration_done(PersonId id);
  scenario::Track draw_track(std::uint8_t group, engine::RandomStream& rng);
  scenario::Track send_dublin_claim();

  // --- IND (ind.cpp) ---
  // The ordinary line is ordered by `line_key`: the application date unless given.
  void enqueue_ind(PersonId id, scenario::Track t, unsigned priority,
                   Tick line_key = engine::kNever);
  void ind_daily();
  void decide_from_queue(scenario::Track t);
  void pass_unused_capacity(scenario::Track from, scenario::Track to);
  void decide(PersonId id);
  void schedule_legal_term_expiry(PersonId id, Tick due, engine::RandomStream& rng);
  void start_legal_term(PersonId id);
  void resume_legal_term(PersonId id);
  void on_legal_term_expired(PersonId id, std::uint32_t changes_seen);
  void on_legal_term_changed();
  void on_not_in_time_ruling(PersonId id);
  void on_abscond(PersonId id);
  bool start_investigation(PersonId id);
  void on_investigation_done(PersonId id, std::uint32_t epoch);
  bool under_moratorium(std::uint8_t group) const;
  bool resume_first(std::uint8_t group) const;
  void resume_moratoria();
  void grant_permit(PersonId id, PermitKind kind);
  void leave_ind_queue(PersonId id);

  // --- appeals (appeals.cpp) ---
  void on_rejection(PersonId id);
  void on_court_ruling(PersonId id);
  void on_council_ruling(PersonId id);
  void final_rejection(PersonId id);

  // --- reception (reception.cpp) ---
  void enter_coa(PersonId id, scenario::Location preferred, Intake intake);
  void move_coa(PersonId id, scenario::Location preferred);
  void leave_coa(PersonId id);
  void add_resident(PersonId id);
  void drop_resident(PersonId id);
  double refresh_reception_capacity();  // returns the total COA places (Nidos excluded)
  void accrue_daily_costs(double coa_places);
  void on_reception_ends(PersonId id, std::uint32_t epoch);
  // Leaving with unknown destination (MOB): `absconded` while waiting for the IND, or after a
  // final rejection. Counted as an unsupervised departure; a share re-registers later.
  void leave_with_unknown_destination(PersonId id, bool absconded);
  void on_re_registration(PersonId id, std::uint32_t absconded);
  void schedule_coming_of_age(PersonId id, engine::RandomStream& rng);
  void on_comes_of_age(PersonId id);

  // --- housing (housing.cpp) ---
  void on_linked(PersonId id);
  void housing_daily();
  void start_half_year();
  void house_household(PersonId head);
  void house_person(PersonId id);
  void stay_with_hosts(PersonId head);
  void record_coa_exit(PersonId id);
  bool take_linked_household(PersonId* head);
  void place_in_shelter(PersonId head, std::uint32_t kind);
  void on_shelter_move_on(PersonId id, std::uint32_t kind);
  void move_on_from_shelters();
  void leave_shelter(std::uint32_t kind);
  void on_permit_renewal();
  double forecast_quota() const;

  // --- nareis (nareis.cpp) ---
  // `window_used_days`: days of the application window already past (permits before the start).
  void maybe_apply_nareis(PersonId referent, double window_used_days = 0.0);
  void on_nareis_apply(PersonId referent);
  void nareis_daily();
  double nareis_capacity_per_week() const;
  void on_nareis_arrival(PersonId id);

  // --- departure (departure.cpp) ---
  void start_departure(PersonId id);
  Tick route_done_time(int route);
  void on_route_done(PersonId id, std::uint32_t epoch);
  void on_dublin_term_ends(PersonId id, std::uint32_t epoch);
  void depart(PersonId id, scenario::Route route);
  void leave_unsupervised(PersonId id);
  void leave_chain(PersonId id);
  void start_detention(PersonId id);
  void on_removal(PersonId id);
  // the departure caseload outside the asylum chain (stock-flow)
  void start_non_asylum();
  void non_asylum_daily();
  void record_non_asylum();

  // --- Ukraine (ukraine.cpp) ---
  void start_ukraine();
  void ukraine_daily();
  void on_protection_ends();
  void record_ukraine();
  void activate(bool in_municipal_reception);
  void leave_municipal_reception(PersonId id);

  // --- initial state (initial_state.cpp) ---
  void seed_initial_state();
  // The start population's past: when each resident entered COA (initial_state.cpp).
  void backdate_coa_entry(PersonId id, Tick since);
  Tick past_application(Tick decided, engine::RandomStream& rng) const;

  const scenario::Scenario& s_;
  engine::Calendar cal_;
  engine::Simulator<> sim_;
  engine::Recorder rec_;
  Metrics m_;
  GroupMetrics gm_;  // the same flows and stocks per nationality group
  Streams rng_;
  std::vector<Person> persons_;
  std::array<std::uint64_t, kStages> stage_count_{};

  std::vector<double> arrival_clock_;  // per arrival process, exact time in ticks
  std::vector<PersonId> residents_;    // persons with a COA place, for the monthly census
  // What the census reads of each resident, dense and in the same order as residents_, so the
  // monthly scan streams through memory instead of visiting person records at random.
  struct ResidentCensus {
    engine::Tick coa_since;
    engine::Tick permit_at;  // kNever unless a permit holder
  };
  std::vector<ResidentCensus> resident_census_;
  std::vector<double> stay_months_;  // the census's scratch: every resident's stay, in months
  double renewal_work_ = 0;  // decision-equivalents of permit renewals the IND still has to do
  // reception
  engine::CapacityStock coa_;
  // IND
  std::array<IndQueue, kTracks> ind_queue_;
  std::array<engine::PeriodicQuota, kTracks> ind_capacity_;
  std::array<std::int64_t, kTracks> ind_waiting_{};
  std::vector<QueueEntry> paused_;  // cases held by a moratorium
  // Each change of the legal decision term: when, and the term in force before it. A waiting case
  // not yet past the old term gets a new expiry; its earlier one is then superseded.
  struct LegalTermChange {
    Tick at;
    Tick term_before;
  };
  std::vector<LegalTermChange> legal_term_changes_;
  // housing
  engine::RingQueue<PersonId> housing_queue_;  // linked household heads, FIFO by link time
  struct ShelterLeaver {
    PersonId id;
    std::uint32_t kind;  // 0 HAR+ shelter, 1 doorstroomlocatie
  };
  engine::RingQueue<ShelterLeaver> shelter_leavers_;  // stay over, waiting for a regular home
  engine::PeriodicQuota housing_capacity_;
  engine::PeriodicQuota har_plus_capacity_;
  std::int64_t transit_occupied_ = 0;
  double half_year_quota_ = 0, half_year_realised_ = 0, backlog_at_half_start_ = 0;
  double permits_this_half_ = 0, permits_last_half_ = 0;
  // nareis
  engine::RingQueue<PersonId> nareis_queue_;
  engine::PeriodicQuota nareis_capacity_;
  // departure: immigration detention for forced removals
  engine::ServerPool<PersonId> detention_{0};
  // departure caseload outside the asylum chain, per route
  std::array<std::int64_t, scenario::kNonAsylumRoutes> non_asylum_caseload_{};
  // Ukraine
  std::int64_t ukraine_registered_ = 0;
  std::int64_t ukraine_municipal_ = 0;
  std::int64_t activated_in_municipal_ = 0;  // activated applicants still in municipal reception
  TransitionObserver observer_;
  int month_ = 0;
};

}  // namespace asylumsim::model
