// A log level's path with a pull back to where the scenario puts it: see
// include/asylumsim/model/reverting_walk.hpp.
#include "asylumsim/model/reverting_walk.hpp"

#include <cmath>
#include <stdexcept>

#include "asylumsim/engine/distribution.hpp"

namespace asylumsim::model {

std::vector<double> draw_reverting_walk(double sigma, double reversion, int years,
                                        engine::RandomStream& rng) {
  std::vector<double> path(static_cast<std::size_t>(std::max(0, years)));
  if (reversion >= 1) {
    double level = 0;
    for (double& p : path) p = level += sigma * engine::standard_normal(rng);
    return path;
  }
  // The stationary sd s follows from the yearly change's: sigma² = 2 s² (1 − φ).
  const double s = sigma / std::sqrt(2.0 * (1.0 - reversion));
  const double innovation = s * std::sqrt(1.0 - reversion * reversion);
  const double start = s * engine::standard_normal(rng);
  double level = start;
  for (double& p : path) {
    level = reversion * level + innovation * engine::standard_normal(rng);
    p = level - start;
  }
  return path;
}

double reverting_walk_variance(double sigma, double reversion, int years) {
  const double k = static_cast<double>(years);
  if (reversion >= 1) return sigma * sigma * k;
  return sigma * sigma * (1.0 - std::pow(reversion, k)) / (1.0 - reversion);
}

RevertingWalkFit fit_reverting_walk(const std::vector<double>& counts, int max_lag) {
  if (max_lag < 2 || static_cast<int>(counts.size()) < max_lag + 3)
    throw std::invalid_argument(
        "fit_reverting_walk: need at least max_lag + 3 years, max_lag >= 2");
  for (double c : counts)
    if (!(c > 0)) throw std::invalid_argument("fit_reverting_walk: counts must be positive");
  RevertingWalkFit fit;
  std::vector<double> msq, pairs;
  for (int k = 1; k <= max_lag; ++k) {
    double sum = 0;
    const std::size_t n = counts.size() - static_cast<std::size_t>(k);
    for (std::size_t i = 0; i < n; ++i) sum += std::pow(std::log(counts[i + k] / counts[i]), 2);
    msq.push_back(sum / static_cast<double>(n));
    pairs.push_back(static_cast<double>(n));
    fit.observed_sd.push_back(std::sqrt(msq.back()));
  }
  double best_sse = INFINITY;
  for (int step = 1; step < 1000; ++step) {
    const double phi = step / 1000.0;
    double num = 0, den = 0;
    for (std::size_t k = 0; k < msq.size(); ++k) {
      const double a = 1.0 - std::pow(phi, static_cast<double>(k + 1));
      num += pairs[k] * msq[k] * a;
      den += pairs[k] * a * a;
    }
    const double two_s2 = num / den;  // the least-squares plateau for this φ
    double sse = 0;
    for (std::size_t k = 0; k < msq.size(); ++k)
      sse += pairs[k] *
             std::pow(msq[k] - two_s2 * (1.0 - std::pow(phi, static_cast<double>(k + 1))), 2);
    if (sse < best_sse) {
      best_sse = sse;
      fit.reversion = phi;
      fit.sigma = std::sqrt(two_s2 * (1.0 - phi));
    }
  }
  return fit;
}

}  // namespace asylumsim::model
