// Random counts for the stock-flow parts of the model (Ukrainian temporary protection, the
// caseload outside the asylum chain): how many of n leave with probability p, how many arrive at
// a mean rate. Boost.Random's distributions, guarded so that empty stocks and zero rates take no
// draw (a stream then stays aligned when a flow is switched off).
#pragma once

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cstdint>

#include "asylumsim/engine/rng.hpp"

namespace asylumsim::engine {

inline std::int64_t binomial_count(std::int64_t n, double p, RandomStream& rng) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return boost::random::binomial_distribution<std::int64_t>(n, p)(rng);
}

inline std::int64_t poisson_count(double mean, RandomStream& rng) {
  if (mean <= 0) return 0;
  return boost::random::poisson_distribution<std::int64_t>(mean)(rng);
}

}  // namespace asylumsim::engine
