// Composed measures are checked after composition (issue 22, defect 5): each block valid on its
// own can still compose to impossible parameters. The corpus in tests/bad-scenarios holds the
// located messages; these tests pin the mechanics.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"

using namespace asylumsim;

TEST_CASE(
    "the Pact's border procedure keeps track shares summing to 1 when the base changes "
    "them inside its window",
    "[measures][correctness]") {
  auto y = test::small_yaml();
  // In 2025 the base moves Dublin cases to AA/VA (0.7 -> 0.8 together); the Pact's window spans
  // the change, so its border share must follow it (it once used the shares at 'from': 0.95).
  y["groups"]["alpha"]["track_share"] = YAML::Load(
      "{dublin: [{from: 2024-01-01, value: 0.2}, {from: 2025-01-01, value: 0.1}], safe_country: "
      "0.1, aa: [{from: 2024-01-01, value: 0.7}, {from: 2025-01-01, value: 0.5}], va: [{from: "
      "2024-01-01, value: 0.0}, {from: 2025-01-01, value: 0.3}]}");
  y["measures"]["pact"] =
      YAML::Load("{type: migration_pact, from: 2024-06-01, border_procedure: {share: 0.5}}");
  scenario::Scenario s;
  REQUIRE_NOTHROW(s = test::scenario_from(y));
  const auto& shares = s.groups[0].track_share;
  const std::pair<const char*, double> aa_va[] = {{"2024-07-01", 0.7}, {"2025-02-01", 0.8}};
  for (const auto& [d, moved_from] : aa_va) {
    const auto t = s.calendar().to_tick(*engine::parse_date(d));
    double sum = 0;
    for (const auto& x : shares) sum += x.at(t);
    INFO(d);
    CHECK(sum == Approx(1.0));
    CHECK(shares[scenario::kSafeCountry].at(t) == Approx(0.1 + 0.5 * moved_from));
  }
}

TEST_CASE("two logeerregeling blocks composing above 1 are refused, naming both blocks",
          "[measures][correctness]") {
  auto y = test::small_yaml();
  y["measures"]["a"] = YAML::Load("{type: logeerregeling, from: 2024-06-01, share: 0.7}");
  y["measures"]["b"] = YAML::Load("{type: logeerregeling, from: 2025-01-01, share: 0.7}");
  const std::string e = test::error_of(y);
  CHECK_THAT(e, Catch::Contains("housing.logeer_share: on 2025-01-01 the composed value 1.4"));
  CHECK_THAT(e,
             Catch::Contains("measures.a (test.yaml:") || Catch::Contains("measures.a (bad.yaml:"));
  CHECK_THAT(e, Catch::Contains("measures.b ("));
  // Apart in time they are fine.
  y["measures"]["a"]["until"] = "2025-01-01";
  CHECK(test::error_of(y).empty());
}

TEST_CASE("at most 255 nationality groups: a person's group is 8 bits", "[scenario][correctness]") {
  auto y = test::small_yaml();
  const YAML::Node beta = y["groups"]["beta"];
  for (int i = 0; i < 300; ++i) y["groups"][fmt::format("g{}", i)] = YAML::Clone(beta);
  CHECK_THAT(test::error_of(y), Catch::Contains("302 nationality groups (expected at most 255)"));
}
