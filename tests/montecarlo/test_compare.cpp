// Paired comparison: common random numbers narrow the confidence interval of a difference, and
// measures act in the expected direction.
#include <catch2/catch.hpp>

#include "../support/comparison.hpp"
#include "asylumsim/indicators/indicator.hpp"

using namespace asylumsim;

using test::cell;
using test::compare;

TEST_CASE("common random numbers give a narrower interval than independent runs",
          "[montecarlo][compare]") {
  const auto base = test::small_yaml();
  auto variant = test::small_yaml();
  variant["ind"]["capacity_per_week"]["aa"] = 65;  // +30% AA decisions
  const auto crn = compare(base, variant, true);
  const auto ind = compare(base, variant, false);
  auto width = [](const montecarlo::Difference& d) { return d.ci_high - d.ci_low; };
  CHECK(width(cell(crn, "coa.occupancy", "2026-01-01")) <
        width(cell(ind, "coa.occupancy", "2026-01-01")));
  CHECK(width(cell(crn, "ind.backlog.aa", "2026-01-01")) <
        0.5 * width(cell(ind, "ind.backlog.aa", "2026-01-01")));
  // Indicators the change cannot touch (inflow) differ by exactly nothing with common numbers.
  CHECK(width(cell(crn, "inflow.first_applications", "2025")) == 0);
  CHECK(width(cell(ind, "inflow.first_applications", "2025")) > 0);
  CHECK(cell(crn, "ind.backlog.aa", "2026-01-01").distinguishable);
  CHECK(cell(crn, "ind.backlog.aa", "2026-01-01").diff.mean < 0);  // more capacity, smaller backlog
}

TEST_CASE("identical scenarios differ by exactly zero under common random numbers",
          "[montecarlo][compare]") {
  const auto c = compare(test::small_yaml(), test::small_yaml(), true, 4);
  for (const auto& d : c.cells) {
    if (indicators::is_missing(d.diff.mean)) continue;  // missing in both (nothing counted)
    CHECK(d.diff.mean == 0);
    CHECK_FALSE(d.distinguishable);
  }
}

TEST_CASE("HAR+ lowers permit holders in COA and raises quota realisation",
          "[montecarlo][compare][measures]") {
  auto variant = test::small_yaml();
  variant["housing"]["har_plus_per_month"] = 100;
  const auto c = compare(test::small_yaml(), variant, true, 6);
  CHECK(cell(c, "coa.permit_holders", "2025-01-01").ci_high < 0);
  CHECK(cell(c, "housing.realised", "2024").ci_low > 0);
  CHECK(cell(c, "housing.har_plus_placements", "2024").diff.mean > 500);
}

TEST_CASE("doorstroomlocaties take permit holders out of COA", "[montecarlo][compare][measures]") {
  auto variant = test::small_yaml();
  variant["housing"]["transit_places"] = 300;
  const auto c = compare(test::small_yaml(), variant, true, 6);
  CHECK(cell(c, "coa.permit_holders", "2025-01-01").ci_high < 0);
  CHECK(cell(c, "housing.transit_residents", "2025-01-01").variant.mean > 200);
}

TEST_CASE("a decision moratorium raises the IND backlog", "[montecarlo][compare][measures]") {
  auto variant = test::small_yaml();
  variant["ind"]["moratoria"] = YAML::Load("[{group: alpha, from: 2024-06-01, until: 2025-06-01}]");
  const auto c = compare(test::small_yaml(), variant, true, 6);
  CHECK(cell(c, "ind.backlog.aa", "2025-01-01").ci_low > 0);
}

TEST_CASE("scenarios over different horizons cannot be paired", "[montecarlo][compare]") {
  auto variant = test::small_yaml();
  variant["scenario"]["end"] = "2024-12-31";
  variant.remove("ukraine");
  CHECK_THROWS_WITH(compare(test::small_yaml(), variant, true, 2),
                    Catch::Contains("a paired comparison needs the same horizon"));
}
