// The measure types' registry (sim/measures/registry.cpp): every registered type reads an example
// block, describes it and changes the small scenario's trajectory; docs/measures.md documents
// every registered type with every key its block takes, and no type that is not registered.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "../support/comparison.hpp"
#include "../support/model_run.hpp"
#include "asylumsim/measures/apply.hpp"
#include "asylumsim/measures/registry.hpp"

using namespace asylumsim;

namespace {

// A block of each type that changes the small scenario (tests/data/small.yaml) visibly. A type
// registered without a block here fails the test below.
const std::map<std::string, std::string> kExamples = {
    {"har_plus", "{type: har_plus, from: 2024-03-01, until: 2025-03-01, places_per_month: 100}"},
    {"doorstroomlocaties",
     "{type: doorstroomlocaties, from: 2024-02-01, places: [{from: 2024-02-01, value: 300}], "
     "stay: 180}"},
    {"logeerregeling", "{type: logeerregeling, from: 2024-01-01, share: 0.3}"},
    {"ind_capacity",
     "{type: ind_capacity, from: 2024-01-01, track: aa, extra_per_week: 30, hiring_lag_days: 90}"},
    {"moratorium", "{type: moratorium, from: 2024-03-01, until: 2024-09-01, group: alpha}"},
    {"grant_rate", "{type: grant_rate, from: 2024-01-01, group: alpha, grant_rate: 0.9}"},
    {"legal_term", "{type: legal_term, from: 2024-01-01, days: 60}"},
    {"intended_decision_abolished",
     "{type: intended_decision_abolished, from: 2024-01-01, speedup: 1.5}"},
    {"migration_pact",
     "{type: migration_pact, from: 2024-03-01, border_procedure: {share: 0.3, capacity_per_week: "
     "10}, decision_speedup: 1.2, nareis_factor: 0.7}"},
    {"two_status",
     "{type: two_status, from: 2024-01-01, subsidiary_share: 0.5, waiting_days: 365}"},
    {"reception_capacity",
     "{type: reception_capacity, from: 2024-01-01, location: emergency, places: -400}"},
    {"ter_apel_cap", "{type: ter_apel_cap, from: 2024-01-01, cap: 40}"},
    {"direct_family_housing", "{type: direct_family_housing, from: 2024-01-01}"},
    {"voluntary_return", "{type: voluntary_return, from: 2024-01-01, factor: 2}"},
    {"ukraine_protection_end",
     "{type: ukraine_protection_end, from: 2024-06-01, activation_share: 0.9}"},
    {"inflow_shock", "{type: inflow_shock, from: 2024-01-01, factor: 1.5}"},
    {"housing_realisation",
     "{type: housing_realisation, from: 2024-01-01, extra_per_half_year: 1000}"},
    {"large_family_housing",
     "{type: large_family_housing, from: 2024-01-01, dwellings_per_year: 60}"},
};

// The small scenario; with households of up to 8 persons and sizes of dwelling (no large ones)
// for the types that act on them.
YAML::Node small_for(const std::string& type) {
  auto y = test::small_yaml();
  if (type == "large_family_housing") {
    y["groups"]["alpha"]["household_size"] =
        std::vector<double>{0.5, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05};
    y["housing"]["dwellings"] = YAML::Load("{single: 0.6, small: 0.2, family: 0.2, large: 0}");
  }
  return y;
}

YAML::Node small_with(const std::string& block, const std::string& type = "") {
  auto y = small_for(type);
  y["measures"]["example"] = YAML::Load(block);
  return y;
}

// Whether two runs recorded anything different (a counter, stock or duration in any month).
bool trajectories_differ(const engine::Recorder& a, const engine::Recorder& b) {
  using Kind = engine::Recorder::Kind;
  for (auto kind : {Kind::kCounter, Kind::kStock, Kind::kDuration})
    for (const auto& name : a.names(kind)) {
      const auto ia = *a.find(kind, name);
      const auto ib = *b.find(kind, name);
      for (int m = 0; m < a.months(); ++m) {
        if (kind == Kind::kCounter && a.counter_sum(ia, m, m + 1) != b.counter_sum(ib, m, m + 1))
          return true;
        if (kind == Kind::kStock && a.stock_at(ia, m + 1) != b.stock_at(ib, m + 1)) return true;
        if (kind == Kind::kDuration &&
            a.duration_mean(ia, m, m + 1) != b.duration_mean(ib, m, m + 1))
          return true;
      }
    }
  return false;
}

// The rows of docs/measures.md's table of types, by type.
std::map<std::string, std::string> documented_types() {
  std::ifstream in(test::source_path("docs/measures.md"));
  REQUIRE(in);
  std::map<std::string, std::string> rows;
  bool in_types = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) in_types = line == "## The types";
    if (!in_types || line.rfind("| `", 0) != 0) continue;
    const std::size_t end = line.find('`', 3);
    rows[line.substr(3, end - 3)] = line;
  }
  return rows;
}

}  // namespace

TEST_CASE("every registered measure type reads, describes and applies an example block",
          "[measures][registry]") {
  for (const scenario::MeasureSchema* type : measures::measure_types()) {
    INFO("measure type " << type->type);
    const auto example = kExamples.find(type->type);
    REQUIRE(example != kExamples.end());
    const test::RunOnce with(small_with(example->second, type->type));
    REQUIRE(with.s.measures.size() == 1);
    const scenario::Measure& m = with.s.measures.front();
    CHECK(m.type == type->type);
    CHECK_NOTHROW(measures::effect_of(m));
    const std::string line = measures::describe(m, with.s);
    CHECK(line.rfind(std::string(type->type) + ": ", 0) == 0);
    CHECK(line.find(", from 2024-") != std::string::npos);
    const test::RunOnce own_base(small_for(type->type));
    CHECK(trajectories_differ(own_base.m.recorder(), with.m.recorder()));
  }
}

TEST_CASE("docs/measures.md documents exactly the registered types and their keys",
          "[measures][registry][docs]") {
  const auto rows = documented_types();
  std::set<std::string> registered;
  for (const scenario::MeasureSchema* type : measures::measure_types()) {
    INFO("measure type " << type->type << " is registered: document it in docs/measures.md");
    registered.insert(type->type);
    const auto row = rows.find(type->type);
    REQUIRE(row != rows.end());
    for (const std::string& key : type->keys) {
      INFO("key " << key);
      const bool named = row->second.find("`" + key + "`") != std::string::npos ||
                         row->second.find("`" + key + ":") != std::string::npos;  // `key: {...}`
      CHECK(named);
    }
  }
  for (const auto& [name, row] : rows) {
    INFO("docs/measures.md documents '" << name << "', which is not a registered type");
    CHECK(registered.count(name) == 1);
  }
}

TEST_CASE("an unknown measure type is refused at load time, naming the nearest type",
          "[measures][registry]") {
  const std::string error =
      test::error_of(small_with("{type: legal_trem, from: 2024-01-01, days: 90}"));
  CHECK_THAT(error, Catch::Contains("measures.example.type: unknown measure type 'legal_trem' "
                                    "(did you mean 'legal_term'?)"));
}

TEST_CASE("extra housing realisation houses more permit holders and empties COA of them",
          "[measures][registry]") {
  const auto c =
      test::compare(test::small_yaml(),
                    small_with("{type: housing_realisation, from: 2024-01-01, until: 2025-01-01, "
                               "extra_per_half_year: 1000}"));
  CHECK(test::cell(c, "housing.realised", "2024").ci_low > 0);
  CHECK(test::cell(c, "coa.permit_holders", "2025-01-01").ci_high < 0);
  const auto s =
      test::scenario_from(small_with("{type: housing_realisation, from: 2024-07-01, until: "
                                     "2025-01-01, extra_per_half_year: 500}"));
  const engine::Calendar cal = s.calendar();
  CHECK(s.housing.realisation_per_half_year.at(0) == 1400);
  CHECK(s.housing.realisation_per_half_year.at(cal.to_tick(*engine::parse_date("2024-07-01"))) ==
        1900);
  CHECK(s.housing.realisation_per_half_year.at(cal.to_tick(*engine::parse_date("2025-01-01"))) ==
        1400);
}
