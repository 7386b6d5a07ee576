#include <fmt/format.h>

#include <ctime>

#include "asylumsim/calibration/calibrate.hpp"

namespace asylumsim::calibration {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
  return buf;
}

namespace {

// How the header names the loss.
std::string loss_words(const CalibrationSpec& spec) {
  const char* error = spec.scale == CalibrationSpec::Scale::kAcceptance
                          ? "error in units of the acceptance band"
                          : "relative error";
  if (spec.power == 2) return fmt::format("squared {}", error);
  return fmt::format("of |e|^{:g}, e the {}", spec.power, error);
}

}  // namespace

std::string calibrated_header(const CalibrationProvenance& p, const CalibrationSpec& spec,
                              const CalibrationResult& r) {
  std::string header = fmt::format(
      "# CALIBRATED by `{}` on {}\n# from scenario '{}' (hash {})\n# against {} ({} targets), {} "
      "replications per evaluation "
      "(common random numbers), {} evaluations of bounded {}{}{}.\n# Loss (weighted mean {}): "
      "{:.6g} at the start, {:.6g} fitted.\n# Fitted parameters:\n",
      p.command_line, utc_now(), p.scenario_name, p.scenario_hash, p.targets_path, p.targets,
      p.replications, r.evaluations, method_name(p.method),
      r.converged ? ", converged" : " (evaluation budget reached)",
      r.infeasible > 0
          ? fmt::format("; {} trial points the scenario's checks rejected were skipped",
                        r.infeasible)
          : "",
      loss_words(spec), r.start_loss, r.loss);
  for (std::size_t i = 0; i < spec.parameters.size(); ++i)
    header +=
        fmt::format("#   {} = {:.6g} (was {:.6g}; bounds {} to {})\n", spec.parameters[i].path,
                    r.best[static_cast<Eigen::Index>(i)], r.start[static_cast<Eigen::Index>(i)],
                    spec.parameters[i].min, spec.parameters[i].max);
  header += "#\n";
  return header;
}

}  // namespace asylumsim::calibration
