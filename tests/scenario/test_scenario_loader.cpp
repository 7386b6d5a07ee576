#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

using namespace asylumsim;

using test::error_of;

TEST_CASE("the small test scenario and the baseline load", "[scenario]") {
  const auto s = test::scenario_from(test::small_yaml());
  CHECK(s.groups.size() == 2);
  CHECK(s.group_index("beta") == 1);
  CHECK(s.months() == 24);
  CHECK_NOTHROW(measures::load_scenario(test::source_path("scenarios/nl-baseline.yaml")));
}

TEST_CASE("schedules hold their steps", "[scenario]") {
  auto y = test::small_yaml();
  y["ind"]["capacity_per_week"]["aa"] =
      YAML::Load("[{from: 2024-01-01, value: 50}, {from: 2025-01-01, value: 80}]");
  const auto s = test::scenario_from(y);
  const auto cal = s.calendar();
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(cal.to_tick(*engine::parse_date("2024-12-31"))) ==
        50);
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(cal.to_tick(*engine::parse_date("2025-01-01"))) ==
        80);
}

TEST_CASE("errors name file, line, column and key path", "[scenario][errors]") {
  const std::string text =
      "scenario: {name: x, start: 2024-01-01, end: 2024-12-31}\n"
      "groups:\n"
      "  a:\n"
      "    first_applications_per_year: -5\n"
      "    track_share: {dublin: 0.5, safe_country: 0.0, aa: 0.4, va: 0.0}\n"
      "    grant_rate: {dublin: 0, safe_country: 0, aa: 0.5, va: 0.5}\n"
      "reception: {capacity: {azc: 10}}\n"
      "housing: {quota_per_half_year: 1, realisation_per_half_year: 1, backlog_at_strat: 3}\n"
      "departure: {routes: {unsupervised: {share: 1.0}}}\n";
  const std::string err = error_of(text);
  CHECK_THAT(err,
             Catch::Contains(
                 "bad.yaml:4:34: groups.a.first_applications_per_year: value -5 is out of range"));
  CHECK_THAT(err, Catch::Contains("bad.yaml:5:18: groups.a.track_share: shares sum to 0.9"));
  CHECK_THAT(err, Catch::Contains(
                      "housing.backlog_at_strat: unknown key (did you mean 'backlog_at_start'?)"));
  // All problems at once.
  CHECK(std::count(err.begin(), err.end(), '\n') >= 2);
}

TEST_CASE("each kind of bad input gets its own message", "[scenario][errors]") {
  auto y = test::small_yaml();
  SECTION("probability above 1") {
    y["groups"]["alpha"]["amv_share"] = 1.5;
    CHECK_THAT(error_of(y),
               Catch::Contains(
                   "groups.alpha.amv_share: value 1.5 is out of range (expected a probability"));
  }
  SECTION("negative capacity") {
    y["reception"]["capacity"]["azc"] = -1;
    CHECK_THAT(error_of(y), Catch::Contains("reception.capacity.azc: value -1 is out of range"));
  }
  SECTION("wrong type") {
    y["ind"]["capacity_per_week"]["aa"] = "lots";
    CHECK_THAT(error_of(y), Catch::Contains("ind.capacity_per_week.aa: 'lots' is not a number"));
  }
  SECTION("missing required key") {
    y["housing"].remove("quota_per_half_year");
    CHECK_THAT(error_of(y),
               Catch::Contains("housing.quota_per_half_year: required key is missing"));
  }
  SECTION("date outside the horizon") {
    y["ukraine"]["protection_end"] = "2031-01-01";
    CHECK_THAT(
        error_of(y),
        Catch::Contains("ukraine.protection_end: date 2031-01-01 is outside the scenario horizon"));
  }
  SECTION("not a date") {
    y["scenario"]["start"] = "2024-02-30";
    CHECK_THAT(error_of(y), Catch::Contains("scenario.start: '2024-02-30' is not a date"));
  }
  SECTION("end before start") {
    y["scenario"]["end"] = "2023-12-31";
    CHECK_THAT(error_of(y), Catch::Contains("scenario.end: end date is before the start date"));
  }
  SECTION("unknown nationality group in a moratorium") {
    y["ind"]["moratoria"] = YAML::Load("[{group: betta, from: 2024-02-01, until: 2024-03-01}]");
    CHECK_THAT(
        error_of(y),
        Catch::Contains(
            "ind.moratoria[0].group: unknown nationality group 'betta' (did you mean 'beta'?)"));
  }
  SECTION("moratorium ending before it starts") {
    y["ind"]["moratoria"] = YAML::Load("[{group: beta, from: 2024-05-01, until: 2024-03-01}]");
    CHECK_THAT(error_of(y),
               Catch::Contains("ind.moratoria[0].until: end date is not after the start date"));
  }
  SECTION("route shares must sum to 1") {
    y["departure"]["routes"]["unsupervised"]["share"] = 0.9;
    CHECK_THAT(error_of(y), Catch::Contains("departure.routes: shares sum to 1.6"));
  }
  SECTION("only one route can take the rest") {
    y["departure"]["routes"]["no_departure"]["share"] = "rest";
    y["departure"]["routes"]["administrative"]["share"] = "rest";
    CHECK_THAT(error_of(y),
               Catch::Contains("departure.routes.no_departure.share: only one route can take the "
                               "rest of the shares"));
  }
  SECTION("a route's timing is a duration or mean_days, not both") {
    y["departure"]["routes"]["unsupervised"]["duration"] = 30;
    y["departure"]["routes"]["unsupervised"]["mean_days"] = 30;
    CHECK_THAT(error_of(y), Catch::Contains("departure.routes.unsupervised.mean_days: give either "
                                            "duration or mean_days for a route, not both"));
  }
  SECTION("mean_days must be positive") {
    y["departure"]["routes"]["unsupervised"]["mean_days"] =
        YAML::Load("[{from: 2024-01-01, value: 30}, {from: 2025-01-01, value: 0}]");
    CHECK_THAT(error_of(y), Catch::Contains("departure.routes.unsupervised.mean_days[1].value"));
  }
  SECTION("the rest cannot be negative") {
    y["departure"]["routes"]["no_departure"]["share"] = "rest";
    y["departure"]["routes"]["unsupervised"]["share"] =
        YAML::Load("[{from: 2024-01-01, value: 0.3}, {from: 2025-01-01, value: 0.6}]");
    CHECK_THAT(error_of(y),
               Catch::Contains("departure.routes.no_departure.share: the other shares "
                               "sum to 1.2 on 2025-01-01: nothing is left for 'rest'"));
  }
  SECTION("schedule steps out of order") {
    y["ind"]["capacity_per_week"]["aa"] =
        YAML::Load("[{from: 2024-01-01, value: 5}, {from: 2024-01-01, value: 6}]");
    CHECK_THAT(error_of(y), Catch::Contains("steps must be in increasing date order"));
  }
  SECTION("re-registration share above 1, and a misspelt key") {
    y["reception"]["re_registration"] = YAML::Load(
        "{absconded_share: [{from: 2024-01-01, value: 1.2}], rejected_shar: 0.2, "
        "outside_reception_share: -0.1}");
    const std::string err = error_of(y);
    CHECK_THAT(err, Catch::Contains("reception.re_registration.outside_reception_share: value "
                                    "-0.1 is out of range (expected a probability"));
    CHECK_THAT(err, Catch::Contains("reception.re_registration.absconded_share[0].value: value "
                                    "1.2 is out of range (expected a probability"));
    CHECK_THAT(err, Catch::Contains("reception.re_registration.rejected_shar: unknown key (did "
                                    "you mean 'rejected_share'?)"));
  }
  SECTION("investigation share above 1, a negative duration and an unknown track") {
    y["ind"]["investigation_share"] = YAML::Load("{safe_country: 1.5}");
    y["ind"]["investigation_duration"] =
        YAML::Load("{aa: {dist: gamma, mean: -3, cv: 0.5}, safe_contry: 90}");
    const std::string err = error_of(y);
    CHECK_THAT(err, Catch::Contains("ind.investigation_share.safe_country: value 1.5 is out of "
                                    "range (expected a probability"));
    CHECK_THAT(err, Catch::Contains("ind.investigation_duration.aa"));
    CHECK_THAT(err, Catch::Contains("ind.investigation_duration.safe_contry: unknown key (did you "
                                    "mean 'safe_country'?)"));
  }
  SECTION("negative art. 8 family arrivals") {
    y["inflow"]["article8_family_per_year"] = -10;
    CHECK_THAT(error_of(y),
               Catch::Contains("inflow.article8_family_per_year: value -10 is out of range"));
  }
  SECTION("unknown distribution") {
    y["registration"]["duration"] = YAML::Load("{dist: weibull, mean: 3}");
    CHECK_THAT(error_of(y),
               Catch::Contains("registration.duration.dist: unknown distribution 'weibull'"));
  }
}

TEST_CASE("syntax errors, empty files, binary data and deep nesting are refused",
          "[scenario][errors]") {
  CHECK_THAT(error_of("scenario: [1, 2\n"), Catch::Contains("bad.yaml:2:1: YAML syntax error"));
  CHECK_THAT(error_of("   \n\n"), Catch::Contains("bad.yaml: file is empty"));
  CHECK_THAT(error_of(std::string("scenario:\x01\x02", 11)), Catch::Contains("binary data"));
  CHECK_THAT(error_of(std::string(500, '[')), Catch::Contains("nesting deeper than 64 levels"));
  CHECK_THAT(error_of("scenario: {name: a}\nscenario: {name: b}\n"),
             Catch::Contains("duplicate key"));
  CHECK_THAT(error_of("- 1\n- 2\n"), Catch::Contains("expected a mapping"));
}

TEST_CASE("did-you-mean suggestions are close matches only", "[scenario]") {
  CHECK(scenario::suggest("capacty", {"capacity", "vbl_share"}) == "capacity");
  CHECK(scenario::suggest("zzzzzz", {"capacity", "vbl_share"}).empty());
}

TEST_CASE("targets files are read and checked", "[scenario][targets]") {
  const auto t = indicators::load_targets(test::source_path("tests/data/targets-2024-2025.yaml"));
  REQUIRE(t.size() > 90);
  CHECK(t.front().id == "inflow.first_applications");
  CHECK(t.front().when.period->label() == "2024");
  CHECK(t.front().value == 32180);
}

TEST_CASE("a route share given as 'rest' is 1 minus the others at every dated change",
          "[scenario]") {
  auto y = test::small_yaml();
  y["departure"]["routes"]["no_departure"]["share"] = "rest";
  y["departure"]["routes"]["unsupervised"]["share"] =
      YAML::Load("[{from: 2024-01-01, value: 0.30}, {from: 2024-07-01, value: 0.35}]");
  y["departure"]["routes"]["voluntary_origin"]["share"] =
      YAML::Load("[{from: 2024-01-01, value: 0.25}, {from: 2025-01-01, value: 0.20}]");
  const auto s = test::scenario_from(y, "rest.yaml");
  const auto& share = s.departure.route_share[scenario::kNoDeparture];
  const auto tick = [&](const char* d) { return s.calendar().to_tick(*engine::parse_date(d)); };
  CHECK(share.at(tick("2024-01-01")) == Approx(0.10));
  CHECK(share.at(tick("2024-06-30")) == Approx(0.10));
  CHECK(share.at(tick("2024-07-01")) == Approx(0.05));
  CHECK(share.at(tick("2025-03-01")) == Approx(0.10));
}

TEST_CASE("the resolved digest follows the base a variant extends, not only the variant's bytes",
          "[scenario][correctness]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-digest";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ifstream small(test::source_path("tests/data/small.yaml"));
  std::string base((std::istreambuf_iterator<char>(small)), std::istreambuf_iterator<char>());
  std::ofstream(dir / "base.yaml") << base;
  std::ofstream(dir / "variant.yaml") << "extends: base.yaml\nscenario:\n  name: variant\n";
  const auto first = measures::load_scenario((dir / "variant.yaml").string()).resolved_digest;
  CHECK(measures::load_scenario((dir / "variant.yaml").string()).resolved_digest == first);
  std::ofstream(dir / "base.yaml", std::ios::app) << "# a comment changes nothing\n";
  CHECK(measures::load_scenario((dir / "variant.yaml").string()).resolved_digest == first);
  base.replace(base.find("seed: 7"), 7, "seed: 8");
  std::ofstream(dir / "base.yaml", std::ios::trunc) << base;
  CHECK(measures::load_scenario((dir / "variant.yaml").string()).resolved_digest != first);
}
