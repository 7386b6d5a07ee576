// Housing by class of municipalities (housing.municipalities) and the urgent lane
// (housing.urgent_share), on the small scenario with the transition observer.
#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <vector>

#include "../support/fixtures.hpp"
#include "../support/model_run.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;
using model::ChainModel;
using model::Stage;
using test::indicator;

namespace {

// Weeks from permit to leaving COA for housing, per class of municipalities (index -1: no class).
struct ExitsByClass {
  std::vector<std::vector<double>> weeks;
  double mean(std::size_t c) const {
    return std::accumulate(weeks[c].begin(), weeks[c].end(), 0.0) /
           static_cast<double>(weeks[c].size());
  }
};

ExitsByClass run_exits(const YAML::Node& y, std::size_t classes) {
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  ExitsByClass out{std::vector<std::vector<double>>(classes)};
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, engine::Tick t) {
    if (from != Stage::kPermitHolder || to != Stage::kHoused) return;
    // Minors with Nidos and family members housed directly with their referent have no class.
    const int c = m.municipal_class(id);
    if (c < 0) return;
    REQUIRE(c < static_cast<int>(classes));
    const auto& p = m.persons()[id];
    out.weeks[static_cast<std::size_t>(c)].push_back(engine::days_from_ticks(t - p.permit_at) /
                                                     7.0);
  });
  m.run();
  m.check_conservation();  // the housing line is the sum of the classes' lanes
  return out;
}

YAML::Node two_classes(double fast_performance, double slow_performance) {
  auto y = test::small_yaml();
  y["housing"]["municipalities"]["fast"]["quota_share"] = 0.5;
  y["housing"]["municipalities"]["fast"]["performance"] = fast_performance;
  y["housing"]["municipalities"]["slow"]["quota_share"] = 0.5;
  y["housing"]["municipalities"]["slow"]["performance"] = slow_performance;
  return y;
}

}  // namespace

TEST_CASE("a class of municipalities that keeps up houses its permit holders sooner",
          "[model][housing]") {
  const ExitsByClass exits = run_exits(two_classes(1.6, 0.4), 2);
  REQUIRE(exits.weeks[0].size() > 100);
  REQUIRE(exits.weeks[1].size() > 100);
  CHECK(exits.mean(0) < 0.75 * exits.mean(1));
  // Linked by quota share: both classes house about as many (the slow one catches up as its
  // balance grows, since capacity follows what each class is asked to house).
  const double n0 = static_cast<double>(exits.weeks[0].size());
  const double n1 = static_cast<double>(exits.weeks[1].size());
  CHECK(n0 / (n0 + n1) > 0.4);
  CHECK(n0 / (n0 + n1) < 0.7);
}

TEST_CASE("equal classes of municipalities house like one national line", "[model][housing]") {
  const ExitsByClass equal = run_exits(two_classes(1.0, 1.0), 2);
  CHECK(equal.mean(0) == Approx(equal.mean(1)).epsilon(0.15));
  // Realisation and backlog follow the national figures whatever the split.
  const test::RunOnce one(test::small_yaml());
  const test::RunOnce two(two_classes(1.0, 1.0));
  for (const char* h : {"2024-H1", "2024-H2", "2025-H1"})
    CHECK(indicator(two, "housing.realised", h) ==
          Approx(indicator(one, "housing.realised", h)).epsilon(0.05));
}

TEST_CASE("urgent households are housed before the regular line", "[model][housing]") {
  auto regular = test::small_yaml();
  regular["housing"]["realisation_per_half_year"] = 700;  // a line long enough to wait in
  auto urgent = YAML::Clone(regular);
  urgent["housing"]["urgent_share"] = 0.3;
  auto fewer = YAML::Clone(regular);
  fewer["housing"]["urgent_share"] = 0.15;
  const test::RunOnce without(regular);
  const test::RunOnce with(urgent);
  const test::RunOnce with_fewer(fewer);
  CHECK(indicator(without, "housing.urgent_links", "2025") == 0);
  const double links = indicator(with, "housing.urgent_links", "2025");
  CHECK(links > 100);
  // Drawn at linking: half the share gives about half the urgent households.
  CHECK(indicator(with_fewer, "housing.urgent_links", "2025") / links == Approx(0.5).margin(0.1));
  // The urgent ones skip the wait, the others wait longer: the spread widens at both ends.
  CHECK(indicator(with, "housing.exit_weeks_after_permit.p10", "2025") <
        0.5 * indicator(without, "housing.exit_weeks_after_permit.p10", "2025"));
  CHECK(indicator(with, "housing.exit_weeks_after_permit.p90", "2025") >
        indicator(without, "housing.exit_weeks_after_permit.p90", "2025"));
}

TEST_CASE("capacity that follows the task houses a share of quota plus backlog",
          "[model][housing]") {
  auto y = test::small_yaml();
  y["housing"]["realisation_per_half_year"] = 0;
  y["housing"]["realisation_share_of_obligation"] = 0.5;
  y["initial"]["permit_holders_in_coa"] = 3000;  // enough waiting that capacity binds
  // Minors with Nidos count for the quota outside the municipal capacity; leave them out here.
  y["groups"]["alpha"]["amv_share"] = 0.0;
  y["initial"]["amv_share"] = 0.0;
  const test::RunOnce m(y);
  const char* halves[] = {"2024-H1", "2024-H2", "2025-H1", "2025-H2"};
  const char* starts[] = {"2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01"};
  for (int i = 0; i < 4; ++i) {
    const double obligation =
        indicator(m, "housing.quota", halves[i]) + indicator(m, "housing.backlog", starts[i]);
    // Households are housed whole, so a half-year may end a few persons short or over.
    CHECK(indicator(m, "housing.realised", halves[i]) == Approx(0.5 * obligation).margin(5));
  }
  // The backlog grows, and so does what municipalities realise: it levels off.
  CHECK(indicator(m, "housing.realised", "2025-H2") > indicator(m, "housing.realised", "2024-H1"));
}

TEST_CASE("shelter residents from before the start move on within a drawn class",
          "[model][housing]") {
  auto y = two_classes(1.6, 0.4);
  y["initial"]["har_plus_residents"] = 400;
  y["housing"]["har_plus_move_on"] = YAML::Load("{dist: exponential, mean: 120}");
  const test::RunOnce with_classes(y);
  with_classes.m.check_conservation();
  // Nearly all of them move on (120 days on average, two years to go).
  CHECK(indicator(with_classes, "housing.har_plus_moved_on", "2024") > 300);
  CHECK(indicator(with_classes, "housing.har_plus_residents", "2025-12-31") < 20);
}
