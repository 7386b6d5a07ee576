#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <vector>

#include "asylumsim/engine/dary_heap.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/engine/simulator.hpp"

using namespace asylumsim::engine;

TEST_CASE("event keys order by time, then priority, then insertion sequence", "[engine][event]") {
  CHECK(EventKey::make(1, Priority::kLow, 9) < EventKey::make(2, Priority::kBoundary, 0));
  CHECK(EventKey::make(5, Priority::kHigh, 9) < EventKey::make(5, Priority::kNormal, 0));
  CHECK(EventKey::make(5, Priority::kNormal, 3) < EventKey::make(5, Priority::kNormal, 4));
  CHECK(EventKey::make(5, Priority::kNormal, 3).priority() == Priority::kNormal);
  CHECK(EventKey::make(5, Priority::kNormal, 3).sequence() == 3);
}

TEST_CASE("simultaneous events run in priority then insertion order", "[engine][event]") {
  Simulator<> sim;
  sim.schedule_at(10, Priority::kNormal, {1, 0, 0});
  sim.schedule_at(10, Priority::kLow, {2, 0, 0});
  sim.schedule_at(10, Priority::kNormal, {3, 0, 0});
  sim.schedule_at(10, Priority::kBoundary, {4, 0, 0});
  sim.schedule_at(9, Priority::kLow, {5, 0, 0});
  std::vector<std::uint32_t> order;
  sim.run_until(100, [&](const Event& e) { order.push_back(e.data.kind); });
  CHECK(order == std::vector<std::uint32_t>{5, 4, 1, 3, 2});
  CHECK(sim.now() == 100);
}

TEST_CASE("cancellation removes exactly the event and ignores stale handles", "[engine][event]") {
  Simulator<> sim;
  std::vector<EventHandle> h;
  for (std::uint32_t i = 0; i < 50; ++i)
    h.push_back(sim.schedule_at(static_cast<Tick>(100 - i), Priority::kNormal, {i, 0, 0}));
  CHECK(sim.cancel(h[7]));
  CHECK_FALSE(sim.cancel(h[7]));  // already cancelled
  CHECK(sim.cancel(h[0]));
  std::vector<std::uint32_t> ran;
  sim.run_until(1000, [&](const Event& e) { ran.push_back(e.data.kind); });
  CHECK(ran.size() == 48);
  CHECK(std::find(ran.begin(), ran.end(), 7u) == ran.end());
  CHECK(std::find(ran.begin(), ran.end(), 0u) == ran.end());
  CHECK_FALSE(sim.cancel(h[3]));  // already ran
  // A reused slot must not be cancelled through an old handle.
  auto fresh = sim.schedule_at(2000, Priority::kNormal, {99, 0, 0});
  CHECK_FALSE(sim.cancel(h[5]));
  CHECK(sim.pending() == 1);
  CHECK(sim.cancel(fresh));
}

TEST_CASE("d-ary heap agrees with an ordered multiset under random push, pop and cancel",
          "[engine][event]") {
  IndexedDaryHeap<4> heap;
  std::set<EventKey> reference;
  std::vector<std::pair<EventHandle, EventKey>> live;
  RandomStream rng(42, 0, "heap-property");
  std::uint64_t seq = 0;
  Tick now = 0;
  for (int step = 0; step < 200000; ++step) {
    const auto op = rng.below(10);
    if (op < 5 || reference.empty()) {
      const EventKey k =
          EventKey::make(now + rng.below(500), static_cast<Priority>(rng.below(5)), seq++);
      live.push_back({heap.push(k, {}), k});
      reference.insert(k);
    } else if (op < 8) {
      const Event e = heap.pop();
      REQUIRE(e.key == *reference.begin());
      reference.erase(reference.begin());
      now = e.key.time;
    } else {
      const auto i = rng.below(static_cast<std::uint32_t>(live.size()));
      const bool was_live = reference.count(live[i].second) == 1;
      REQUIRE(heap.cancel(live[i].first) == was_live);
      reference.erase(live[i].second);
      live[i] = live.back();
      live.pop_back();
    }
    REQUIRE(heap.size() == reference.size());
    if (!reference.empty()) REQUIRE(heap.top_key() == *reference.begin());
  }
}

TEST_CASE("a default step schedule is defined at every tick", "[engine][resource]") {
  // Regression (found by the fuzzer): an empty schedule made at() step before begin().
  const StepSchedule<double> s;
  CHECK(s.at(0) == 0.0);
  CHECK(s.at(-1000) == 0.0);
  StepSchedule<double> t;
  t.set_from(100, 5.0);
  CHECK(t.at(99) == 0.0);
  CHECK(t.at(100) == 5.0);
}

TEST_CASE("scheduling into the past is an error in every build", "[engine][event][correctness]") {
  Simulator<> sim;
  sim.schedule_at(10, Priority::kNormal, {1, 0, 0});
  sim.run_until(20, [](const Event&) {});
  CHECK_THROWS_AS(sim.schedule_at(19, Priority::kNormal, {2, 0, 0}), std::logic_error);
  CHECK_THROWS_WITH(sim.schedule_at(5, Priority::kNormal, {2, 0, 0}),
                    Catch::Contains("before the clock"));
  CHECK(sim.now() == 20);
  CHECK_NOTHROW(sim.schedule_at(20, Priority::kNormal, {3, 0, 0}));
}

TEST_CASE("run_before a (time, priority) bound runs the boundary at the horizon and no more",
          "[engine][event][correctness]") {
  Simulator<> sim;
  sim.schedule_at(99, Priority::kLow, {1, 0, 0});
  sim.schedule_at(100, Priority::kBoundary, {2, 0, 0});
  sim.schedule_at(100, Priority::kSchedule, {3, 0, 0});
  sim.schedule_at(101, Priority::kBoundary, {4, 0, 0});
  std::vector<std::uint32_t> ran;
  sim.run_before(EventKey::make(100, Priority::kSchedule, 0),
                 [&](const Event& e) { ran.push_back(e.data.kind); });
  CHECK(ran == std::vector<std::uint32_t>{1, 2});
  CHECK(sim.pending() == 2);
}
