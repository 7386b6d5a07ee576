// calibrate, backtest and posterior: fit the free parameters of the scenario's calibration: block
// to documented figures (calibration/calibrate.hpp, calibration/backtest.hpp).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace asylumsim::cli {

struct FitCli {
  std::string scenario_path;
  std::string targets_path;
  std::string out_dir;
  std::vector<std::string> sets;  // --set KEY.PATH=VALUE, in order
  int replications = 0;           // per evaluation; 0: the calibration block's
  int threads = 0;
  int max_evaluations = 0;
  std::string method;  // empty: the calibration block's
  int fit_year = 2024;
  std::string history;  // backtest --history: yearly first applications to score
  bool quiet = false;
  bool force = false;
  bool strict = false;  // plausibility warnings are errors
};

// The options both commands share; `suffix` names the default output directory.
void add_fit_options(CLI::App* cmd, FitCli& o, const std::string& suffix);
int cmd_calibrate(const FitCli& o, const std::string& command_line);
int cmd_backtest(const FitCli& o);
// posterior: calibration.posterior (parameter uncertainty) at the scenario's current values.
int cmd_posterior(const FitCli& o, const std::string& command_line);

}  // namespace asylumsim::cli
