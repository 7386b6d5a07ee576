// Indicators per nationality group (issue 27): BASE.by_group.GROUP, summing to the chain-wide one.
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/by_group.hpp"
#include "asylumsim/model/metrics_by_group.hpp"
#include "asylumsim/montecarlo/batch.hpp"

using namespace asylumsim;

TEST_CASE("per-group indicators add up to the chain-wide indicator", "[metrics][groups]") {
  const scenario::Scenario s = test::scenario_from(test::small_yaml());
  const auto groups = indicators::group_indicators(s);
  REQUIRE(groups.size() == 6 * s.groups.size());
  CHECK(groups.front()->id == "inflow.first_applications.by_group.alpha");
  std::vector<montecarlo::Cell> grid;
  const char* bases[] = {"inflow.first_applications", "ind.decisions_first", "ind.grants_first",
                         "permits.total"};
  for (const char* base : bases) {
    const auto p = engine::parse_period("2025");
    grid.push_back({indicators::find_indicator(base), {p, std::nullopt}});
    for (const auto& g : s.groups)
      grid.push_back({indicators::find_indicator(std::string(base) + ".by_group." + g.name),
                      {p, std::nullopt}});
  }
  const auto d = engine::parse_date("2025-07-01");
  for (const char* base : {"coa.occupancy", "ind.backlog"}) {
    grid.push_back(
        {indicators::find_indicator(base == std::string("ind.backlog") ? "ind.backlog.aa" : base),
         {std::nullopt, d}});
    for (const auto& g : s.groups)
      grid.push_back({indicators::find_indicator(std::string(base) + ".by_group." + g.name),
                      {std::nullopt, d}});
  }
  for (const char* track : {"ind.backlog.dublin", "ind.backlog.safe_country", "ind.backlog.va"})
    grid.push_back({indicators::find_indicator(track), {std::nullopt, d}});
  for (const auto& c : grid) REQUIRE(c.indicator != nullptr);
  const auto row = montecarlo::replication_row(s, grid, 0);
  const std::size_t stride = 1 + s.groups.size();
  for (std::size_t b = 0; b < 4; ++b) {  // flows: the groups sum to the whole
    INFO(grid[b * stride].indicator->id);
    CHECK(row[b * stride] > 0);
    CHECK(row[b * stride + 1] + row[b * stride + 2] == Approx(row[b * stride]));
  }
  // COA occupancy: the groups sum to the whole (Nidos excluded in both).
  CHECK(row[4 * stride] > 0);
  CHECK(row[4 * stride + 1] + row[4 * stride + 2] == Approx(row[4 * stride]));
  // The backlog per group covers all four tracks.
  const double all_tracks =
      row[5 * stride] + row[6 * stride] + row[6 * stride + 1] + row[6 * stride + 2];
  CHECK(all_tracks > 0);
  CHECK(row[5 * stride + 1] + row[5 * stride + 2] == Approx(all_tracks));
}
TEST_CASE("the run grid holds the per-group indicators after every chain-wide one",
          "[metrics][groups]") {
  const scenario::Scenario s = test::scenario_from(test::small_yaml());
  const auto grid = montecarlo::default_grid(s);
  bool seen_group = false;
  for (const auto& c : grid) {
    const bool group = c.indicator->id.find(".by_group.") != std::string::npos;
    if (seen_group) CHECK(group);  // none of the catalogue's rows comes after them
    seen_group = seen_group || group;
  }
  CHECK(seen_group);
  CHECK(indicators::find_group_indicator("coa.occupancy.by_group.beta")->kind ==
        indicators::Indicator::Kind::kStock);
  CHECK(indicators::find_group_indicator("coa.capacity.by_group.beta") == nullptr);
}
