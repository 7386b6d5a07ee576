// Attaching the per-replication draws of the uncertain inputs to a scenario (docs/uncertainty.md):
// the calibrated parameters from calibration.posterior and the future inflow from
// uncertainty.inflow. The sources and their keys are montecarlo/uncertainty.hpp.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/uncertainty.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::calibration {

using montecarlo::UncertaintySources;

// Gives `s` (loaded from `path` with the --set overrides `sets`) per-replication draws of the
// `wanted` sources it carries, and returns those; the others are left out. Free parameters named
// in `held` (a sweep's --vary paths) or by a --set (or under one) keep the scenario's value
// instead of being drawn.
UncertaintySources attach_uncertainty(scenario::Scenario& s, const std::string& path,
                                      const std::vector<std::string>& sets,
                                      UncertaintySources wanted,
                                      const std::vector<std::string>& held = {});

// The same from a resolved scenario text (the backtest's fitted scenario).
UncertaintySources attach_uncertainty_text(scenario::Scenario& s, std::string resolved_text,
                                           const std::string& file, UncertaintySources wanted,
                                           const std::vector<std::string>& held = {});

}  // namespace asylumsim::calibration
