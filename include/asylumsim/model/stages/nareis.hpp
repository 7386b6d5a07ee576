// Stage 7, family reunification (nareis): applications of new permit holders for their family,
// the IND's mvv decisions, travel, and arrival with a derived permit (sim/model/nareis.cpp).
#pragma once

#include <vector>

#include "asylumsim/engine/queue_discipline.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class ReceptionStage;
class HousingStage;
class IndStage;

class NareisStage : StageBase {
 public:
  NareisStage(Kernel& k, ReceptionStage& reception, HousingStage& housing, IndStage& ind);

  // `window_used_days`: days of the application window already past (permits before the start).
  void maybe_apply(PersonId referent, double window_used_days = 0.0);
  void on_apply(PersonId referent);  // kNareisApply
  void daily();
  void on_arrival(PersonId id);  // kNareisArrival
  // A family member abroad of the start state, waiting for an mvv decision (Person::head: the
  // family's first member, since the referent is not in the model).
  void add_waiting(PersonId id) { queue_.push(id); }

  std::size_t waiting() const { return queue_.size(); }

 private:
  double capacity_per_week() const;
  bool referent_in_model(PersonId key) const;
  PersonId family_waiting_for_home(PersonId key) const;
  void join_household_in_coa(PersonId id, PersonId head);

  // Per family (keyed by its referent, or by its first member when the referent is not in the
  // model): the household its arrived members form in COA, or kNoPerson.
  std::vector<PersonId> family_household_;

  ReceptionStage& reception_;
  HousingStage& housing_;
  IndStage& ind_;
  engine::RingQueue<PersonId> queue_;
  engine::PeriodicQuota capacity_{false};
  engine::RandomStream rng_, two_status_rng_, decisions_rng_, travel_rng_, join_rng_;
};

}  // namespace asylumsim::model
