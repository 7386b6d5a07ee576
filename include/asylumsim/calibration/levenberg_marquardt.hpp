// Bounded Levenberg–Marquardt least squares on Eigen, for losses that are sums of squared residuals
// (one per documented figure). The Jacobian comes from forward differences with a step that is a
// fixed fraction of each parameter's range: a discrete-event model under common random numbers is
// smooth only at that scale (an infinitesimal step moves no event and sees a zero derivative).
// The search runs in the unit cube; a parameter at a bound that the step would push across is held
// there and the step re-solved for the others (a projected, active-set step).
#pragma once

#include "asylumsim/calibration/optimiser.hpp"

namespace asylumsim::calibration {

struct LevenbergMarquardtOptions {
  int max_evaluations = 200;
  double difference_step = 0.02;  // forward-difference step, as a fraction of each range
  double tolerance = 1e-6;        // stop after three accepted steps in a row gain less (relative)
  OptimiserProgress progress;
};

using ResidualFunction = std::function<Eigen::VectorXd(const Eigen::VectorXd&)>;

// Minimises the squared norm of `residuals` over the box [lower, upper]. Each iteration costs one
// evaluation per parameter (the Jacobian) plus one per trial step; the best point evaluated is
// returned.
OptimiserResult levenberg_marquardt(const ResidualFunction& residuals, const Eigen::VectorXd& start,
                                    const Eigen::VectorXd& lower, const Eigen::VectorXd& upper,
                                    const LevenbergMarquardtOptions& opt);

}  // namespace asylumsim::calibration
