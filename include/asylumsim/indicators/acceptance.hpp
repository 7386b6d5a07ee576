// The acceptance band of a documented figure (issue 4): flows and stocks within ±10%, durations
// within ±15%, shares within ±5 percentage points, and the key figures within ±5%: COA occupancy
// and permit holders in COA, IND decisions and grants on first applications, housing realised,
// the taakstelling backlog on 2026-01-01, first applications and chain-wide departures.
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
