// Bounded Nelder–Mead minimisation on Eigen. Parameters live in a box; the search runs in the
// unit cube and every trial point is clamped to it, so no evaluation ever leaves the bounds.
#pragma once

#include "asylumsim/calibration/optimiser.hpp"

namespace asylumsim::calibration {

struct NelderMeadOptions {
  int max_evaluations = 200;
  double initial_step = 0.15;  // simplex edge, as a fraction of each parameter's range
  double tolerance = 1e-6;     // stop when the simplex's loss spread falls below this
  OptimiserProgress progress;
};

using NelderMeadResult = OptimiserResult;

NelderMeadResult nelder_mead(const std::function<double(const Eigen::VectorXd&)>& f,
                             const Eigen::VectorXd& start, const Eigen::VectorXd& lower,
                             const Eigen::VectorXd& upper, const NelderMeadOptions& opt);

}  // namespace asylumsim::calibration
