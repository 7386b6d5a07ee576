// The yearly path of a log level (first applications) or a log or log-odds level (a policy or
// behaviour level) around the scenario's own path, seen from where it stands on the first day of
// the uncertain future (docs/uncertainty.md, "Pull back").
//
// With reversion φ < 1 the level is a stationary AR(1), y_k = φ y_(k-1) + e_k, and the path is
// its change since the start, y_k − y_0, so a forecast that holds today's level is off by it. Its
// variance, σ²(1 − φ^k)/(1 − φ) after k years with σ the sd of a yearly change, grows like a
// random walk's (σ²k) at first and levels off at σ²/(1 − φ): the k-year changes of the history
// (their variogram) show both, and fit_reverting_walk estimates σ and φ from them. φ = 1 is the
// random walk itself.
#pragma once

#include <vector>

#include "asylumsim/engine/rng.hpp"

namespace asylumsim::model {

// The change after each of `years` years (index k: after k + 1 years), drawn from rng: one
// standard normal per year, plus one first for the start's place in the stationary distribution
// when reversion < 1.
std::vector<double> draw_reverting_walk(double sigma, double reversion, int years,
                                        engine::RandomStream& rng);

// Variance of the change after `years` years: sigma² (1 − φ^years) / (1 − φ), or sigma² years.
double reverting_walk_variance(double sigma, double reversion, int years);

// sigma and reversion fitted to a yearly series of counts (oldest first): weighted least squares
// of the mean squared k-year log change on its model value, 2 s² (1 − φ^k) for k = 1..max_lag,
// weighted by the number of pairs; φ on a grid of 0.001 in (0, 1), so never the walk itself (a
// fit at 0.999 says the series shows no pull). sigma = s·sqrt(2 (1 − φ)). Counts must be > 0.
struct RevertingWalkFit {
  double sigma = 0, reversion = 1;
  std::vector<double> observed_sd;  // root mean squared k-year log change, k = 1..max_lag
};
RevertingWalkFit fit_reverting_walk(const std::vector<double>& yearly_counts, int max_lag);

}  // namespace asylumsim::model
