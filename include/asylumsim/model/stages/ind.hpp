// Stage 3, IND decisions: a queue and a weekly decision capacity per track, moratoria, further
// investigation, the legal decision term and not-in-time appeals, absconding while waiting, and
// the grant of a permit (sim/model/ind.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "asylumsim/engine/queue_discipline.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

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

class AppealsStage;
class DepartureStage;
class ReceptionStage;
class HousingStage;
class NareisStage;

class IndStage : StageBase {
 public:
  IndStage(Kernel& k, AppealsStage& appeals, DepartureStage& departure, ReceptionStage& reception,
           HousingStage& housing, NareisStage& nareis);

  // The ordinary line is ordered by `line_key`: the application date unless given.
  void enqueue(PersonId id, scenario::Track t, unsigned priority, Tick line_key = engine::kNever);
  // Class 0 (first) for a share of the track's cases (ind.priority_share), else 1.
  unsigned draw_priority(scenario::Track t) {
    return priority_rng_.bernoulli(at(s_.ind.priority_share[t])) ? 0u : 1u;
  }
  void daily();
  void grant_permit(PersonId id, PermitKind kind);
  void schedule_permit_renewal(PersonId id);  // a permit granted now (derived ones too)
  // The legal term of a waiting case runs out at `due`: a not-in-time appeal may follow (the
  // notice period is drawn on `rng`, or on the IND's own stream).
  void schedule_legal_term_expiry(PersonId id, Tick due, engine::RandomStream& rng);
  void schedule_legal_term_expiry(PersonId id, Tick due) {
    schedule_legal_term_expiry(id, due, legal_term_notice_rng_);
  }
  void start_legal_term(PersonId id);
  void resume_legal_term(PersonId id);
  void on_legal_term_expired(PersonId id, std::uint32_t changes_seen);  // kLegalTermExpired
  void on_legal_term_changed();                                         // kLegalTermChanged
  void on_not_in_time_ruling(PersonId id);                              // kNotInTimeRuling
  void on_abscond(PersonId id);                                         // kAbscond
  void on_investigation_done(PersonId id, std::uint32_t epoch);         // kInvestigationDone
  void on_permit_renewal();                                             // kPermitRenewal

  std::int64_t waiting(int track) const { return waiting_[track]; }

 private:
  friend struct ModelTestAccess;
  void decide_from_queue(scenario::Track t);
  void pass_unused_capacity(scenario::Track from, scenario::Track to);
  enum class Outcome : std::uint8_t { kOther, kGrant, kReject };
  void collect_household(PersonId id);
  void decide(PersonId id);
  void refer_to_va(PersonId id);
  void apply_decision(PersonId id, Outcome outcome);
  void end_without_decision(PersonId id);
  void stay_with_household_or_leave(PersonId id);
  bool chained_behind(PersonId head, PersonId id) const;
  bool start_investigation(PersonId id);
  bool under_moratorium(std::uint8_t group) const;
  bool resume_first(std::uint8_t group) const;
  void resume_moratoria();
  void leave_queue(PersonId id);

  AppealsStage& appeals_;
  DepartureStage& departure_;
  ReceptionStage& reception_;
  HousingStage& housing_;
  NareisStage& nareis_;
  std::array<IndQueue, kTracks> queue_;
  std::array<engine::PeriodicQuota, kTracks> capacity_;
  std::array<std::int64_t, kTracks> waiting_{};
  std::vector<QueueEntry> paused_;   // cases held by a moratorium
  std::vector<PersonId> household_;  // the household decided with the case at the front
  std::vector<PersonId> successor_;  // per household head without a home: who heads the rest
  // Each change of the legal decision term: when, and the term in force before it. A waiting case
  // not yet past the old term gets a new expiry; its earlier one is then superseded.
  struct LegalTermChange {
    Tick at;
    Tick term_before;
  };
  std::vector<LegalTermChange> legal_term_changes_;
  double renewal_work_ = 0;  // decision-equivalents of permit renewals still to do
  engine::RandomStream priority_rng_, legal_term_notice_rng_, decisions_rng_, va_referral_rng_,
      other_outcome_rng_, other_outcome_dtenv_rng_, abscond_rng_, investigation_rng_,
      not_in_time_rng_;
};

}  // namespace asylumsim::model
