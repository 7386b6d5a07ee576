// Lead-time and duration distributions a scenario can name: fixed, exponential, lognormal, gamma
// and empirical (piecewise-linear quantile function). Parameters are in days. A closed set held in
// one small struct with a switch, so sampling needs no allocation and no virtual call.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/engine/rng.hpp"

namespace asylumsim::engine {

struct Distribution {
  enum class Kind { kFixed, kExponential, kLognormal, kGamma, kEmpirical };
  Kind kind = Kind::kFixed;
  double mean = 0.0;  // fixed value, or the distribution's mean (days)
  double cv = 1.0;    // coefficient of variation (lognormal, gamma)
  // Empirical: quantiles q_0..q_k of the distribution at probabilities 0, 1/k, ..., 1.
  std::vector<double> quantiles;

  static Distribution fixed(double v) { return {Kind::kFixed, v, 0.0, {}}; }
  static Distribution exponential(double mean) { return {Kind::kExponential, mean, 1.0, {}}; }
  static Distribution lognormal(double mean, double cv) { return {Kind::kLognormal, mean, cv, {}}; }
  static Distribution gamma(double mean, double cv) { return {Kind::kGamma, mean, cv, {}}; }
  static Distribution empirical(std::vector<double> q);

  double sample(RandomStream& rng) const;
  double expected() const;
  std::string describe() const;
};

// A standard normal by inversion: one uniform per draw, so common random numbers stay aligned.
double standard_normal(RandomStream& rng);

}  // namespace asylumsim::engine
