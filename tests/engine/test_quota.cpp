// The periodic quota releases exactly its rate and lets a large request through eventually.
#include <catch2/catch.hpp>

#include "asylumsim/engine/resource.hpp"

using asylumsim::engine::PeriodicQuota;

namespace {
// Takes every whole unit released by `days` daily refills of `per_week / 7`.
std::int64_t released(double per_week, int days) {
  PeriodicQuota q(false);
  std::int64_t taken = 0;
  for (int d = 0; d < days; ++d) {
    q.refill(per_week / 7.0);
    while (q.try_take(1.0)) ++taken;
  }
  return taken;
}
}  // namespace

TEST_CASE("a quota releases exactly its rate over many periods", "[engine][quota][correctness]") {
  // A floating-point tolerance once released +1.04% at 95/week over two years, +0.33% at 296/week,
  // +1.9% at 53/week over ten years.
  for (double per_week : {95.0, 296.0, 53.0, 100.5, 0.7}) {
    for (int days : {730, 3653}) {
      const double exact = per_week / 7.0 * days;
      const auto n = released(per_week, days);
      INFO(per_week << "/week over " << days << " days: " << n << " against " << exact);
      CHECK(static_cast<double>(n) <= exact + 1e-6);
      CHECK(static_cast<double>(n) >= exact - 1.0);
    }
  }
  // 100.5 a week gives 201 in two weeks, not 202.
  CHECK(released(100.5, 14) == 201);
}

TEST_CASE("a request larger than one period's release waits, it does not lapse forever",
          "[engine][quota][correctness]") {
  // 900 places per half-year of 182 days, households of 6: 4.9 places a day.
  PeriodicQuota q(false);
  int housed = 0;
  for (int d = 0; d < 182; ++d) {
    q.refill(900.0 / 182.0);
    while (q.try_take(6.0)) ++housed;
  }
  CHECK(housed == 150);
  // Without a refused request, whole unused units still lapse at the end of the period.
  PeriodicQuota lapse(false);
  lapse.refill(3.5);
  lapse.refill(1.0);
  CHECK(lapse.available() == Approx(1.5));
  PeriodicQuota carry(true);
  carry.refill(3.5);
  carry.refill(1.0);
  CHECK(carry.available() == Approx(4.5));
}

TEST_CASE("a quota survives absurd rates without overflow", "[engine][quota][correctness]") {
  PeriodicQuota q(true);
  for (int d = 0; d < 10000; ++d) q.refill(1e300);
  CHECK(q.whole_units() > 0);
  CHECK(q.try_take(1e9));
  q.refill(-5.0);
  CHECK(q.available() >= 0.0);
}
