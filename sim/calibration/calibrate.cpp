#include "asylumsim/calibration/calibrate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

#include "asylumsim/calibration/levenberg_marquardt.hpp"
#include "asylumsim/calibration/nelder_mead.hpp"
#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/validation.hpp"
#include "asylumsim/scenario/key_path.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::calibration {

using scenario::resolve_key_path;

double CalibrationSpec::weight(const std::string& id) const {
  auto it = weights.find(id);
  return it == weights.end() ? 1.0 : it->second;
}

std::string method_name(CalibrationSpec::Method m) {
  return m == CalibrationSpec::Method::kLevenbergMarquardt ? "levenberg-marquardt" : "nelder-mead";
}

std::optional<CalibrationSpec::Method> parse_method(const std::string& name) {
  if (name == "levenberg-marquardt") return CalibrationSpec::Method::kLevenbergMarquardt;
  if (name == "nelder-mead") return CalibrationSpec::Method::kNelderMead;
  return std::nullopt;
}

CalibrationSpec read_calibration(const YAML::Node& root, const std::string& file) {
  scenario::Diagnostics diag;
  const scenario::YamlView top(root, "", &file, &diag);
  const scenario::YamlView v = top.required("calibration");
  CalibrationSpec spec;
  if (!v.defined()) throw scenario::InputError(diag);
  if (!v.expect_map({"replications", "max_evaluations", "parameters", "weights", "loss",
                     "loss_power", "method", "difference_step", "posterior"}))
    throw scenario::InputError(diag);
  if (v.has("replications"))
    spec.replications = static_cast<int>(v.child("replications").as_integer(4));
  if (spec.replications < 1) v.child("replications").error("replications must be at least 1");
  if (v.has("max_evaluations"))
    spec.max_evaluations = static_cast<int>(v.child("max_evaluations").as_integer(150));
  if (spec.max_evaluations < 1)
    v.child("max_evaluations").error("max_evaluations must be at least 1");
  if (v.has("loss")) {
    const std::string scale = v.child("loss").as_string();
    if (scale == "acceptance")
      spec.scale = CalibrationSpec::Scale::kAcceptance;
    else if (scale != "relative")
      v.child("loss").error(
          fmt::format("unknown loss scale '{}' (expected relative or acceptance)", scale));
  }
  if (v.has("loss_power")) {
    spec.power = v.child("loss_power").as_number(2);
    if (!(spec.power >= 2 && spec.power <= 8))
      v.child("loss_power").error("loss_power must lie in [2, 8] (2 = least squares)");
  }
  if (v.has("method")) {
    const std::string name = v.child("method").as_string();
    if (const auto m = parse_method(name))
      spec.method = *m;
    else
      v.child("method").error(
          fmt::format("unknown method '{}' (expected levenberg-marquardt or nelder-mead)", name));
  }
  if (v.has("difference_step")) {
    spec.difference_step = v.child("difference_step").as_number(0.02);
    if (!(spec.difference_step > 0 && spec.difference_step <= 0.5))
      v.child("difference_step")
          .error("difference_step must lie in (0, 0.5] (a fraction of each range)");
  }
  const scenario::YamlView params = v.required("parameters");
  if (params.defined() && params.expect_sequence()) {
    if (params.size() == 0)
      params.error("no free parameters (expected a list of {path, min, max})");
    for (std::size_t i = 0; i < params.size(); ++i) {
      const scenario::YamlView p = params.element(i);
      if (!p.expect_map({"path", "min", "max"})) continue;
      FreeParameter fp;
      fp.path = p.required("path").as_string();
      fp.min = p.required("min").as_number();
      fp.max = p.required("max").as_number();
      if (fp.max <= fp.min)
        p.child("max").error(fmt::format("max {} is not above min {}", fp.max, fp.min));
      const YAML::Node target = resolve_key_path(root, fp.path);
      if (!target.IsDefined() || !target.IsScalar()) {
        p.child("path").error(fmt::format("'{}' does not name a number in this scenario", fp.path));
        continue;
      }
      try {
        fp.start = target.as<double>();
      } catch (const YAML::Exception&) {
        p.child("path").error(fmt::format("'{}' is '{}', not a number", fp.path, target.Scalar()));
        continue;
      }
      if (fp.start < fp.min || fp.start > fp.max)
        p.child("path").error(fmt::format("current value {} of '{}' lies outside [{}, {}]",
                                          fp.start, fp.path, fp.min, fp.max));
      fp.line = target.Mark().line + 1;
      fp.column = target.Mark().column + 1;
      spec.parameters.push_back(fp);
    }
  }
  const scenario::YamlView w = v.child("weights");
  if (w.defined() && w.is_map())
    for (const auto& key : w.keys()) {
      spec.weights[key] = w.child(key).as_number(1.0);
      if (spec.weights[key] < 0) w.child(key).error("weights must be >= 0");
    }
  else if (w.defined())
    w.error("expected a mapping of target id to weight");
  if (!diag.empty()) throw scenario::InputError(diag);
  return spec;
}

scenario::Scenario scenario_with(const YAML::Node& root, const CalibrationSpec& spec,
                                 const Eigen::VectorXd& values, const std::string& file) {
  YAML::Node copy = YAML::Clone(root);
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    YAML::Node n = resolve_key_path(copy, spec.parameters[i].path);
    n = values[static_cast<Eigen::Index>(i)];  // writes through into the cloned tree
  }
  YAML::Emitter e;
  e << copy;
  return measures::load_scenario_text(e.c_str(), file);
}

namespace {

// A figure the model leaves undefined in every replication (a share with no denominator) counts
// as a model value of 0: a full miss the optimiser moves away from, never a NaN in the loss.
montecarlo::ValidationRow defined_or_zero(montecarlo::ValidationRow r) {
  if (!indicators::is_missing(r.model.mean)) return r;
  r.model.mean = 0;
  r.rel_error = montecarlo::relative_error(0, r.target->value);
  return r;
}

}  // namespace

Eigen::VectorXd residuals(const std::vector<montecarlo::ValidationRow>& rows,
                          const CalibrationSpec& spec) {
  double weights = 0;
  for (const auto& r : rows) weights += spec.weight(r.target->id);
  Eigen::VectorXd res = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(rows.size()));
  if (weights <= 0) return res;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const montecarlo::ValidationRow r = defined_or_zero(rows[i]);
    const double e =
        spec.scale == CalibrationSpec::Scale::kAcceptance
            ? montecarlo::acceptance_error(r) / indicators::acceptance_for(*r.target).tolerance
            : r.rel_error;
    const double magnitude =
        spec.power == 2 ? e : std::copysign(std::pow(std::abs(e), spec.power / 2), e);
    res[static_cast<Eigen::Index>(i)] = std::sqrt(spec.weight(r.target->id) / weights) * magnitude;
  }
  return res;
}

double loss(const std::vector<montecarlo::ValidationRow>& rows, const CalibrationSpec& spec) {
  return residuals(rows, spec).squaredNorm();
}

CalibrationResult calibrate(const std::string& text, const std::string& file,
                            const std::vector<indicators::Target>& targets,
                            const CalibrationOptions& opt) {
  const YAML::Node root = scenario::load_yaml_text(text, file);
  const CalibrationSpec spec = read_calibration(root, file);
  CalibrationResult res;
  res.targets = targets;
  const auto grid = montecarlo::target_grid(res.targets);
  montecarlo::BatchOptions bo;
  bo.replications = opt.replications > 0 ? opt.replications : spec.replications;
  bo.threads = opt.threads;
  bo.run_until = last_target_tick(res.targets, measures::load_scenario_text(text, file));
  auto rows_at = [&](const Eigen::VectorXd& x) {
    const scenario::Scenario s = scenario_with(root, spec, x, file);
    const auto batch = montecarlo::run_batch(s, grid, bo);
    return montecarlo::validation_rows(res.targets, batch);
  };
  const auto n = static_cast<Eigen::Index>(spec.parameters.size());
  Eigen::VectorXd lo(n), hi(n), x0(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& p = spec.parameters[static_cast<std::size_t>(i)];
    lo[i] = p.min;
    hi[i] = p.max;
    x0[i] = p.start;
  }
  res.start = x0;
  const auto start_rows = rows_at(x0);  // an invalid start is the user's error: reported as such
  res.start_loss = loss(start_rows, spec);
  // A trial point the scenario's own checks reject (say, shares that no longer sum to 1) is
  // infeasible: an infinite loss, which both optimisers step away from; counted, not fatal.
  auto feasible_rows_at =
      [&](const Eigen::VectorXd& x) -> std::optional<std::vector<montecarlo::ValidationRow>> {
    try {
      return rows_at(x);
    } catch (const scenario::InputError&) {
      ++res.infeasible;
      return std::nullopt;
    }
  };
  const Eigen::VectorXd infeasible_residuals = Eigen::VectorXd::Constant(
      static_cast<Eigen::Index>(start_rows.size()), std::numeric_limits<double>::infinity());
  const int budget = opt.max_evaluations > 0 ? opt.max_evaluations : spec.max_evaluations;
  const OptimiserProgress progress = [&](int evals, double best, const Eigen::VectorXd&) {
    if (opt.progress) opt.progress(evals, best);
  };
  OptimiserResult r;
  if (opt.method.value_or(spec.method) == CalibrationSpec::Method::kLevenbergMarquardt) {
    LevenbergMarquardtOptions lm;
    lm.max_evaluations = budget;
    lm.difference_step = spec.difference_step;
    lm.progress = progress;
    r = levenberg_marquardt(
        [&](const Eigen::VectorXd& x) {
          const auto rows = feasible_rows_at(x);
          return rows ? residuals(*rows, spec) : infeasible_residuals;
        },
        x0, lo, hi, lm);
  } else {
    NelderMeadOptions nm;
    nm.max_evaluations = budget;
    nm.progress = progress;
    r = nelder_mead(
        [&](const Eigen::VectorXd& x) {
          const auto rows = feasible_rows_at(x);
          return rows ? loss(*rows, spec) : std::numeric_limits<double>::infinity();
        },
        x0, lo, hi, nm);
  }
  res.best = r.best;
  res.loss = r.loss;
  res.evaluations = r.evaluations;
  res.converged = r.converged;
  res.rows = rows_at(r.best);
  return res;
}

std::string calibrated_text(const std::string& text, const CalibrationSpec& spec,
                            const Eigen::VectorXd& values, const std::string& header) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  // Right to left within a line, so an earlier replacement never shifts a later column.
  std::vector<std::size_t> order(spec.parameters.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& pa = spec.parameters[a];
    const auto& pb = spec.parameters[b];
    return pa.line != pb.line ? pa.line < pb.line : pa.column > pb.column;
  });
  for (const std::size_t i : order) {
    const auto& p = spec.parameters[i];
    std::string& l = lines[static_cast<std::size_t>(p.line - 1)];
    const auto start = static_cast<std::size_t>(p.column - 1);
    std::size_t end = start;
    while (end < l.size() && (std::isalnum(static_cast<unsigned char>(l[end])) || l[end] == '.' ||
                              l[end] == '-' || l[end] == '+' || l[end] == '_'))
      ++end;
    l.replace(start, end - start, fmt::format("{:.6g}", values[static_cast<Eigen::Index>(i)]));
  }
  // A previous run's header (from "# CALIBRATED by" to its closing "#" line) is replaced, not
  // stacked: the file records the run that produced its values.
  std::size_t first = 0;
  if (!lines.empty() && lines[0].rfind("# CALIBRATED by", 0) == 0) {
    while (first < lines.size() && lines[first] != "#") ++first;
    if (first < lines.size()) ++first;
  }
  std::string out = header;
  for (std::size_t i = first; i < lines.size(); ++i) out += lines[i] + "\n";
  return out;
}

}  // namespace asylumsim::calibration
