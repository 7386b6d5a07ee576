#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/montecarlo/aggregator.hpp"

using namespace asylumsim;
using montecarlo::Aggregator;

TEST_CASE("exact quantiles follow R type 7", "[montecarlo]") {
  const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(montecarlo::quantile_sorted(v, 0.0) == 1);
  CHECK(montecarlo::quantile_sorted(v, 1.0) == 10);
  CHECK(montecarlo::quantile_sorted(v, 0.5) == Approx(5.5));
  CHECK(montecarlo::quantile_sorted(v, 0.05) == Approx(1.45));  // R: quantile(1:10, .05) = 1.45
  CHECK(montecarlo::quantile_sorted(v, 0.95) == Approx(9.55));
  const auto s = montecarlo::summarise_exact({3, 1, 2});
  CHECK(s.mean == Approx(2));
  CHECK(s.sd == Approx(1));
  CHECK(s.min == 1);
  CHECK(s.max == 3);
}

TEST_CASE("percentiles of known distributions", "[montecarlo]") {
  // Exponential(mean 1): quantile p = -ln(1-p). 20,000 draws; exact and streaming both close.
  Aggregator agg(1, 20000);
  engine::RandomStream r(5, 0, "agg");
  for (int i = 0; i < 20000; ++i) agg.add({r.exponential(1.0)});
  const auto ex = agg.summary(0);
  const auto st = agg.streaming_summary(0);
  for (auto [p, got_exact, got_stream] :
       {std::tuple{0.05, ex.p05, st.p05}, std::tuple{0.25, ex.p25, st.p25},
        std::tuple{0.5, ex.p50, st.p50}, std::tuple{0.75, ex.p75, st.p75},
        std::tuple{0.95, ex.p95, st.p95}}) {
    const double truth = -std::log(1 - p);
    INFO("p=" << p);
    CHECK(got_exact == Approx(truth).epsilon(0.04));
    CHECK(got_stream == Approx(got_exact).epsilon(0.03));  // streaming agrees with exact
  }
  CHECK(ex.mean == Approx(1.0).epsilon(0.03));
  CHECK(ex.sd == Approx(1.0).epsilon(0.03));
}

TEST_CASE("streaming percentiles agree with exact ones at the switch-over size", "[montecarlo]") {
  // The default exact limit (200) is where both are available for a typical batch.
  Aggregator agg(3, Aggregator::kDefaultExactLimit);
  engine::RandomStream r(9, 0, "agg");
  const auto lognormal = engine::Distribution::lognormal(70000, 0.05);  // like COA occupancy
  for (std::size_t i = 0; i < Aggregator::kDefaultExactLimit; ++i)
    agg.add({lognormal.sample(r), 1000 + 50 * r.uniform01(), r.exponential(10)});
  REQUIRE(agg.exact());
  for (std::size_t c = 0; c < 3; ++c) {
    const auto ex = agg.summary(c), st = agg.streaming_summary(c);
    const double spread = ex.p95 - ex.p05;
    INFO("cell " << c);
    // Tolerance: 10% of the 90% band, the precision a fan chart is read at.
    CHECK(std::abs(st.p05 - ex.p05) <= 0.10 * spread);
    CHECK(std::abs(st.p50 - ex.p50) <= 0.10 * spread);
    CHECK(std::abs(st.p95 - ex.p95) <= 0.10 * spread);
  }
  agg.add({70000, 1000, 1});
  CHECK_FALSE(agg.exact());  // past the limit: streaming from here on, memory stays bounded
}

TEST_CASE("the standard error of the mean matches its known value", "[montecarlo]") {
  // U(0,1): sd = 1/sqrt(12); with 400 replications the SE of the mean is sd / 20.
  Aggregator agg(1, 10);
  engine::RandomStream r(3, 0, "se");
  for (int i = 0; i < 400; ++i) agg.add({r.uniform01()});
  const auto s = agg.streaming_summary(0);
  CHECK(s.n == 400);
  CHECK(s.sd == Approx(1.0 / std::sqrt(12.0)).epsilon(0.08));
  CHECK(s.standard_error() == Approx(1.0 / std::sqrt(12.0) / 20.0).epsilon(0.08));
  CHECK(std::abs(s.mean - 0.5) < 4 * s.standard_error());
}

TEST_CASE("ordered feed releases rows in replication order whatever the arrival order",
          "[montecarlo]") {
  std::vector<std::uint64_t> seen;
  montecarlo::OrderedFeed feed(
      10, [&](std::uint64_t rep, const std::vector<double>&) { seen.push_back(rep); });
  feed.submit(12, {});
  feed.submit(11, {});
  CHECK(seen.empty());
  CHECK(feed.buffered() == 2);
  feed.submit(10, {});
  CHECK(seen == std::vector<std::uint64_t>{10, 11, 12});
  std::vector<std::thread> ts;
  for (std::uint64_t k = 0; k < 8; ++k) ts.emplace_back([&, k] { feed.submit(20 - k, {}); });
  for (auto& t : ts) t.join();
  CHECK(seen.size() == 11);
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == 10 + i);
}

// The MPI root polls next() on the main thread while worker threads submit rows; under
// ThreadSanitizer (the tsan preset) a plain read of the counter there was a reported data race.
TEST_CASE("the ordered feed can be polled while worker threads submit", "[montecarlo][threads]") {
  std::uint64_t delivered = 0;
  montecarlo::OrderedFeed feed(0, [&](std::uint64_t, const std::vector<double>&) { ++delivered; });
  constexpr std::uint64_t kRows = 2000;
  std::vector<std::thread> workers;
  for (std::uint64_t w = 0; w < 4; ++w)
    workers.emplace_back([&feed, w] {
      for (std::uint64_t r = w; r < kRows; r += 4) feed.submit(r, {static_cast<double>(r)});
    });
  std::uint64_t seen = 0;
  while (seen < kRows) {
    const std::uint64_t n = feed.next();
    REQUIRE(n >= seen);  // never goes backwards
    seen = n;
    (void)feed.buffered();
  }
  for (auto& t : workers) t.join();
  CHECK(delivered == kRows);
  CHECK(feed.buffered() == 0);
}
