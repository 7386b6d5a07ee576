// chain-lite: a fixed reference model for comparing the engine with other DES tools on identical
// work (issue spec in docs/performance.md). Built from the same engine primitives as the chain
// model: Simulator over the indexed d-ary heap, ServerPool with a FIFO discipline, RandomStream,
// TimeWeighted. Prints one line of JSON.
//
// Time: one tick = one second, so exponential service times lose nothing to rounding.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <vector>

#include "asylumsim/engine/resource.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/engine/simulator.hpp"
#include "asylumsim/engine/statistics.hpp"

using namespace asylumsim::engine;

namespace {

constexpr double kTicksPerDayLite = 86400.0;

enum Kind : std::uint32_t { kArrival, kRegistered, kIndDone, kHousingDone, kDepartureWaitDone };

struct Options {
  double days = 3650;
  double rate = 150;
  std::uint64_t seed = 1;
};

Tick ticks(double d) {
  return static_cast<Tick>(std::llround(d * kTicksPerDayLite));
}

struct ChainLite {
  explicit ChainLite(const Options& o)
      : opt(o),
        ind(1700),
        housing(550),
        rng_arrival(o.seed, 0, "arrival"),
        rng_ind(o.seed, 0, "ind"),
        rng_grant(o.seed, 0, "grant"),
        rng_housing(o.seed, 0, "housing"),
        rng_departure(o.seed, 0, "departure") {}

  void start_ind(std::uint32_t id) {
    ++events;  // start of service
    ind_wait_sum += static_cast<double>(sim.now() - queued_at[id]);
    ++ind_started;
    sim.schedule_in(ticks(rng_ind.exponential(12.0)), Priority::kNormal, {kIndDone, id, 0});
  }
  void start_housing(std::uint32_t id) {
    ++events;
    housing_wait_sum += static_cast<double>(sim.now() - queued_at[id]);
    ++housing_started;
    sim.schedule_in(ticks(rng_housing.exponential(9.0)), Priority::kNormal, {kHousingDone, id, 0});
  }
  void leave() { occupancy.add(sim.now(), -1); }

  void handle(const Event& e) {
    ++events;
    const std::uint32_t id = e.data.subject;
    switch (e.data.kind) {
      case kArrival: {
        const auto pid = static_cast<std::uint32_t>(queued_at.size());
        queued_at.push_back(0);
        ++persons;
        sim.schedule_in(ticks(3.0), Priority::kNormal, {kRegistered, pid, 0});
        next_arrival += rng_arrival.exponential(1.0 / opt.rate) * kTicksPerDayLite;
        if (next_arrival < static_cast<double>(horizon))
          sim.schedule_at(static_cast<Tick>(next_arrival), Priority::kNormal, {kArrival, 0, 0});
        break;
      }
      case kRegistered:
        occupancy.add(sim.now(), +1);
        queued_at[id] = sim.now();
        if (ind.request(sim.now(), id)) start_ind(id);
        break;
      case kIndDone:
        if (auto next = ind.release(sim.now())) start_ind(*next);
        if (rng_grant.uniform01() < 0.4) {
          ++granted;
          queued_at[id] = sim.now();
          if (housing.request(sim.now(), id)) start_housing(id);
        } else {
          sim.schedule_in(ticks(rng_departure.exponential(60.0)), Priority::kNormal,
                          {kDepartureWaitDone, id, 0});
        }
        break;
      case kHousingDone:
        ++housed;
        leave();
        if (auto next = housing.release(sim.now())) start_housing(*next);
        break;
      case kDepartureWaitDone:
        ++departed;
        leave();
        break;
    }
  }

  void run() {
    horizon = ticks(opt.days);
    queued_at.reserve(static_cast<std::size_t>(opt.rate * opt.days * 1.1));
    next_arrival = rng_arrival.exponential(1.0 / opt.rate) * kTicksPerDayLite;
    sim.schedule_at(static_cast<Tick>(next_arrival), Priority::kNormal, {kArrival, 0, 0});
    sim.run_until(horizon, [this](const Event& e) { handle(e); });
  }

  Options opt;
  Simulator<> sim;
  ServerPool<std::uint32_t> ind, housing;
  RandomStream rng_arrival, rng_ind, rng_grant, rng_housing, rng_departure;
  std::vector<Tick> queued_at;
  TimeWeighted occupancy;
  Tick horizon = 0;
  double next_arrival = 0;
  std::uint64_t events = 0, persons = 0, granted = 0, housed = 0, departed = 0;
  std::uint64_t ind_started = 0, housing_started = 0;
  double ind_wait_sum = 0, housing_wait_sum = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"chain-lite: reference DES workload for engine comparisons"};
  app.add_option("--days", o.days, "Horizon in days")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--rate", o.rate, "Arrivals per day")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", o.seed, "Seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  ChainLite m(o);
  const auto t0 = std::chrono::steady_clock::now();
  m.run();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double day = kTicksPerDayLite;
  fmt::print(
      "{{\"persons\": {}, \"events\": {}, \"scheduled_events\": {}, \"seconds\": {:.4f}, "
      "\"events_per_second\": {:.0f}, \"granted\": {}, \"housed\": {}, \"departed\": {}, "
      "\"mean_ind_wait_days\": {:.3f}, \"mean_housing_wait_days\": {:.3f}, \"mean_occupancy\": "
      "{:.1f}}}\n",
      m.persons, m.events, m.sim.events_executed(), secs, static_cast<double>(m.events) / secs,
      m.granted, m.housed, m.departed, m.ind_wait_sum / static_cast<double>(m.ind_started) / day,
      m.housing_wait_sum / static_cast<double>(m.housing_started) / day,
      m.occupancy.mean_until(m.horizon, 0));
  return 0;
}
