// Policy measures: each block changes the chain's mechanics in the expected direction on a small
// scenario (paired with common random numbers), measures compose, and bad blocks get located
// errors. Costs follow from the scenario's rates.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../support/comparison.hpp"
#include "asylumsim/measures/apply.hpp"
#include "asylumsim/measures/load.hpp"

using namespace asylumsim;
using test::cell;
using test::compare;

namespace {
// The small scenario with one measure block added.
YAML::Node with_measure(const std::string& name, const std::string& block) {
  auto y = test::small_yaml();
  y["measures"][name] = YAML::Load(block);
  return y;
}
montecarlo::Comparison against_small(const std::string& block) {
  return compare(test::small_yaml(), with_measure("m", block));
}
}  // namespace

TEST_CASE("a schedule changes only inside a measure's window", "[measures][engine]") {
  engine::StepSchedule<double> s(10.0);
  s.set_from(100, 20.0);
  s.modify(50, 150, [](double v) { return v + 1; });
  CHECK(s.at(0) == 10);
  CHECK(s.at(50) == 11);
  CHECK(s.at(99) == 11);
  CHECK(s.at(100) == 21);
  CHECK(s.at(149) == 21);
  CHECK(s.at(150) == 20);
  s.modify(120, engine::kNever, [](double v) { return v * 2; });  // open-ended, composes
  CHECK(s.at(130) == 42);
  CHECK(s.at(1000) == 40);
  CHECK(s.at(110) == 21);
}

TEST_CASE("HAR+ as a measure lowers permit holders in COA and raises realisation and costs",
          "[measures]") {
  const auto c = against_small(
      "{type: har_plus, from: 2024-03-01, until: 2025-03-01, places_per_month: 100, "
      "contribution_eur: 30000}");
  CHECK(cell(c, "coa.permit_holders", "2025-01-01").ci_high < 0);
  CHECK(cell(c, "housing.realised", "2024").ci_low > 0);
  const auto& placements = cell(c, "housing.har_plus_placements", "2024");
  CHECK(placements.diff.mean > 500);
  // Every placement costs exactly the contribution.
  CHECK(cell(c, "cost.har_plus", "2024").variant.mean ==
        Approx(30000 * placements.variant.mean).epsilon(1e-9));
  CHECK(cell(c, "housing.har_plus_placements", "2025").variant.mean <
        0.4 * placements.variant.mean);  // stops at the end date
}

TEST_CASE("a HAR+ budget is spread over the window at the contribution", "[measures]") {
  const auto s = test::scenario_from(
      with_measure("m",
                   "{type: har_plus, from: 2024-01-01, until: 2025-01-01, budget_eur: 36000000, "
                   "contribution_eur: 30000}"));
  CHECK(s.housing.har_plus_per_month.at(0) == Approx(100).epsilon(0.01));
}

TEST_CASE("doorstroomlocaties and the logeerregeling take permit holders out of COA",
          "[measures]") {
  const auto transit = against_small(
      "{type: doorstroomlocaties, from: 2024-02-01, places: [{from: 2024-02-01, value: 200}, "
      "{from: 2024-06-01, value: 400}], stay: 180}");
  CHECK(cell(transit, "coa.permit_holders", "2025-01-01").ci_high < 0);
  CHECK(cell(transit, "housing.transit_places", "2025-01-01").variant.mean == 400);
  const auto logeer = against_small("{type: logeerregeling, from: 2024-01-01, share: 0.3}");
  CHECK(cell(logeer, "coa.permit_holders", "2025-01-01").ci_high < 0);
  CHECK(cell(logeer, "housing.logeer_placements", "2024").variant.mean > 100);
  CHECK(cell(logeer, "housing.exit_within_14w_share", "2024").ci_low > 0);
  CHECK(cell(logeer, "housing.with_hosts", "2025-01-01").variant.mean > 0);
}

TEST_CASE("extra IND capacity lowers the backlog, after its hiring lag", "[measures]") {
  const std::string block =
      "{type: ind_capacity, track: aa, from: 2024-04-01, "
      "extra_per_week: 40, hiring_lag_days: 120}";
  const auto s = test::scenario_from(with_measure("m", block));
  const auto cal = s.calendar();
  const auto day = [&](int y, unsigned mo) {
    return cal.to_tick(
        engine::Date{std::chrono::year(y), std::chrono::month(mo), std::chrono::day(1)});
  };
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(day(2024, 3)) == 50);
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(day(2024, 4)) < 60);  // still hiring
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(day(2024, 9)) == 90);
  const auto c = against_small(block);
  CHECK(cell(c, "ind.backlog.aa", "2025-01-01").ci_high < 0);
  CHECK(cell(c, "ind.decisions_first", "2024").ci_low > 0);
}

TEST_CASE("a moratorium, a grant-rate change and a shorter legal term act on the IND",
          "[measures]") {
  const auto mor =
      against_small("{type: moratorium, group: alpha, from: 2024-03-01, until: 2025-03-01}");
  CHECK(cell(mor, "ind.backlog.aa", "2025-01-01").ci_low > 0);
  CHECK(cell(mor, "ind.paused_by_moratorium", "2025-01-01").variant.mean > 0);
  const auto rate = against_small(
      "{type: grant_rate, group: alpha, track: aa, from: 2024-01-01, grant_rate: 0.9}");
  CHECK(cell(rate, "ind.grants_first", "2024").ci_low > 0);
  const auto term = against_small("{type: legal_term, from: 2024-01-01, days: 60}");
  CHECK(cell(term, "court.inflow_not_in_time", "2024").ci_low > 0);
  const auto faster =
      against_small("{type: intended_decision_abolished, from: 2024-01-01, speedup: 1.5}");
  CHECK(cell(faster, "ind.backlog.aa", "2025-01-01").ci_high < 0);
}

TEST_CASE("the EU Pact moves border cases to the accelerated track and cuts nareis", "[measures]") {
  const auto c = against_small(
      "{type: migration_pact, from: 2024-02-01, screening: 3, border_procedure: {groups: [alpha], "
      "share: 0.5, capacity_per_week: 30}, nareis_factor: 0.5}");
  CHECK(cell(c, "ind.lead_time_weeks.safe_country", "2024").variant.mean > 0);
  CHECK(cell(c, "ind.backlog.aa", "2025-01-01").ci_high < 0);
  CHECK(cell(c, "nareis.mvv_applications", "2025").ci_high < 0);
  const auto s = test::scenario_from(with_measure(
      "m",
      "{type: migration_pact, from: 2024-02-01, border_procedure: {groups: [alpha], share: "
      "0.5}}"));
  const auto& alpha = s.groups[0];
  const auto t = s.calendar().to_tick(
      engine::Date{std::chrono::year(2024), std::chrono::month(3), std::chrono::day(1)});
  double sum = 0;
  for (const auto& share : alpha.track_share) sum += share.at(t);
  CHECK(sum == Approx(1.0));
  CHECK(alpha.track_share[scenario::kAA].at(t) == Approx(0.35));
}

TEST_CASE("the two-status system delays and thins nareis", "[measures]") {
  const auto c = against_small(
      "{type: two_status, from: 2024-01-01, subsidiary_share: 0.6, waiting_days: 730, "
      "requirements_met_share: 0.5}");
  CHECK(cell(c, "nareis.mvv_applications", "2024").ci_high < 0);
  CHECK(cell(c, "nareis.mvv_applications", "2025").ci_high < 0);
}

TEST_CASE("reception capacity and the Ter Apel cap and direct family housing", "[measures]") {
  const auto cap = against_small(
      "{type: reception_capacity, location: azc, from: 2024-06-01, until: 2025-06-01, places: "
      "1000}");
  CHECK(cell(cap, "coa.capacity", "2025-01-01").diff.mean == 1000);
  CHECK(cell(cap, "coa.capacity", "2026-01-01").diff.mean == 0);
  const auto ter_apel = against_small("{type: ter_apel_cap, from: 2024-01-01, cap: 100}");
  CHECK(cell(ter_apel, "coa.occupancy.col", "2025-01-01").variant.mean <= 100);
  const auto family = against_small("{type: direct_family_housing, from: 2024-01-01}");
  CHECK(cell(family, "coa.permit_holders", "2025-01-01").ci_high < 0);
}

TEST_CASE("voluntary-return support and an inflow shock act on their group and window",
          "[measures]") {
  const auto ret = against_small("{type: voluntary_return, from: 2024-01-01, factor: 2}");
  CHECK(cell(ret, "departure.route.voluntary_origin", "2025").ci_low > 0);
  const auto shock = against_small(
      "{type: inflow_shock, group: alpha, from: 2024-07-01, until: 2025-01-01, factor: 2}");
  CHECK(cell(shock, "inflow.first_applications", "2024").diff.mean > 1000);
  CHECK(std::abs(cell(shock, "inflow.first_applications", "2025").diff.mean) < 300);
}

TEST_CASE("ending temporary protection without a transition status activates more applications",
          "[measures]") {
  auto without = with_measure(
      "end", "{type: ukraine_protection_end, from: 2024-09-01, activation_share: 0.5}");
  auto with = with_measure("end",
                           "{type: ukraine_protection_end, from: 2024-09-01, "
                           "activation_share: 0.5, transition_status: true, "
                           "transition_activation_share: 0.1}");
  const auto c = compare(with, without);
  CHECK(cell(c, "inflow.ukraine_activated", "2024").ci_low > 0);
}

TEST_CASE("measures compose: two capacity blocks add up and two shocks multiply", "[measures]") {
  auto y = test::small_yaml();
  y["measures"]["a"] =
      YAML::Load("{type: ind_capacity, track: aa, from: 2024-01-01, extra_per_week: 10}");
  y["measures"]["b"] =
      YAML::Load("{type: ind_capacity, track: aa, from: 2024-07-01, extra_per_week: 5}");
  y["measures"]["c"] = YAML::Load("{type: inflow_shock, from: 2024-01-01, factor: 2}");
  y["measures"]["d"] =
      YAML::Load("{type: inflow_shock, group: beta, from: 2024-01-01, factor: 1.5}");
  const auto s = test::scenario_from(y);
  const auto late = s.calendar().to_tick(
      engine::Date{std::chrono::year(2025), std::chrono::month(1), std::chrono::day(1)});
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(late) == 65);
  CHECK(s.groups[0].first_applications_per_year.at(late) == 6000);
  CHECK(s.groups[1].first_applications_per_year.at(late) == 4500);
  REQUIRE(s.measures.size() == 4);
  CHECK_THAT(measures::describe(s.measures[0], s), Catch::Contains("+10 decisions per week in aa"));
}

TEST_CASE("COA costs are place-days at the scenario's rates", "[measures][costs]") {
  auto y = test::small_yaml();
  y["costs"] = YAML::Load("{coa_occupied_place_per_day: 70, coa_empty_place_per_day: 47}");
  const auto c = compare(test::small_yaml(), y, true, 2);
  const auto& occupied = cell(c, "cost.coa_occupied_places", "2024").base;
  const auto& bed_days = cell(c, "coa.bed_days", "2024").base;
  CHECK(occupied.mean == Approx(70 * bed_days.mean).epsilon(0.01));  // daily sampling vs integral
  const auto& total = cell(c, "cost.total", "2024").base;
  const auto& empty = cell(c, "cost.coa_empty_places", "2024").base;
  CHECK(total.mean == Approx(occupied.mean + empty.mean));
  y["costs"]["coa_empty_place_per_day"] = 0;
  CHECK(
      cell(compare(test::small_yaml(), y, true, 2), "cost.coa_empty_places", "2024").variant.mean ==
      0);
}

TEST_CASE("bad measure blocks get located errors", "[measures][scenario]") {
  CHECK_THAT(test::error_of(with_measure("m", "{type: har_plu, from: 2024-01-01}")),
             Catch::Contains("measures.m.type: unknown measure type 'har_plu' (did you mean "
                             "'har_plus'?)"));
  CHECK_THAT(test::error_of(with_measure("m",
                                         "{type: moratorium, group: gamma, from: 2024-01-01, "
                                         "until: 2024-06-01}")),
             Catch::Contains("unknown nationality group 'gamma'"));
  CHECK_THAT(
      test::error_of(with_measure("m", "{type: moratorium, group: alpha, from: 2024-01-01}")),
      Catch::Contains("a moratorium needs an end date"));
  CHECK_THAT(test::error_of(with_measure("m",
                                         "{type: inflow_shock, from: 2024-06-01, until: "
                                         "2024-03-01, factor: 2}")),
             Catch::Contains("is not after the start date"));
  CHECK_THAT(test::error_of(with_measure("m",
                                         "{type: ind_capacity, track: aa, from: 2024-01-01, "
                                         "extra_per_week: 5, lag: 3}")),
             Catch::Contains("measures.m.lag: unknown key"));
  CHECK_THAT(test::error_of(with_measure("m", "{type: har_plus, from: 2024-01-01}")),
             Catch::Contains("give either places_per_month or budget_eur"));
  CHECK_THAT(
      test::error_of(with_measure("m", "{type: logeerregeling, from: 2024-01-01, share: 1.5}")),
      Catch::Contains("out of range"));
  CHECK_THAT(test::error_of(with_measure("m", "{type: inflow_shock, from: 2031-01-01, factor: 2}")),
             Catch::Contains(
                 "starts 2031-01-01, after the scenario ends 2025-12-31: it would never apply"));
  // Errors carry the file, line and column.
  CHECK_THAT(test::error_of(with_measure("m", "{type: legal_term, from: 2024-01-01, days: -3}")),
             Catch::Contains("bad.yaml:"));
}

TEST_CASE("a variant extends a base file and overrides it key by key", "[measures][scenario]") {
  const auto dir = std::filesystem::temp_directory_path() / "asylumsim-extends";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "variants");
  std::filesystem::copy_file(test::source_path("tests/data/small.yaml"), dir / "base.yaml");
  {
    std::ofstream(dir / "variants" / "v.yaml")
        << "extends: ../base.yaml\nscenario: {name: v}\nind:\n  capacity_per_week: {aa: 70}\n"
           "measures:\n  shock: {type: inflow_shock, from: 2024-01-01, factor: 2}\n";
    std::ofstream(dir / "variants" / "missing.yaml") << "extends: ../nope.yaml\n";
    std::ofstream(dir / "variants" / "loop.yaml") << "extends: loop.yaml\n";
  }
  const auto v = measures::load_scenario((dir / "variants" / "v.yaml").string());
  CHECK(v.name == "v");
  CHECK(v.start == test::scenario_from(test::small_yaml()).start);  // from the base
  CHECK(v.ind.capacity_per_week[scenario::kAA].at(0) == 70);        // overridden
  CHECK(v.ind.capacity_per_week[scenario::kVA].at(0) == 15);        // kept from the base
  CHECK(v.groups[0].first_applications_per_year.at(0) == 6000);
  CHECK_THROWS_WITH(measures::load_scenario((dir / "variants" / "missing.yaml").string()),
                    Catch::Contains("missing.yaml:1:10: extends: base scenario"));
  CHECK_THROWS_WITH(measures::load_scenario((dir / "variants" / "loop.yaml").string()),
                    Catch::Contains("more than 8 levels"));
}

TEST_CASE("the shipped measure scenarios load and differ from the baseline", "[measures]") {
  const auto base = measures::load_scenario(test::source_path("scenarios/nl-baseline.yaml"));
  REQUIRE(base.measures.size() == 4);  // Syria moratorium, HAR 2024, HAR+, doorstroomlocaties
  for (const auto& entry :
       std::filesystem::directory_iterator(test::source_path("scenarios/measures"))) {
    INFO(entry.path());
    const auto s = measures::load_scenario(entry.path().string());
    CHECK(s.name != base.name);
    CHECK(s.measures.size() == base.measures.size() + 1);
  }
}

TEST_CASE("3-year permits under the Pact come back to the IND as renewal work", "[measures]") {
  auto y = test::small_yaml();
  y["scenario"]["end"] = "2027-12-31";
  y.remove("ukraine");
  auto v = YAML::Clone(y);
  v["measures"]["pact"] =
      YAML::Load("{type: migration_pact, from: 2024-01-01, permit_years: 1, renewal_effort: 1}");
  const auto c = compare(y, v, true, 3);
  const auto& renewals = cell(c, "ind.permit_renewals", "2025");
  CHECK(renewals.base.mean == 0);
  // The asylum permits granted in 2024 are renewed in 2025 (derived family permits are not).
  CHECK(renewals.variant.mean >= cell(c, "permits.first", "2024").variant.mean);
  CHECK(renewals.variant.mean <= cell(c, "permits.total", "2024").variant.mean);
  // The renewals take AA decision capacity: fewer first decisions, a larger AA backlog.
  CHECK(cell(c, "ind.backlog.aa", "2026-01-01").ci_low > 0);
}

TEST_CASE("measures declare per-person costs; doorstroomlocatie pay stops after a year",
          "[measures][costs]") {
  const auto logeer = against_small(
      "{type: logeerregeling, from: 2024-01-01, share: 0.3, cost_eur_per_person: 1000}");
  CHECK(cell(logeer, "cost.measures", "2024").variant.mean ==
        Approx(1000 * cell(logeer, "housing.logeer_placements", "2024").variant.mean));
  const auto ret = against_small(
      "{type: voluntary_return, from: 2024-01-01, factor: 2, cost_eur_per_person: 500}");
  double voluntary = 0;
  for (const char* r : {"voluntary_origin", "voluntary_dublin", "voluntary_other"})
    voluntary += cell(ret, std::string("departure.route.") + r, "2025").variant.mean;
  CHECK(cell(ret, "cost.measures", "2025").variant.mean == Approx(500 * voluntary));
  const auto transit = against_small(
      "{type: doorstroomlocaties, from: 2024-01-01, places: [{from: 2024-01-01, value: 300}], "
      "stay: 730, contribution_eur_per_year: 20000}");
  // A two-year stay is paid for one year only.
  CHECK(cell(transit, "cost.doorstroomlocaties", "2024").variant.mean ==
        Approx(20000 * cell(transit, "housing.transit_entries", "2024").variant.mean));
}

TEST_CASE("extends is refused where there is no file to resolve it against",
          "[measures][scenario]") {
  auto y = test::small_yaml();
  y["extends"] = "base.yaml";
  CHECK_THAT(test::error_of(y), Catch::Contains("extends needs a scenario file"));
}
