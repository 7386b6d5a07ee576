// Stage 1, inflow: first applications per nationality group (non-homogeneous Poisson), repeat
// applications, resettlement, relocation, Dublin transfers in and art. 8 family members
// (sim/model/inflow.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "asylumsim/model/household.hpp"
#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class RegistrationStage;
class ReceptionStage;
class IndStage;
class HousingStage;

class InflowStage : StageBase {
 public:
  InflowStage(Kernel& k, RegistrationStage& registration, ReceptionStage& reception, IndStage& ind,
              HousingStage& housing);

  void start();
  void on_arrival(EventKind k, std::uint32_t group);  // the six arrival kinds

 private:
  void schedule_next_arrival(EventKind k, std::uint32_t group);
  double arrival_rate_per_day(EventKind k, std::uint32_t group, Tick t) const;
  std::optional<double> file_first_applications_per_day(engine::Date d, std::uint32_t group) const;
  void receive_article8_family();
  void join_household(PersonId id, std::uint32_t group);

  RegistrationStage& registration_;
  ReceptionStage& reception_;
  IndStage& ind_;
  HousingStage& housing_;
  std::vector<double> arrival_clock_;  // per arrival process, exact time in ticks
  // Each arrival process's gaps (each group's first applications, then repeat, resettlement,
  // relocation, Dublin transfers in, art. 8 family), each group's arrival profile (unaccompanied
  // minor, family, age), and the group chosen for each non-first process.
  std::vector<engine::RandomStream> gap_rngs_, profile_rngs_, group_choice_rngs_;
  // Households of first applicants, per group: the size drawn for each new household, and the
  // household still taking members (its first member and the places left in it).
  std::vector<engine::RandomStream> household_rngs_;
  HouseholdFiller households_;
};

}  // namespace asylumsim::model
