// Stage 2, registration in Ter Apel, the EU Pact screening from its start date, and the
// assignment to an IND track (sim/model/registration.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class ReceptionStage;
class IndStage;

class RegistrationStage : StageBase {
 public:
  RegistrationStage(Kernel& k, ReceptionStage& reception, IndStage& ind);

  void register_person(PersonId id);
  void on_registration_done(PersonId id);  // kRegistrationDone
  // A track by the group's shares, on the caller's stream.
  scenario::Track draw_track(std::uint8_t group, engine::RandomStream& rng);

 private:
  scenario::Track send_dublin_claim(bool& sent);
  // line_key: the place in the ordinary line (the application date unless given).
  void enter_ind(PersonId id, scenario::Track track, unsigned priority,
                 Tick line_key = engine::kNever);
  PersonId household_member_waiting(PersonId id) const;
  void join_household_case(PersonId id);

  ReceptionStage& reception_;
  IndStage& ind_;
  engine::RandomStream rng_, screening_rng_, tracks_rng_, dublin_claims_rng_, dublin_refusal_rng_,
      nidos_rng_;
  // Per household head: the case the household's first member to register drew.
  struct HouseholdCase {
    std::uint8_t track = 0;
    std::uint8_t priority = 1;
    bool claim_sent = false;
    bool drawn = false;
  };
  std::vector<HouseholdCase> cases_;
};

}  // namespace asylumsim::model
