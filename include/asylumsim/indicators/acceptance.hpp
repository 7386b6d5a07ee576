// The acceptance band of a documented figure (issue 4): flows and stocks within ±10%, durations
// within ±15%, shares within ±5 percentage points, and the key figures (tag `key`, tags.hpp)
// within ±5%.
#pragma once

#include "asylumsim/indicators/targets.hpp"

namespace asylumsim::indicators {

struct Acceptance {
  double tolerance = 0.10;
  bool relative = true;  // false: an absolute difference (shares, in share points)
  bool key = false;
};
Acceptance acceptance_for(const Target& t);

}  // namespace asylumsim::indicators
