// Parameter uncertainty (docs/calibration.md, "Parameter uncertainty"): a Gaussian approximation
// of the joint distribution of the calibration's free parameters, in the bounded transformed space
// z = logit((x - min) / (max - min)), from the residuals and their Jacobian at the calibrated
// point. Stored in the scenario as `calibration.posterior:`; each replication draws one parameter
// set from its own keyed stream ("uncertainty.parameters").
#pragma once

#include <yaml-cpp/yaml.h>

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/indicators/targets.hpp"

namespace asylumsim::calibration {

struct Posterior {
  std::vector<std::string> paths;  // the free parameters, in the calibration block's order
  Eigen::VectorXd mean;            // in z
  Eigen::MatrixXd cholesky;        // lower triangular: covariance = L L^T, in z
  double residual_variance = 0;    // s^2 = |r|^2 / max(n - p, 1)
  int figures = 0;
};

// A tick safely after the last figure the targets read (two months past the latest date or period
// end, so the month boundary that closes it is included; the rest of the horizon cannot change
// them); kNever when the horizon ends sooner.
engine::Tick last_target_tick(const std::vector<indicators::Target>& targets,
                              const scenario::Scenario& s);

// z of `x` (values clamped a thousandth of the range inside the bounds) and back.
Eigen::VectorXd to_transformed(const CalibrationSpec& spec, const Eigen::VectorXd& x);
Eigen::VectorXd from_transformed(const CalibrationSpec& spec, const Eigen::VectorXd& z);

// The Gaussian approximation at x given the residuals r there and their Jacobian dr/dx: precision
// J_z^T J_z / s^2 plus the prior 3/pi^2 per parameter (a uniform prior on the range is a standard
// logistic in z, matched in variance), centred on z(x).
Posterior gaussian_posterior(const CalibrationSpec& spec, const Eigen::VectorXd& x,
                             const Eigen::VectorXd& r, const Eigen::MatrixXd& jacobian_x);

// Residuals at the scenario's current values and their forward-difference Jacobian (one batch per
// parameter, step spec.difference_step of each range, common random numbers): no refit.
Posterior posterior_at_current_point(const std::string& scenario_text, const std::string& file,
                                     const std::vector<indicators::Target>& targets,
                                     const CalibrationOptions& opt);

// calibration.posterior of `root`, or nullopt; throws InputError when it does not match the
// calibration block (other paths, wrong sizes).
std::optional<Posterior> read_posterior(const YAML::Node& root, const CalibrationSpec& spec,
                                        const std::string& file);

// One parameter set, in x, for replication `rep` of a run with master seed `seed`; `attempt` > 0
// draws again from a stream of its own (when the scenario's checks rejected the earlier draw).
Eigen::VectorXd draw_parameters(const Posterior& p, const CalibrationSpec& spec, std::uint64_t seed,
                                std::uint64_t rep, int attempt = 0);

// Writes `p` as root's calibration.posterior (the backtest's fitted tree).
void set_posterior(YAML::Node root, const Posterior& p);

// The scenario text with its calibration block's `posterior:` written (an earlier one replaced);
// `note` becomes the block's comment (the command that produced it).
std::string text_with_posterior(const std::string& scenario_text, const Posterior& p,
                                const std::string& note);

}  // namespace asylumsim::calibration
