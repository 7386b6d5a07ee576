// Calibration: fit a scenario's free parameters (named with bounds in its `calibration:` block) to
// documented figures by minimising a weighted loss over the targets, averaged over replications
// with common random numbers (every evaluation uses the same seed and replications, so the loss is
// a smooth, deterministic function of the parameters), with bounded Levenberg–Marquardt on the
// per-figure residuals or bounded Nelder–Mead on the loss.
#pragma once

#include <yaml-cpp/yaml.h>

#include <Eigen/Dense>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/montecarlo/validation.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::calibration {

struct FreeParameter {
  std::string path;  // e.g. ind.capacity_per_week.aa[1].value
  double min = 0, max = 0, start = 0;
  int line = 0, column = 0;  // of the value in the scenario file (1-based)
};

struct CalibrationSpec {
  std::vector<FreeParameter> parameters;
  int replications = 4;
  int max_evaluations = 150;
  std::map<std::string, double> weights;  // per target id; default 1
  // How a figure's error enters the loss: relative error, or the error the acceptance band is
  // measured in divided by the band's half-width (shares in points; key figures count 4x).
  enum class Scale { kRelative, kAcceptance } scale = Scale::kRelative;
  // The loss is sum_i w_i |e_i|^power / sum_i w_i. 2 is least squares; a higher power weighs the
  // worst figures more and approaches the acceptance test's max-norm ("every figure within its
  // band"), where least squares may trade one figure just outside for many well inside.
  double power = 2;
  enum class Method { kNelderMead, kLevenbergMarquardt } method = Method::kNelderMead;
  double difference_step = 0.02;  // Levenberg–Marquardt's Jacobian step, fraction of each range
  double weight(const std::string& id) const;
};

// Reads and checks the `calibration:` block; throws InputError (FILE:LINE:COLUMN: key: message).
CalibrationSpec read_calibration(const YAML::Node& root, const std::string& file);

// The scenario with the parameters set to `values` (in the order of spec.parameters).
scenario::Scenario scenario_with(const YAML::Node& root, const CalibrationSpec& spec,
                                 const Eigen::VectorXd& values, const std::string& file);

// The per-figure residuals sqrt(w_i / sum w) * sign(e_i) |e_i|^(power/2), with e_i the error on the
// spec's scale; their squared norm is the loss.
Eigen::VectorXd residuals(const std::vector<montecarlo::ValidationRow>& rows,
                          const CalibrationSpec& spec);

// Weighted mean of |error|^power of the model means against the targets, on the spec's scale.
double loss(const std::vector<montecarlo::ValidationRow>& rows, const CalibrationSpec& spec);

struct CalibrationResult {
  Eigen::VectorXd start, best;
  double start_loss = 0, loss = 0;
  int evaluations = 0;
  int infeasible = 0;  // trial points the scenario's checks rejected (infinite loss)
  bool converged = false;
  std::vector<indicators::Target> targets;
  std::vector<montecarlo::ValidationRow> rows;  // validation of the best point
};

struct CalibrationOptions {
  int threads = 1;
  int replications = 0;                           // 0: the spec's
  int max_evaluations = 0;                        // 0: the spec's
  std::optional<CalibrationSpec::Method> method;  // unset: the spec's
  std::function<void(int evaluations, double best_loss)> progress;
};

CalibrationResult calibrate(const std::string& scenario_text, const std::string& file,
                            const std::vector<indicators::Target>& targets,
                            const CalibrationOptions& opt);

// The input text with each fitted value written in place (comments and layout kept), headed by a
// comment block saying when and against which targets it was fitted.
// "levenberg-marquardt" or "nelder-mead"; parse_method returns nullopt for anything else.
std::string method_name(CalibrationSpec::Method m);
std::optional<CalibrationSpec::Method> parse_method(const std::string& name);

std::string calibrated_text(const std::string& scenario_text, const CalibrationSpec& spec,
                            const Eigen::VectorXd& values, const std::string& header);

// The time now, for headers: "2026-12-02 14:05 UTC".
std::string utc_now();

// Where a calibrated file comes from, for its header.
struct CalibrationProvenance {
  std::string command_line;
  std::string scenario_name, scenario_hash;
  std::string targets_path;
  std::size_t targets = 0;
  int replications = 0;  // per evaluation
  CalibrationSpec::Method method = CalibrationSpec::Method::kNelderMead;
};
// The comment block a calibrated scenario file starts with: the command and time (UTC), the
// scenario and targets, the optimiser's budget and outcome, the loss before and after, and every
// fitted parameter with its old value and bounds.
std::string calibrated_header(const CalibrationProvenance& p, const CalibrationSpec& spec,
                              const CalibrationResult& r);

}  // namespace asylumsim::calibration
