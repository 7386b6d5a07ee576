// Stage 7, family reunification (nareis): applications of new permit holders for their family,
// the IND's mvv decisions, travel, and arrival with a derived permit (sim/model/nareis.cpp).
#pragma once

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
  // A family member abroad of the start state, waiting for an mvv decision.
  void add_waiting(PersonId id) { queue_.push(id); }

  std::size_t waiting() const { return queue_.size(); }

 private:
  double capacity_per_week() const;

  ReceptionStage& reception_;
  HousingStage& housing_;
  IndStage& ind_;
  engine::RingQueue<PersonId> queue_;
  engine::PeriodicQuota capacity_{false};
  engine::RandomStream rng_, two_status_rng_, decisions_rng_, travel_rng_, join_rng_;
};

}  // namespace asylumsim::model
