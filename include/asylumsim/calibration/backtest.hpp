// Backtest: calibrate on one year's figures only, project the next year, and compare the errors
// with those of a naive forecast (next year = this year). Knowledge is cut at the split date: every
// dated step from that date on (schedules and dated distributions) is removed, so the projection
// holds the last known values flat, as a forecaster at the split date would have had to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "asylumsim/calibration/calibrate.hpp"

namespace asylumsim::calibration {

// Removes every schedule step dated on or after `cutoff` from a scenario's YAML tree (in place).
void cut_knowledge(YAML::Node root, engine::Date cutoff);

struct BacktestRow {
  const indicators::Target* target = nullptr;  // the figure of the projected year
  double model = 0;
  std::optional<double> naive;  // the same figure one year earlier, when documented
  double model_error = 0;       // relative
  std::optional<double> naive_error;
};

struct BacktestResult {
  CalibrationResult fit;
  std::vector<indicators::Target> fit_targets, test_targets;
  std::vector<BacktestRow> rows;
  double model_mape = 0, naive_mape = 0;  // over rows that have a naive forecast
  int compared = 0;
};

BacktestResult backtest(const std::string& scenario_text, const std::string& file,
                        const std::vector<indicators::Target>& targets, int fit_year,
                        const CalibrationOptions& opt);

std::string backtest_csv(const BacktestResult& r);
std::string backtest_table(const BacktestResult& r);

}  // namespace asylumsim::calibration
