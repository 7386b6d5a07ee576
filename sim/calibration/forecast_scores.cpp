#include "asylumsim/calibration/forecast_scores.hpp"

#include <fmt/format.h>

#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <string>

namespace asylumsim::calibration {

namespace {

// The standard normal quantile of (1 + coverage) / 2.
double central_z(double coverage) {
  return std::sqrt(2.0) * boost::math::erf_inv(coverage);
}

}  // namespace

bool covers(const Interval& i, double y) {
  return y >= i.lo && y <= i.hi;
}

double interval_score(const Interval& i, double y, double alpha) {
  double s = i.hi - i.lo;
  if (y < i.lo) s += 2 / alpha * (i.lo - y);
  if (y > i.hi) s += 2 / alpha * (y - i.hi);
  return s;
}

Interval naive_interval(double previous, double sigma, double coverage) {
  const double z = central_z(coverage);
  return {previous * std::exp(-z * sigma), previous * std::exp(z * sigma)};
}

std::vector<InflowForecastScore> score_inflow_forecasts(const std::vector<int>& years,
                                                        const std::vector<double>& counts,
                                                        int min_changes, int max_horizon) {
  std::vector<InflowForecastScore> out;
  for (std::size_t t = static_cast<std::size_t>(min_changes); t < counts.size(); ++t) {
    // sd of the log changes known at origin t (changes 1..t), about their mean.
    double mean = 0, ss = 0;
    for (std::size_t i = 1; i <= t; ++i) mean += std::log(counts[i] / counts[i - 1]) / t;
    for (std::size_t i = 1; i <= t; ++i) {
      const double d = std::log(counts[i] / counts[i - 1]) - mean;
      ss += d * d;
    }
    const double sigma = std::sqrt(ss / static_cast<double>(t - 1));
    for (int h = 1; h <= max_horizon && t + static_cast<std::size_t>(h) < counts.size(); ++h) {
      InflowForecastScore f;
      f.origin = years[t];
      f.horizon = h;
      f.actual = counts[t + static_cast<std::size_t>(h)];
      f.median = counts[t];
      const double sd = sigma * std::sqrt(static_cast<double>(h));
      f.p50 = naive_interval(f.median, sd, 0.5);
      f.p90 = naive_interval(f.median, sd, 0.9);
      f.covered_50 = covers(f.p50, f.actual);
      f.covered_90 = covers(f.p90, f.actual);
      f.relative_interval_score = interval_score(f.p90, f.actual, 0.1) / f.actual;
      out.push_back(f);
    }
  }
  return out;
}

std::string inflow_forecast_csv(const std::vector<InflowForecastScore>& scores) {
  std::string out =
      "origin,horizon,actual,median,p05,p25,p75,p95,covered_50,covered_90,"
      "interval_score\n";
  for (const auto& f : scores)
    out += fmt::format("{},{},{},{},{:.0f},{:.0f},{:.0f},{:.0f},{},{},{:.4f}\n", f.origin,
                       f.horizon, f.actual, f.median, f.p90.lo, f.p50.lo, f.p50.hi, f.p90.hi,
                       f.covered_50 ? 1 : 0, f.covered_90 ? 1 : 0, f.relative_interval_score);
  return out;
}

std::string inflow_forecast_summary(const std::vector<InflowForecastScore>& scores) {
  std::string out;
  for (int h = 1; h <= 2; ++h) {
    int n = 0;
    double c50 = 0, c90 = 0, score = 0;
    for (const auto& f : scores) {
      if (f.horizon != h) continue;
      ++n;
      c50 += f.covered_50;
      c90 += f.covered_90;
      score += f.relative_interval_score;
    }
    if (n == 0) continue;
    out += fmt::format(
        "First applications {} year(s) ahead, {} forecasts: the 50% interval covers {:.0f}%, the "
        "90% interval {:.0f}%; mean interval score {:.3f}\n",
        h, n, 100 * c50 / n, 100 * c90 / n, score / n);
  }
  return out;
}

}  // namespace asylumsim::calibration
