// The projection: block appends dated steps to schedules and keeps its sources for the report.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../support/fixtures.hpp"
#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/plausibility.hpp"

using namespace asylumsim;

namespace {

engine::Tick tick_of(const scenario::Scenario& s, const char* date) {
  return s.calendar().to_tick(*engine::parse_date(date));
}

YAML::Node with_projection(const char* assumptions) {
  auto y = test::small_yaml();
  y["projection"] = YAML::Load(assumptions);
  y["projection"]["from"] = "2025-01-01";
  return y;
}

}  // namespace

TEST_CASE("a projection assumption takes over its schedule from the projection's start",
          "[scenario][projection]") {
  auto y = with_projection(
      "{ind: {capacity_per_week: {aa: {value: 80, source: brief 1.9}}},"
      " nareis: {capacity_per_week: {value: 12, from: 2025-03-01, source: reasoning}}}");
  y["nareis"]["capacity_per_week"] = YAML::Load("[{from: 2024-01-01, value: 30}]");
  const auto s = test::scenario_from(y);
  // A plain number (aa: 50 in the file) becomes two steps.
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(tick_of(s, "2024-12-31")) == 50);
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(tick_of(s, "2025-01-01")) == 80);
  // A list of steps gets one more, on the entry's own date.
  CHECK(s.nareis.capacity_per_week.at(tick_of(s, "2025-02-28")) == 30);
  CHECK(s.nareis.capacity_per_week.at(tick_of(s, "2025-03-01")) == 12);
  REQUIRE(s.projection.size() == 2);
  CHECK(s.projection[0].key == "ind.capacity_per_week.aa");
  CHECK(s.projection[0].from == "2025-01-01");
  CHECK(s.projection[0].value == "80");
  CHECK(s.projection[0].source == "brief 1.9");
  CHECK(s.projection[1].from == "2025-03-01");
}

TEST_CASE("a projection assumption is checked like the schedule it sets",
          "[scenario][projection][errors]") {
  // Out of range: located at the value in the projection block.
  CHECK_THAT(test::error_of(with_projection("{ind: {va_referral_share: {value: 1.5, source: x}}}")),
             Catch::Contains("out of range"));
  // No source.
  CHECK_THAT(test::error_of(with_projection("{ind: {va_referral_share: {value: 0.2}}}")),
             Catch::Contains("projection.ind.va_referral_share.source: required key is missing"));
  // Not a key of the scenario.
  CHECK_THAT(
      test::error_of(with_projection("{ind: {capacity_per_wek: {aa: {value: 5, source: x}}}}")),
      Catch::Contains("ind.capacity_per_wek.aa names no schedule of this scenario"));
  // A schedule that already has a step in the projection's time.
  auto y = with_projection("{nareis: {capacity_per_week: {value: 5, source: x}}}");
  y["nareis"]["capacity_per_week"] =
      YAML::Load("[{from: 2024-01-01, value: 30}, {from: 2025-06-01, value: 40}]");
  const std::string later = test::error_of(y);
  CHECK_THAT(later, Catch::Contains("already has a step from 2025-06-01"));
  CHECK_THAT(later, Catch::StartsWith("bad.yaml:"));
  // A mapping that is not a schedule.
  CHECK_THAT(test::error_of(with_projection("{ind: {capacity_per_week: {value: 5, source: x}}}")),
             Catch::Contains("is not a schedule"));
}

TEST_CASE("a single value the projection extends draws a warning, and --set reaches an assumption",
          "[scenario][projection][warnings]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-projection";
  fs::create_directories(dir);
  const std::string file = (dir / "p.yaml").string();
  std::ofstream(file) << test::emit(
      with_projection("{ind: {capacity_per_week: {aa: {value: 80, source: brief}}}}"));
  const auto s = measures::load_scenario(
      file, std::vector<std::string>{"projection.ind.capacity_per_week.aa.value=90"});
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(tick_of(s, "2025-06-01")) == 90);
  const auto warnings = scenario::plausibility_warnings(file, s);
  REQUIRE(warnings.size() == 1);
  const std::string text = warnings.list()[0].message;
  CHECK_THAT(text, Catch::Contains("50 holds only until 2025-01-01"));
  CHECK_THAT(text, Catch::Contains("set projection.ind.capacity_per_week.aa.value"));
}

TEST_CASE("the activated Ukrainians' group and reception are checked",
          "[scenario][ukraine][errors]") {
  auto y = test::small_yaml();
  y["ukraine"]["activated_group"] = "bta";
  y["ukraine"]["activated_reception"] = "hotel";
  const std::string e = test::error_of(y);
  CHECK_THAT(e, Catch::Contains("ukraine.activated_group: unknown nationality group 'bta' (did "
                                "you mean 'beta'?)"));
  CHECK_THAT(e, Catch::Contains("ukraine.activated_reception: 'hotel' is not a reception"));
  CHECK_THAT(e, Catch::StartsWith("bad.yaml:"));
  y = test::small_yaml();
  y["ukraine"].remove("activated_group");
  CHECK_THAT(test::error_of(y),
             Catch::Contains("ukraine.activated_group: required key is missing"));
  y = test::small_yaml();
  y["nareis"]["clearance_weeks"] = -5;
  CHECK_THAT(test::error_of(y),
             Catch::Contains("nareis.clearance_weeks: value -5 is out of range"));
}
