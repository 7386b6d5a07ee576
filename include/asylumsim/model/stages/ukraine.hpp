// Stage 9, Ukraine: displaced persons under EU temporary protection, a stock-flow model with its
// own municipal reception (sim/model/ukraine.cpp). When protection ends, activated applications
// become persons of the chain, in the IND queue.
#pragma once

#include <cstdint>

#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class RegistrationStage;
class ReceptionStage;
class IndStage;

class UkraineStage : StageBase {
 public:
  UkraineStage(Kernel& k, RegistrationStage& registration, ReceptionStage& reception,
               IndStage& ind);

  void start();
  void daily();
  void on_protection_ends();  // kProtectionEnds
  // Called (through the kernel) when an activated applicant in municipal reception reaches a stage
  // outside it.
  void leave_municipal_reception(PersonId id);

  // Activated applicants still in municipal reception (conservation recounts the flag).
  std::int64_t activated_in_municipal() const { return activated_in_municipal_; }

 private:
  friend struct ModelTestAccess;
  void record();
  void activate(bool in_municipal_reception);

  RegistrationStage& registration_;
  ReceptionStage& reception_;
  IndStage& ind_;
  engine::RandomStream rng_;
  std::int64_t registered_ = 0;
  std::int64_t municipal_ = 0;
  std::int64_t activated_in_municipal_ = 0;
};

}  // namespace asylumsim::model
