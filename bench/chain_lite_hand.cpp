// chain-lite, hand-specialised: the same model as chain_lite.cpp written as one loop over
// std::priority_queue with plain FIFO queues and no engine — the yardstick the issue names ("a
// hand-specialised loop over std::priority_queue"). Same random streams and time unit, so it
// must print the same results; only the speed may differ. Prints one line of JSON.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>

#include "asylumsim/engine/rng.hpp"

using asylumsim::engine::RandomStream;

namespace {

constexpr double kDay = 86400.0;
enum Kind : std::uint8_t { kArrival, kRegistered, kIndDone, kHousingDone, kDepartureWaitDone };

struct Ev {
  std::int64_t time;
  std::uint64_t seq;
  std::uint32_t id;
  Kind kind;
  bool operator>(const Ev& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

std::int64_t ticks(double d) {
  return std::llround(d * kDay);
}

}  // namespace

int main(int argc, char** argv) {
  double days = 3650, rate = 150;
  std::uint64_t seed = 1;
  CLI::App app{"chain-lite (hand-specialised loop): yardstick for the engine"};
  app.add_option("--days", days, "Horizon in days")->capture_default_str();
  app.add_option("--rate", rate, "Arrivals per day")->capture_default_str();
  app.add_option("--seed", seed, "Seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const auto t0 = std::chrono::steady_clock::now();
  RandomStream r_arrival(seed, 0, "arrival"), r_ind(seed, 0, "ind"), r_grant(seed, 0, "grant"),
      r_housing(seed, 0, "housing"), r_departure(seed, 0, "departure");
  std::priority_queue<Ev, std::vector<Ev>, std::greater<>> fes;
  std::deque<std::uint32_t> ind_queue, housing_queue;
  std::vector<std::int64_t> queued_at;
  queued_at.reserve(static_cast<std::size_t>(rate * days * 1.1));
  int ind_busy = 0, housing_busy = 0;
  std::uint64_t seq = 0, events = 0, scheduled = 0, persons = 0, granted = 0, housed = 0,
                departed = 0, ind_started = 0, housing_started = 0;
  double ind_wait = 0, housing_wait = 0, area = 0;
  std::int64_t occ = 0, last = 0, now = 0;
  const std::int64_t horizon = ticks(days);
  auto occupancy = [&](int d) {
    area += static_cast<double>(occ) * static_cast<double>(now - last);
    last = now;
    occ += d;
  };
  auto start_ind = [&](std::uint32_t id) {
    ++events;
    ++ind_busy;
    ++ind_started;
    ind_wait += static_cast<double>(now - queued_at[id]);
    fes.push({now + ticks(r_ind.exponential(12.0)), seq++, id, kIndDone});
  };
  auto start_housing = [&](std::uint32_t id) {
    ++events;
    ++housing_busy;
    ++housing_started;
    housing_wait += static_cast<double>(now - queued_at[id]);
    fes.push({now + ticks(r_housing.exponential(9.0)), seq++, id, kHousingDone});
  };
  double next_arrival = r_arrival.exponential(1.0 / rate) * kDay;
  fes.push({static_cast<std::int64_t>(next_arrival), seq++, 0, kArrival});
  while (!fes.empty() && fes.top().time < horizon) {
    const Ev e = fes.top();
    fes.pop();
    now = e.time;
    ++events;
    ++scheduled;
    switch (e.kind) {
      case kArrival: {
        const auto id = static_cast<std::uint32_t>(queued_at.size());
        queued_at.push_back(0);
        ++persons;
        fes.push({now + ticks(3.0), seq++, id, kRegistered});
        next_arrival += r_arrival.exponential(1.0 / rate) * kDay;
        if (next_arrival < static_cast<double>(horizon))
          fes.push({static_cast<std::int64_t>(next_arrival), seq++, 0, kArrival});
        break;
      }
      case kRegistered:
        occupancy(+1);
        queued_at[e.id] = now;
        if (ind_busy < 1700)
          start_ind(e.id);
        else
          ind_queue.push_back(e.id);
        break;
      case kIndDone:
        --ind_busy;
        if (!ind_queue.empty()) {
          const std::uint32_t next = ind_queue.front();
          ind_queue.pop_front();
          start_ind(next);
        }
        if (r_grant.uniform01() < 0.4) {
          ++granted;
          queued_at[e.id] = now;
          if (housing_busy < 550)
            start_housing(e.id);
          else
            housing_queue.push_back(e.id);
        } else {
          fes.push({now + ticks(r_departure.exponential(60.0)), seq++, e.id, kDepartureWaitDone});
        }
        break;
      case kHousingDone:
        ++housed;
        occupancy(-1);
        --housing_busy;
        if (!housing_queue.empty()) {
          const std::uint32_t next = housing_queue.front();
          housing_queue.pop_front();
          start_housing(next);
        }
        break;
      case kDepartureWaitDone:
        ++departed;
        occupancy(-1);
        break;
    }
  }
  now = horizon;
  occupancy(0);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print(
      "{{\"persons\": {}, \"events\": {}, \"scheduled_events\": {}, \"seconds\": {:.4f}, "
      "\"events_per_second\": {:.0f}, \"granted\": {}, \"housed\": {}, \"departed\": {}, "
      "\"mean_ind_wait_days\": {:.3f}, \"mean_housing_wait_days\": {:.3f}, \"mean_occupancy\": "
      "{:.1f}}}\n",
      persons, events, scheduled, secs, static_cast<double>(events) / secs, granted, housed,
      departed, ind_wait / static_cast<double>(ind_started) / kDay,
      housing_wait / static_cast<double>(housing_started) / kDay,
      area / static_cast<double>(horizon));
  return 0;
}
