// Stage 4, appeals: beroep at the district court and hoger beroep at the Council of State
// (sim/model/appeals.cpp). Upheld decisions become final; annulled ones go back to the IND.
#pragma once

#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class IndStage;
class DepartureStage;

class AppealsStage : StageBase {
 public:
  AppealsStage(Kernel& k, IndStage& ind, DepartureStage& departure);

  void on_rejection(PersonId id);       // a rejection at first instance: appeal or final
  void on_court_ruling(PersonId id);    // kCourtRuling
  void on_council_ruling(PersonId id);  // kCouncilRuling
  void final_rejection(PersonId id);    // into the DTenV caseload

 private:
  void back_to_ind(PersonId id);

  IndStage& ind_;
  DepartureStage& departure_;
  engine::RandomStream rng_;
};

}  // namespace asylumsim::model
