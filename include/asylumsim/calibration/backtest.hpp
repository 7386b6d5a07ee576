// Backtest: calibrate on one year's figures only, project the next year, and compare the errors
// with those of a naive forecast (next year = this year). Knowledge is cut at the split date: every
// dated step from that date on (schedules and dated distributions) is removed, so the projection
// holds the last known values flat, as a forecaster at the split date would have had to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/montecarlo/validation.hpp"

namespace asylumsim::calibration {

// Removes every schedule step dated on or after `cutoff` from a scenario's YAML tree (in place).
void cut_knowledge(YAML::Node root, engine::Date cutoff);

struct BacktestRow {
  const indicators::Target* target = nullptr;  // the figure of the projected year
  double model = 0;
  std::optional<double> naive;  // the same figure one year earlier, when documented
  double model_error = 0;       // relative
  std::optional<double> naive_error;
  // Interval forecasts (issue 26): the model's quantiles over replications that draw chance,
  // parameters (posterior at the fit), inflow and levels (from the cut); the naive forecast's
  // interval from the historical yearly changes (uncertainty.inflow.sigma). Scores: 90% interval,
  // relative.
  double p05 = 0, p25 = 0, p75 = 0, p95 = 0;
  std::optional<double> naive_p05, naive_p95, naive_interval_score;
  bool covered_50 = false, covered_90 = false;
  double model_interval_score = 0;
};

struct BacktestResult {
  CalibrationResult fit;
  std::vector<indicators::Target> fit_targets, test_targets;
  std::vector<BacktestRow> rows;
  double model_mape = 0, naive_mape = 0;  // over rows that have a naive forecast
  int compared = 0;
  std::string sources;  // what the model's intervals include, e.g. chance+parameters+inflow
  double coverage_50 = 0, coverage_90 = 0, model_mean_score = 0, naive_mean_score = 0;
  int scored = 0;  // rows with a naive interval (the mean scores are over these)
};

// The fitted scenario of a backtest as text, ready for interval forecasts: the fitted values,
// calibration.posterior from the Jacobian there (spec's parameters, `targets`), and
// uncertainty.inflow and uncertainty.levels moved to start at the cut (`cutoff`).
std::string forecast_text(const std::string& cut_text, const std::string& file,
                          const Eigen::VectorXd& fitted,
                          const std::vector<indicators::Target>& targets, engine::Date cutoff,
                          const CalibrationOptions& opt);
// Fills the interval columns and the summary scores of `r` (rows already hold the model's and the
// naive point forecasts); `naive_sigma` 0: no naive interval.
void score_intervals(BacktestResult& r, const std::vector<montecarlo::ValidationRow>& rows,
                     double naive_sigma);

BacktestResult backtest(const std::string& scenario_text, const std::string& file,
                        const std::vector<indicators::Target>& targets, int fit_year,
                        const CalibrationOptions& opt);

std::string backtest_csv(const BacktestResult& r);
std::string backtest_table(const BacktestResult& r);

}  // namespace asylumsim::calibration
