// Coverage and interval score on constructed cases (issue 26).
#include <catch2/catch.hpp>
#include <cmath>

#include "asylumsim/calibration/forecast_scores.hpp"
#include "asylumsim/output/precision.hpp"

using namespace asylumsim::calibration;

TEST_CASE("coverage and the interval score of constructed forecasts", "[calibration][scores]") {
  const Interval i{90, 110};
  CHECK(covers(i, 90));
  CHECK(covers(i, 110));
  CHECK_FALSE(covers(i, 89.9));
  // Inside: the width. Below or above: the width plus 2/alpha times the miss.
  CHECK(interval_score(i, 100, 0.1) == Approx(20));
  CHECK(interval_score(i, 80, 0.1) == Approx(20 + 20 * 10));
  CHECK(interval_score(i, 115, 0.1) == Approx(20 + 20 * 5));
  CHECK(interval_score(i, 115, 0.5) == Approx(20 + 4 * 5));
  // A naive 90% interval around 1000 with sigma 0.4: 1000 exp(+-1.6449 * 0.4).
  const Interval n = naive_interval(1000, 0.4, 0.9);
  CHECK(n.lo == Approx(1000 * std::exp(-1.644854 * 0.4)).epsilon(1e-5));
  CHECK(n.hi == Approx(1000 * std::exp(1.644854 * 0.4)).epsilon(1e-5));
  const Interval h = naive_interval(1000, 0.4, 0.5);
  CHECK(h.hi == Approx(1000 * std::exp(0.674490 * 0.4)).epsilon(1e-5));
}

TEST_CASE("one- and two-year-ahead inflow forecasts are scored from what was known",
          "[calibration][scores]") {
  // Changes +0.1, -0.1, +0.1, -0.1 (sd 0.1155 about mean 0), then a jump of +1.
  const std::vector<int> years = {2000, 2001, 2002, 2003, 2004, 2005};
  std::vector<double> counts = {1000};
  for (double d : {0.1, -0.1, 0.1, -0.1, 1.0}) counts.push_back(counts.back() * std::exp(d));
  const auto scores = score_inflow_forecasts(years, counts, 4, 2);
  REQUIRE(scores.size() == 1);  // origin 2004 (four changes known), one year ahead only
  const auto& f = scores[0];
  CHECK(f.origin == 2004);
  CHECK(f.horizon == 1);
  CHECK(f.median == Approx(1000));
  const double sigma = std::sqrt(4 * 0.01 / 3);
  CHECK(f.p90.hi == Approx(1000 * std::exp(1.644854 * sigma)).epsilon(1e-5));
  CHECK_FALSE(f.covered_90);  // the jump lies far outside
  CHECK(f.relative_interval_score ==
        Approx(((f.p90.hi - f.p90.lo) + 20 * (f.actual - f.p90.hi)) / f.actual));
  const auto two = score_inflow_forecasts(years, counts, 3, 2);
  REQUIRE(two.size() == 3);  // origin 2003: 1 and 2 years ahead; origin 2004: 1 year ahead
  CHECK(two[1].horizon == 2);
  CHECK(two[1].p90.hi / two[1].median ==
        Approx(std::exp(1.644854 * std::sqrt(2.0) *
                        std::sqrt((2 * std::pow(0.2 / 3, 2) + std::pow(0.4 / 3, 2)) / 2)))
            .epsilon(1e-6));
}

TEST_CASE("until-precision measures the quantiles the bands show", "[montecarlo][precision]") {
  // A normal with sd 100: the P5's standard error over n draws is sqrt(0.05 * 0.95 / n) / phi(z).
  asylumsim::montecarlo::Summary sm;
  sm.p50 = 1000;
  sm.p05 = 1000 - 164.48536;
  sm.p95 = 1000 + 164.48536;
  const double phi = std::exp(-1.6448536 * 1.6448536 / 2) / std::sqrt(2 * M_PI);
  CHECK(asylumsim::output::band_edge_standard_error(sm, 400) ==
        Approx(std::sqrt(0.0475 / 400) * 100 / phi).epsilon(1e-6));
  // A longer upper tail sets it.
  sm.p95 = 1000 + 329.0;
  CHECK(asylumsim::output::band_edge_standard_error(sm, 400) ==
        Approx(std::sqrt(0.0475 / 400) * 200 / phi).epsilon(1e-3));
}
