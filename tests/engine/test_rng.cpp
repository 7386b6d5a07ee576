#include <catch2/catch.hpp>
#include <cmath>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/engine/statistics.hpp"

using namespace asylumsim::engine;

TEST_CASE("streams are keyed by seed, replication and name", "[engine][rng]") {
  RandomStream a(1, 0, "ind"), b(1, 0, "ind"), c(1, 1, "ind"), d(1, 0, "coa"), e(2, 0, "ind");
  std::vector<std::uint32_t> va, vb, vc, vd, ve;
  for (int i = 0; i < 16; ++i) {
    va.push_back(a());
    vb.push_back(b());
    vc.push_back(c());
    vd.push_back(d());
    ve.push_back(e());
  }
  CHECK(va == vb);
  CHECK(va != vc);
  CHECK(va != vd);
  CHECK(va != ve);
}

TEST_CASE("uniform draws lie strictly inside (0,1) and have the right moments", "[engine][rng]") {
  RandomStream r(7, 3, "u");
  Tally t;
  for (int i = 0; i < 200000; ++i) {
    const double u = r.uniform01();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    t.add(u);
  }
  const double se = std::sqrt(1.0 / 12.0 / 200000.0);
  CHECK(std::abs(t.mean() - 0.5) < 5 * se);
  CHECK(std::abs(t.variance() - 1.0 / 12.0) < 0.002);
}

TEST_CASE("distributions reproduce their documented means", "[engine][rng]") {
  const int n = 200000;
  for (const auto& d : {Distribution::exponential(30.0), Distribution::lognormal(30.0, 0.8),
                        Distribution::gamma(30.0, 0.5), Distribution::fixed(30.0),
                        Distribution::empirical({0.0, 20.0, 30.0, 70.0})}) {
    RandomStream r(11, 0, "dist");
    Tally t;
    for (int i = 0; i < n; ++i) t.add(d.sample(r));
    INFO(d.describe());
    const double se = t.stddev() / std::sqrt(static_cast<double>(n));
    CHECK(std::abs(t.mean() - d.expected()) <= 5 * se + 1e-9);
  }
  // Coefficient of variation is honoured by the lognormal and the gamma.
  for (const auto& d : {Distribution::lognormal(10.0, 0.5), Distribution::gamma(10.0, 0.5)}) {
    RandomStream r(12, 0, "cv");
    Tally t;
    for (int i = 0; i < n; ++i) t.add(d.sample(r));
    CHECK(t.stddev() / t.mean() == Approx(0.5).epsilon(0.03));
  }
}

TEST_CASE("the largest 53-bit draw maps below 1, so inverse CDFs and bernoulli(1) hold",
          "[engine][rng][correctness]") {
  constexpr std::uint64_t kAllOnes = (std::uint64_t{1} << 53) - 1;
  // (2^53 - 0.5) * 2^-53 rounds to 1.0 in double precision: the old mapping returned exactly 1.
  CHECK((static_cast<double>(kAllOnes) + 0.5) * 0x1.0p-53 == 1.0);
  const double top = RandomStream::unit_interval(kAllOnes);
  CHECK(top < 1.0);
  CHECK(top > 0.9999999999999998);
  CHECK(RandomStream::unit_interval(0) > 0.0);
  CHECK(1.0 - top < 1.0);
  // At that draw, bernoulli(1) is true and a lognormal inverse CDF stays finite.
  CHECK(top < 1.0);
  const double z = 2.0 * top - 1.0;
  CHECK(std::isfinite(std::log(1.0 - z)));
}
