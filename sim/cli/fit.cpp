// calibrate and backtest: fit the scenario's calibration: block to documented figures.
#include "fit.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "asylumsim/calibration/backtest.hpp"
#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/calibration/forecast_scores.hpp"
#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/cli/exit_codes.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/output/result_dir.hpp"
#include "asylumsim/output/validation.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"
#include "asylumsim/version.hpp"
#include "cli_helpers.hpp"
#include "option_checks.hpp"
#include "scenario_input.hpp"
#include "uncertainty_option.hpp"

namespace asylumsim::cli {

namespace {

namespace fs = std::filesystem;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Optimiser settings from the command line, shared by calibrate and backtest; progress on stderr.
calibration::CalibrationOptions fit_options(const FitCli& o) {
  calibration::CalibrationOptions co;
  co.threads = o.threads > 0 ? o.threads : default_threads();
  co.replications = o.replications;
  co.max_evaluations = o.max_evaluations;
  if (!o.method.empty()) co.method = calibration::parse_method(o.method);
  co.progress = [quiet = o.quiet, last = -1](int evals, double best) mutable {
    if (quiet || evals == last) return;
    last = evals;
    fmt::print(stderr, "evaluation {:>4}: best loss {:.6g}\n", evals, best);
  };
  return co;
}

}  // namespace

// Options shared by calibrate and backtest, which both fit the scenario's calibration: block.
void add_fit_options(CLI::App* cmd, FitCli& o, const std::string& suffix) {
  add_set_option(cmd, o.sets);
  cmd->add_option("scenario", o.scenario_path, "Scenario YAML file with a calibration: block")
      ->required();
  cmd->add_option("--targets", o.targets_path, "Targets YAML file")->required();
  cmd->add_option("--out", o.out_dir,
                  "Output directory (default: out/<scenario name>-" + suffix + ")");
  cmd->add_option("--replications", o.replications,
                  "Replications per evaluation (default: the calibration block's)")
      ->check(whole_number(1, 100000));
  cmd->add_option("--max-evaluations", o.max_evaluations,
                  "Evaluation budget (default: the block's)")
      ->check(whole_number(1, 1000000));
  cmd->add_option("--method", o.method, "Optimiser (default: the block's method, else nelder-mead)")
      ->check(CLI::IsMember({"levenberg-marquardt", "nelder-mead"}));
  cmd->add_option("--threads", o.threads, "Worker threads (default: all cores)")
      ->check(whole_number(1, 4096));
  cmd->add_flag("--quiet", o.quiet, "Print nothing but errors and warnings");
  cmd->add_flag("--strict", o.strict, "Treat plausibility warnings as errors (exit code 3)");
  cmd->add_flag(
      "--force", o.force,
      "Write into a directory holding other results (their result files are removed first)");
}

int cmd_calibrate(const FitCli& o, const std::string& command_line) {
  // Reports scenario errors (and warnings) first.
  const scenario::Scenario s = load_checked(o.scenario_path, o.sets, {o.strict, true});
  const std::string text =
      scenario::text_with_overrides(read_text(o.scenario_path), o.scenario_path, o.sets);
  const auto spec = calibration::read_calibration(scenario::load_yaml_text(text, o.scenario_path),
                                                  o.scenario_path);
  const auto targets = indicators::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-calibration") : fs::path(o.out_dir);
  claim_output_dir(out, output::identity_of("calibrate", s), o.force, o.quiet);
  const calibration::CalibrationOptions co = fit_options(o);
  if (!o.quiet)
    fmt::print("asylumsim {} — calibrating '{}' ({} free parameters) against {} ({} targets)\n",
               kVersion, s.name, spec.parameters.size(), o.targets_path, targets.size());
  const auto r = calibration::calibrate(text, o.scenario_path, targets, co);
  const std::string header = calibration::calibrated_header(
      {command_line, s.name, s.hash, o.targets_path, targets.size(),
       o.replications > 0 ? o.replications : spec.replications, co.method.value_or(spec.method)},
      spec, r);
  const std::string name = fs::path(o.scenario_path).stem().string() + ".calibrated.yaml";
  output::write_file_atomic(out / name, calibration::calibrated_text(text, spec, r.best, header));
  output::write_file_atomic(
      out / "calibration.csv",
      output::with_columns(output::validation_csv(r.rows), output::run_columns(s, true)));
  if (!o.quiet) {
    fmt::print("{}", header);
    fmt::print("{}", output::validation_table(r.rows));
    fmt::print("Calibrated scenario: {}\n", (out / name).string());
  }
  return kOk;
}

int cmd_backtest(const FitCli& o) {
  const scenario::Scenario s = load_checked(o.scenario_path, o.sets, {o.strict, true});
  const std::string text =
      scenario::text_with_overrides(read_text(o.scenario_path), o.scenario_path, o.sets);
  calibration::read_calibration(scenario::load_yaml_text(text, o.scenario_path), o.scenario_path);
  const auto targets = indicators::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-backtest") : fs::path(o.out_dir);
  claim_output_dir(out, output::identity_of("backtest", s), o.force, o.quiet);
  const calibration::CalibrationOptions co = fit_options(o);
  const auto r = calibration::backtest(text, o.scenario_path, targets, o.fit_year, co);
  output::write_file_atomic(
      out / "backtest.csv",
      output::with_columns(calibration::backtest_csv(r), output::run_columns(s, true)));
  if (!o.quiet) {
    fmt::print(
        "asylumsim {} — backtest of '{}': fitted on {} figures of {}, projected {} ({} figures)\n",
        kVersion, s.name, r.fit_targets.size(), o.fit_year, o.fit_year + 1, r.test_targets.size());
    fmt::print("{}", calibration::backtest_table(r));
    fmt::print("Results: {}\n", (out / "backtest.csv").string());
  }
  if (!o.history.empty()) {  // one- and two-year-ahead inflow forecasts from earlier years
    const auto scores = score_history(o.history);
    output::write_file_atomic(out / "inflow-forecasts.csv",
                              calibration::inflow_forecast_csv(scores));
    if (!o.quiet) fmt::print("{}", calibration::inflow_forecast_summary(scores));
  }
  return kOk;
}

// The calibrated scenario with its calibration.posterior block, in the output directory.
int cmd_posterior(const FitCli& o, const std::string& command_line) {
  const scenario::Scenario s = load_checked(o.scenario_path, o.sets, {o.strict, true});
  const std::string text =
      scenario::text_with_overrides(read_text(o.scenario_path), o.scenario_path, o.sets);
  const auto targets = indicators::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-posterior") : fs::path(o.out_dir);
  claim_output_dir(out, output::identity_of("posterior", s), o.force, o.quiet);
  const auto post =
      calibration::posterior_at_current_point(text, o.scenario_path, targets, fit_options(o));
  const std::string name = fs::path(o.scenario_path).filename().string();
  output::write_file_atomic(
      out / name, calibration::text_with_posterior(
                      text, post, fmt::format("`{}` on {}", command_line, calibration::utc_now())));
  if (!o.quiet)
    fmt::print("Posterior of {} parameters from {} figures (residual variance {:.4g}): {}\n",
               post.paths.size(), post.figures, post.residual_variance, (out / name).string());
  return kOk;
}

}  // namespace asylumsim::cli
