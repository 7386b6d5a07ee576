#include "asylumsim/engine/distribution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <cmath>
#include <numeric>

namespace asylumsim::engine {

Distribution Distribution::empirical(std::vector<double> q) {
  Distribution d{Kind::kEmpirical, 0.0, 0.0, std::move(q)};
  // Mean of a piecewise-linear quantile function: average of segment midpoints.
  double sum = 0.0;
  for (std::size_t i = 1; i < d.quantiles.size(); ++i)
    sum += 0.5 * (d.quantiles[i - 1] + d.quantiles[i]);
  d.mean = d.quantiles.size() > 1 ? sum / static_cast<double>(d.quantiles.size() - 1)
                                  : (d.quantiles.empty() ? 0.0 : d.quantiles.front());
  return d;
}

double Distribution::sample(RandomStream& rng) const {
  switch (kind) {
    case Kind::kFixed:
      return mean;
    case Kind::kExponential:
      return rng.exponential(mean);
    case Kind::kLognormal: {
      // Inversion: one uniform per draw keeps common random numbers aligned.
      const double s2 = std::log1p(cv * cv);
      const double mu = std::log(mean) - 0.5 * s2;
      return std::exp(mu + std::sqrt(s2) * standard_normal(rng));
    }
    case Kind::kGamma: {
      const double shape = 1.0 / (cv * cv);
      boost::random::gamma_distribution<double> g(shape, mean / shape);
      return g(rng);
    }
    case Kind::kEmpirical: {
      if (quantiles.size() < 2) return quantiles.empty() ? 0.0 : quantiles.front();
      const double x = rng.uniform01() * static_cast<double>(quantiles.size() - 1);
      const auto i = std::min(static_cast<std::size_t>(x), quantiles.size() - 2);
      const double f = x - static_cast<double>(i);
      return quantiles[i] + f * (quantiles[i + 1] - quantiles[i]);
    }
  }
  return mean;
}

double Distribution::expected() const {
  return mean;
}

std::string Distribution::describe() const {
  switch (kind) {
    case Kind::kFixed:
      return fmt::format("fixed {:g} d", mean);
    case Kind::kExponential:
      return fmt::format("exponential mean {:g} d", mean);
    case Kind::kLognormal:
      return fmt::format("lognormal mean {:g} d cv {:g}", mean, cv);
    case Kind::kGamma:
      return fmt::format("gamma mean {:g} d cv {:g}", mean, cv);
    case Kind::kEmpirical:
      return fmt::format("empirical ({} quantiles)", quantiles.size());
  }
  return {};
}

double standard_normal(RandomStream& rng) {
  return std::sqrt(2.0) * boost::math::erf_inv(2.0 * rng.uniform01() - 1.0);
}

}  // namespace asylumsim::engine
