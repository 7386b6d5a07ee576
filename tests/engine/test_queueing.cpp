// Queueing-theory checks of the engine: an M/M/c system built from the simulator, a server pool
// and random streams must reproduce Erlang C waiting times and Little's law.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "asylumsim/engine/resource.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/engine/simulator.hpp"

using namespace asylumsim::engine;

namespace {

double erlang_c_wait(double lambda, double mu, int c) {
  const double a = lambda / mu;  // offered load in servers
  const double rho = a / c;
  double sum = 0.0, term = 1.0;
  for (int k = 0; k < c; ++k) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const double last = term * a / c / (1.0 - rho);
  const double p_wait = last / (sum + last);
  return p_wait / (c * mu - lambda);
}

struct MmcResult {
  std::vector<double> waits;  // per customer, in order of service start
  double mean_in_system = 0;  // time average
  double mean_sojourn = 0;
  double arrival_rate = 0;  // observed
};

// Time unit: one tick. Rates per tick.
MmcResult simulate_mmc(double lambda, double mu, int c, int customers, std::uint64_t seed) {
  enum Kind : std::uint32_t { kArrival, kDeparture };
  Simulator<> sim;
  ServerPool<std::uint32_t> pool(c);
  RandomStream arrivals(seed, 0, "arrivals"), service(seed, 0, "service");
  std::vector<Tick> arrived(customers);
  MmcResult r;
  r.waits.reserve(customers);
  TimeWeighted in_system;
  double sojourn_sum = 0;
  int departed = 0;
  std::uint32_t next_id = 0;
  auto start_service = [&](std::uint32_t id) {
    r.waits.push_back(static_cast<double>(sim.now() - arrived[id]));
    sim.schedule_in(static_cast<Tick>(std::llround(service.exponential(1.0 / mu))),
                    Priority::kNormal, {kDeparture, id, 0});
  };
  sim.schedule_at(0, Priority::kNormal, {kArrival, 0, 0});
  Tick last_arrival = 0;
  sim.run_until(kNever, [&](const Event& e) {
    if (e.data.kind == kArrival) {
      const std::uint32_t id = next_id++;
      arrived[id] = sim.now();
      last_arrival = sim.now();
      in_system.add(sim.now(), 1);
      if (pool.request(sim.now(), id)) start_service(id);
      if (next_id < static_cast<std::uint32_t>(customers))
        sim.schedule_in(static_cast<Tick>(std::llround(arrivals.exponential(1.0 / lambda))),
                        Priority::kNormal, {kArrival, 0, 0});
    } else {
      in_system.add(sim.now(), -1);
      sojourn_sum += static_cast<double>(sim.now() - arrived[e.data.subject]);
      ++departed;
      if (auto next = pool.release(sim.now())) start_service(*next);
    }
  });
  const Tick end = sim.now();
  r.mean_in_system = in_system.mean_until(end, 0);
  r.mean_sojourn = sojourn_sum / departed;
  r.arrival_rate = static_cast<double>(customers) / static_cast<double>(end);
  (void)last_arrival;
  return r;
}

// Mean and standard error by batch means: waiting times are autocorrelated, so the naive
// standard error would be far too small. Discards the first batch as warm-up.
std::pair<double, double> batch_means(const std::vector<double>& x, int batches) {
  const std::size_t b = x.size() / static_cast<std::size_t>(batches + 1);
  std::vector<double> means;
  for (int k = 1; k <= batches; ++k) {
    double s = 0;
    for (std::size_t i = k * b; i < (k + 1) * b; ++i) s += x[i];
    means.push_back(s / static_cast<double>(b));
  }
  double m = 0;
  for (double v : means) m += v;
  m /= batches;
  double var = 0;
  for (double v : means) var += (v - m) * (v - m);
  var /= (batches - 1);
  return {m, std::sqrt(var / batches)};
}

}  // namespace

TEST_CASE("M/M/1 mean wait matches the analytic value", "[engine][queueing]") {
  // Ticks are hours; mean service 100 ticks keeps rounding of durations negligible (<0.5%).
  const double mu = 1.0 / 100.0, lambda = 0.7 * mu;
  const auto r = simulate_mmc(lambda, mu, 1, 400000, 2024);
  const double analytic = lambda / (mu * (mu - lambda));  // Wq = rho / (mu - lambda)
  const auto [mean, se] = batch_means(r.waits, 40);
  INFO("simulated " << mean << " +- " << se << ", analytic " << analytic);
  CHECK(std::abs(mean - analytic) < 4.0 * se + 0.01 * analytic);
  CHECK(se < 0.05 * analytic);  // the test has power
}

TEST_CASE("M/M/c mean wait matches Erlang C", "[engine][queueing]") {
  for (int c : {2, 5, 20}) {
    const double mu = 1.0 / 100.0, lambda = 0.85 * c * mu;
    const auto r = simulate_mmc(lambda, mu, c, 400000, 77 + c);
    const double analytic = erlang_c_wait(lambda, mu, c);
    const auto [mean, se] = batch_means(r.waits, 40);
    INFO("c=" << c << " simulated " << mean << " +- " << se << ", analytic " << analytic);
    CHECK(std::abs(mean - analytic) < 4.0 * se + 0.01 * analytic);
  }
}

TEST_CASE("Little's law holds on the simulated system", "[engine][queueing]") {
  const double mu = 1.0 / 100.0, lambda = 0.9 * 3 * mu;
  const auto r = simulate_mmc(lambda, mu, 3, 200000, 5);
  // L = lambda * W over the whole run (system empty at both ends, so it holds up to rounding).
  CHECK(r.mean_in_system == Approx(r.arrival_rate * r.mean_sojourn).epsilon(1e-9));
}

TEST_CASE("Erlang C helper agrees with M/M/1 closed form", "[engine][queueing]") {
  CHECK(erlang_c_wait(0.5, 1.0, 1) == Approx(0.5 / (1.0 * 0.5)));
}
