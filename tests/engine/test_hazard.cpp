// Waiting times whose pace changes in calendar time (engine/hazard.hpp).
#include <catch2/catch.hpp>
#include <cmath>

#include "asylumsim/engine/hazard.hpp"
#include "asylumsim/engine/rng.hpp"

using namespace asylumsim::engine;

TEST_CASE("with one pace the first event is the exponential draw scaled by the mean",
          "[engine][hazard]") {
  const StepSchedule<double> mean(40.0);
  CHECK(first_event_after(mean, days(3), 0.5) == days(3) + days(20));
  CHECK(first_event_after(mean, days(3), 0.0) == days(3));
}

TEST_CASE("a change of pace applies from its date to a wait already running", "[engine][hazard]") {
  StepSchedule<double> mean(100.0);
  mean.set_from(days(10), 10.0);
  // Before the change: 0.05 of hazard takes 5 days at mean 100.
  CHECK(first_event_after(mean, 0, 0.05) == days(5));
  // 0.2 of hazard: 10 days at mean 100 use 0.1, the rest takes 1 day at mean 10.
  CHECK(first_event_after(mean, 0, 0.2) == days(11));
  // Starting after the change, only the new pace counts.
  CHECK(first_event_after(mean, days(20), 0.2) == days(22));
  // Exactly the hazard up to the change ends on the change's date.
  CHECK(first_event_after(mean, 0, 0.1) == days(10));
}

TEST_CASE("several changes are crossed in turn", "[engine][hazard]") {
  StepSchedule<double> mean(10.0);
  mean.set_from(days(10), 1e9);  // practically no events in [10, 20)
  mean.set_from(days(20), 20.0);
  CHECK(first_event_after(mean, days(5), 0.5) == days(10));
  CHECK(first_event_after(mean, days(5), 1.0) == days(20) + days(10));
}

TEST_CASE("draws through a pace change follow the piecewise exponential law", "[engine][hazard]") {
  // Mean 200 days before day 100, then 50: P(wait > 150 days) = exp(-100/200 - 50/50).
  StepSchedule<double> mean(200.0);
  mean.set_from(days(100), 50.0);
  RandomStream rng(7, 1, "hazard");
  const int n = 40000;
  int beyond = 0;
  for (int i = 0; i < n; ++i)
    beyond += first_event_after(mean, 0, rng.exponential(1.0)) > days(150);
  const double expected = std::exp(-0.5 - 1.0);
  CHECK(static_cast<double>(beyond) / n ==
        Approx(expected).margin(4 * std::sqrt(expected * (1 - expected) / n)));
}
