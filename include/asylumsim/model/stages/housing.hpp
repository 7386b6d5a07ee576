// Stage 6, permit holders and housing (taakstelling): linking to a municipality, the half-year's
// quota and realisation per class of municipalities, the urgent lane, HAR+ shelter,
// doorstroomlocaties and the logeerregeling (sim/model/housing.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "asylumsim/engine/queue_discipline.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/kernel.hpp"
#include "asylumsim/model/stages/municipal_line.hpp"

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
  // Minors with a permit are not housed directly: municipalities house them from 18 (brief 1.5).
  // A minor granted in COA waits there and is linked when it comes of age (when the scenario
  // models coming of age, reception.amv_time_to_adulthood; else it is linked at once).
  bool links_at_adulthood(const Person& p) const {
    return (p.flags & flag::kAmv) && s_.reception.amv_time_to_adulthood.has_value();
  }
  void on_comes_of_age(PersonId id);
  void daily();
  // Rolls the half-year's balance over and sets the new quota (run start, January and July).
  void start_half_year();
  double half_year_quota() const { return half_year_quota_; }
  // A permit this half-year: the model's own quota forecast for the next one counts them.
  void count_permit() { permits_this_half_ += 1; }
  // household_band: the size band the exit counts in (Metrics::household_band); 0: one person.
  void house_person(PersonId id, int household_band = 0);
  void on_shelter_move_on(PersonId id, std::uint32_t kind);  // kShelterMoveOn

  // Linked household heads waiting for a home (each once; the line also holds stale entries).
  std::int64_t households_waiting() const;
  std::int64_t in_transit() const { return transit_occupied_; }
  // The class of municipalities a person was linked or housed in (index into
  // housing.municipalities); -1 when none (not linked, or housed without a link).
  int municipal_class(PersonId id) const {
    return id < line_of_.size() && line_of_[id] != kUnlinked ? line_of_[id] : -1;
  }

 private:
  using ShelterLeaver = MunicipalLine::ShelterLeaver;
  static constexpr std::uint8_t kUnlinked = 0xff;
  static_assert(scenario::kMaxMunicipalityClasses < kUnlinked);

  void house_household(PersonId head, std::size_t line);
  void assign_line(PersonId id, std::size_t line);
  void stay_with_hosts(PersonId head);
  void record_coa_exit(PersonId id, int household);
  int household_band(PersonId head) const;
  void count_realised(PersonId id);
  std::size_t draw_line(engine::RandomStream& rng);
  std::size_t dwelling_sizes() const {
    return s_.housing.dwelling_bands ? MunicipalLine::kSizes : 1;
  }
  std::size_t dwelling_size(PersonId head) const;
  engine::RingQueue<PersonId>* waiting_queue(MunicipalLine& line, std::size_t size);
  engine::RingQueue<PersonId>* fitting_queue(MunicipalLine& line, std::size_t size);
  bool is_waiting_head(PersonId h) const;
  double persons_waiting(PersonId head) const;
  // Calls f(id) for the head and each member housed with it: those of its household who hold a
  // permit and wait (members who left meanwhile, or were housed, are skipped).
  template <class F>
  void for_each_waiting_member(PersonId head, F&& f) const;
  bool fits(const MunicipalLine& line, PersonId head) const;
  MunicipalLine* oldest_fitting_line(std::size_t size);
  void house_from_line(MunicipalLine& line);
  void house_in_adapted_dwellings();
  void place_in_shelter(PersonId head, std::uint32_t kind);
  void move_on_from_shelters(MunicipalLine& line);
  void leave_shelter(std::uint32_t kind);
  double forecast_quota() const;
  void set_start_balances();
  void share_capacity();
  void offer_sizes(MunicipalLine& line);

  ReceptionStage& reception_;
  std::vector<MunicipalLine> lines_;   // one per class of municipalities (one: a national line)
  std::vector<std::uint8_t> line_of_;  // per person: the line linked to (kUnlinked: none)
  engine::PeriodicQuota har_plus_capacity_;
  engine::PeriodicQuota adapted_dwellings_;  // large-family scheme, dwellings per day
  std::int64_t transit_occupied_ = 0;
  bool half_years_started_ = false;  // the first half-year takes the start backlog
  double half_year_quota_ = 0, backlog_at_half_start_ = 0;
  double obligation_ = 0;  // quota + backlog on the half-year's first day (none when ahead)
  double permits_this_half_ = 0, permits_last_half_ = 0;
  engine::RandomStream link_rng_, logeer_rng_, shelter_stay_rng_, municipality_rng_, urgent_rng_,
      initial_shelter_rng_;
};

template <class F>
void HousingStage::for_each_waiting_member(PersonId head, F&& f) const {
  // The next member is read before f runs: housing a member does not change the chain, but
  // reading ahead keeps the walk independent of what f does to the current one.
  PersonId m = head;
  while (m != kNoPerson) {
    const Person& p = k_.persons[m];
    const PersonId next = p.next_member;
    if (p.head == head && p.stage == Stage::kPermitHolder) f(m);
    m = next;
  }
}

}  // namespace asylumsim::model
