#include "asylumsim/calibration/forecast_scores.hpp"

#include <boost/math/special_functions/erf.hpp>
#include <cmath>

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

}  // namespace asylumsim::calibration
