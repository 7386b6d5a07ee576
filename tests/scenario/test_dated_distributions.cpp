#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;

TEST_CASE("lead-time distributions can change at a date", "[scenario][model]") {
  auto y = test::small_yaml();
  y["registration"]["duration"] = YAML::Load(
      "[{from: 2024-01-01, value: 5}, {from: 2025-01-01, value: {dist: fixed, value: 30}}]");
  const auto s = test::scenario_from(y);
  const auto cal = s.calendar();
  CHECK(s.registration.duration.at(cal.to_tick(*engine::parse_date("2024-06-01"))).mean == 5);
  CHECK(s.registration.duration.at(cal.to_tick(*engine::parse_date("2025-06-01"))).mean == 30);
  // In the model: registrations started in 2025 take 30 days.
  model::ChainModel m(s, 0);
  std::map<model::PersonId, engine::Tick> started;
  int checked = 0;
  m.observe_transitions([&](model::PersonId id, model::Stage from, model::Stage to,
                            engine::Tick t) {
    (void)to;
    if (from == model::Stage::kRegistration && m.persons()[id].origin == model::Origin::kFirst) {
      const engine::Tick applied = m.persons()[id].applied;
      const engine::Tick expected = applied >= cal.to_tick(*engine::parse_date("2025-01-01"))
                                        ? engine::days(30)
                                        : engine::days(5);
      REQUIRE(t - applied == expected);
      ++checked;
    }
  });
  m.run();
  CHECK(checked > 1000);
}

TEST_CASE("a dated distribution list is checked like a schedule", "[scenario][errors]") {
  auto y = test::small_yaml();
  y["registration"]["duration"] = YAML::Load("[{from: 2024-02-01, value: 5}]");
  CHECK_THROWS_WITH(
      test::scenario_from(y, "bad.yaml"),
      Catch::Contains(
          "registration.duration[0].from: the first step must start on the scenario start date"));
}
