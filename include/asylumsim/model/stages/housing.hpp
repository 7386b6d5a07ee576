// Stage 6, permit holders and housing (taakstelling): linking to a municipality, the half-year's
// quota and realisation, HAR+ shelter, doorstroomlocaties and the logeerregeling
// (sim/model/housing.cpp).
#pragma once

#include <cstdint>

#include "asylumsim/engine/queue_discipline.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class ReceptionStage;

class HousingStage : StageBase {
 public:
  HousingStage(Kernel& k, ReceptionStage& reception);

  // A new permit holder is linked to a municipality after the link duration (kLinked).
  void schedule_link(PersonId id) {
    schedule(after_days(draw(s_.housing.link_duration, link_rng_)), kLinked, id);
  }
  void on_linked(PersonId id);  // kLinked
  void daily();
  // Rolls the half-year's balance over and sets the new quota (run start, January and July).
  void start_half_year();
  double half_year_quota() const { return half_year_quota_; }
  // A permit this half-year: the model's own quota forecast for the next one counts them.
  void count_permit() { permits_this_half_ += 1; }
  void house_person(PersonId id);
  void on_shelter_move_on(PersonId id, std::uint32_t kind);  // kShelterMoveOn

  // Linked household heads waiting for a home (each once; the line also holds stale entries).
  std::int64_t households_waiting() const;
  std::int64_t in_transit() const { return transit_occupied_; }

 private:
  void house_household(PersonId head);
  void stay_with_hosts(PersonId head);
  void record_coa_exit(PersonId id);
  bool take_linked_household(PersonId* head);
  bool is_waiting_head(PersonId h) const;
  void place_in_shelter(PersonId head, std::uint32_t kind);
  void move_on_from_shelters();
  void leave_shelter(std::uint32_t kind);
  double forecast_quota() const;

  ReceptionStage& reception_;
  engine::RingQueue<PersonId> queue_;  // linked household heads, FIFO by link time
  struct ShelterLeaver {
    PersonId id;
    std::uint32_t kind;  // 0 HAR+ shelter, 1 doorstroomlocatie
  };
  engine::RingQueue<ShelterLeaver> shelter_leavers_;  // stay over, waiting for a regular home
  engine::PeriodicQuota capacity_{false};
  engine::PeriodicQuota har_plus_capacity_;
  std::int64_t transit_occupied_ = 0;
  double half_year_quota_ = 0, half_year_realised_ = 0, backlog_at_half_start_ = 0;
  double permits_this_half_ = 0, permits_last_half_ = 0;
  engine::RandomStream link_rng_, logeer_rng_, shelter_stay_rng_;
};

}  // namespace asylumsim::model
