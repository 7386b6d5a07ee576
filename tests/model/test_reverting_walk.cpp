// The pulled-back walk of future inflow and levels (uncertainty.*.reversion): fitted to the
// k-year changes of the history, its simulated k-year changes match the fit and the history, and
// the baseline carries the fitted numbers.
#include <catch2/catch.hpp>
#include <cmath>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/model/inflow_uncertainty.hpp"
#include "asylumsim/model/level_uncertainty.hpp"
#include "asylumsim/model/reverting_walk.hpp"

using namespace asylumsim;

namespace {

// Root mean squared change after k = 1..max_lag years over many simulated paths.
std::vector<double> simulated_sd(double sigma, double reversion, int max_lag) {
  std::vector<double> ss(static_cast<std::size_t>(max_lag), 0.0);
  const int paths = 20000;
  for (int rep = 0; rep < paths; ++rep) {
    engine::RandomStream rng(3, static_cast<std::uint64_t>(rep), "test.walk");
    const auto path = model::draw_reverting_walk(sigma, reversion, max_lag, rng);
    for (std::size_t k = 0; k < ss.size(); ++k) ss[k] += path[k] * path[k];
  }
  for (double& x : ss) x = std::sqrt(x / paths);
  return ss;
}

const auto& baseline() {
  static const auto s = measures::load_scenario(test::source_path("scenarios/nl-baseline.yaml"));
  return s;
}

}  // namespace

TEST_CASE("a pulled-back walk's k-year changes grow like a walk's, then level off",
          "[uncertainty][reversion]") {
  const double sigma = 0.4, phi = 0.5;
  const auto sd = simulated_sd(sigma, phi, 8);
  for (int k = 1; k <= 8; ++k)
    CHECK(sd[static_cast<std::size_t>(k - 1)] ==
          Approx(std::sqrt(model::reverting_walk_variance(sigma, phi, k))).epsilon(0.03));
  CHECK(sd[0] == Approx(sigma).epsilon(0.03));  // one year: the yearly change
  CHECK(sd[7] < 1.45 * sigma);                  // plateau sigma / sqrt(1 - phi) = 1.41 sigma
  CHECK(sd[7] == Approx(sigma / std::sqrt(1 - phi)).epsilon(0.04));
  // reversion 1 is the random walk: sqrt(k) growth.
  const auto walk = simulated_sd(sigma, 1.0, 8);
  CHECK(walk[7] == Approx(sigma * std::sqrt(8.0)).epsilon(0.03));
}

TEST_CASE("the fit recovers a known pulled-back walk from a long simulated series",
          "[uncertainty][reversion]") {
  // One long path of the stationary AR(1) of log counts, sigma 0.3, reversion 0.6.
  engine::RandomStream rng(5, 0, "test.series");
  const auto path = model::draw_reverting_walk(0.3, 0.6, 20000, rng);
  std::vector<double> counts;
  for (double x : path) counts.push_back(1000.0 * std::exp(x));
  const model::RevertingWalkFit fit = model::fit_reverting_walk(counts, 4);
  CHECK(fit.reversion == Approx(0.6).margin(0.03));
  CHECK(fit.sigma == Approx(0.3).epsilon(0.03));
  REQUIRE(fit.observed_sd.size() == 4);
  CHECK_THROWS(model::fit_reverting_walk({1, 2, 3, 4}, 4));
  CHECK_THROWS(model::fit_reverting_walk({1, 2, 3, 0, 5, 6, 7, 8}, 4));
}

TEST_CASE("the baseline's inflow and level walks are fitted to the history's k-year changes",
          "[uncertainty][reversion]") {
  const auto first = model::read_yearly_counts(
      test::source_path("tests/data/history-first-applications-year.csv"), 2007);
  const auto family = model::read_yearly_counts(
      test::source_path("tests/data/history-family-arrivals-year.csv"), 2015);
  const model::RevertingWalkFit inflow = model::fit_reverting_walk(first, 4);
  const model::RevertingWalkFit levels = model::fit_reverting_walk(family, 4);
  const auto& in = baseline().inflow_uncertainty;
  const auto& lv = baseline().level_uncertainty;
  CHECK(in.sigma == Approx(inflow.sigma).margin(0.0005));
  CHECK(in.reversion == Approx(inflow.reversion).margin(0.0005));
  CHECK(in.autocorrelation == 0);
  CHECK(lv.sigma == Approx(levels.sigma).margin(0.0005));
  CHECK(lv.reversion == Approx(levels.reversion).margin(0.0005));
  // The simulated inflow path's k-year changes are within 15% of the history's (the fit's
  // residual), and well below a random walk's from three years on.
  const scenario::InflowUncertainty u = in;
  std::vector<double> ss(4, 0.0);
  const int paths = 8000;
  for (int rep = 0; rep < paths; ++rep) {
    const auto level = model::draw_inflow_log_levels(u, 4, 17, static_cast<std::uint64_t>(rep));
    for (std::size_t k = 0; k < 4; ++k) ss[k] += level[k] * level[k];
  }
  for (std::size_t k = 0; k < 4; ++k) {
    const double sd = std::sqrt(ss[k] / paths);
    CHECK(sd == Approx(inflow.observed_sd[k]).epsilon(0.15));
    if (k >= 2) CHECK(sd < 0.85 * in.sigma * std::sqrt(static_cast<double>(k + 1)));
  }
}

TEST_CASE("reversion with an autocorrelation of changes is refused", "[uncertainty][reversion]") {
  auto y = test::small_yaml();
  y["uncertainty"] =
      YAML::Load("{inflow: {from: 2025-01-01, sigma: 0.4, autocorrelation: 0.3, reversion: 0.5}}");
  CHECK_THROWS_WITH(test::scenario_from(y),
                    Catch::Contains("autocorrelation") && Catch::Contains("reversion < 1"));
  y["uncertainty"] = YAML::Load("{levels: {from: 2025-01-01, sigma: 0.4, reversion: 0}}");
  CHECK_THROWS_WITH(test::scenario_from(y), Catch::Contains("reversion"));
}
