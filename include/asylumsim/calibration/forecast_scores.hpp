// Scores of interval forecasts (issue 26): coverage and the interval score of Gneiting & Raftery
// (2007), a proper score: the width plus 2/alpha times the distance by which the outcome falls
// outside; lower is better. The backtest reports it relative to the documented figure.
#pragma once

#include <string>
#include <vector>

namespace asylumsim::calibration {

struct Interval {
  double lo = 0, hi = 0;
};

bool covers(const Interval& i, double outcome);
// The (1 - alpha) central interval's score at the outcome.
double interval_score(const Interval& i, double outcome, double alpha);
// A naive forecast's interval: the previous value times exp(+-z sigma), z the standard normal
// quantile of the central `coverage` (sigma: sd of historical yearly log changes).
Interval naive_interval(double previous, double sigma, double coverage);

// One- and two-year-ahead forecasts of yearly counts from each origin year: a random walk in logs
// (median: the last count) with sigma estimated from the changes known at the origin only.
struct InflowForecastScore {
  int origin = 0, horizon = 0;
  double actual = 0, median = 0;
  Interval p50, p90;
  bool covered_50 = false, covered_90 = false;
  double relative_interval_score = 0;  // of the 90% interval, divided by the actual count
};
std::vector<InflowForecastScore> score_inflow_forecasts(const std::vector<int>& years,
                                                        const std::vector<double>& counts,
                                                        int min_changes, int max_horizon);

// inflow-forecasts.csv, and a summary per horizon (coverage of the 50% and 90% intervals, mean
// relative interval score).
std::string inflow_forecast_csv(const std::vector<InflowForecastScore>& scores);
std::string inflow_forecast_summary(const std::vector<InflowForecastScore>& scores);

}  // namespace asylumsim::calibration
