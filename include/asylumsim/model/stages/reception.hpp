// Stage 5, COA reception: places by location type with an overflow chain, the end of reception
// after a final rejection, Nidos for unaccompanied minors, leaving with unknown destination and
// re-registration (sim/model/reception.cpp).
#pragma once

#include <cstdint>

#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class DepartureStage;
class IndStage;

class ReceptionStage : StageBase {
 public:
  ReceptionStage(Kernel& k, DepartureStage& departure, IndStage& ind);

  void enter_coa(PersonId id, scenario::Location preferred, Intake intake);
  void move_coa(PersonId id, scenario::Location preferred);
  void leave_coa(PersonId id);
  // Sets the day's places by location; returns the total COA places (Nidos excluded).
  double refresh_capacity();
  void accrue_daily_costs(double coa_places);
  void on_reception_ends(PersonId id, std::uint32_t epoch);  // kReceptionEnds
  // Leaving with unknown destination (MOB): `absconded` while waiting for the IND, or after a
  // final rejection. Counted as an unsupervised departure; a share re-registers later.
  void leave_with_unknown_destination(PersonId id, bool absconded);
  void on_re_registration(PersonId id, std::uint32_t absconded);  // kReRegistration
  void schedule_coming_of_age(PersonId id, engine::RandomStream& rng);
  bool on_comes_of_age(PersonId id);  // kComesOfAge; false when the minor was one no longer

  const engine::CapacityStock& places() const { return coa_; }

 private:
  friend struct ModelTestAccess;

  DepartureStage& departure_;
  IndStage& ind_;
  engine::CapacityStock coa_;
  engine::RandomStream vbl_rng_, re_registration_rng_, re_registration_outside_rng_;
};

}  // namespace asylumsim::model
