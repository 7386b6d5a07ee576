// inflow.first_applications_file: a planner's monthly series, taken as given (issue 27).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace asylumsim;
using test::run_asylumsim;

namespace {
const std::string kSmall = test::source_path("tests/data/small.yaml");

// A scenario beside `csv` that extends the small test scenario and reads the file.
fs::path scenario_with_file(const fs::path& dir, const std::string& csv_text,
                            const std::string& extra = "") {
  std::ofstream(dir / "inflow.csv") << csv_text;
  std::ofstream(dir / "planner.yaml")
      << "extends: " << kSmall << "\nscenario: {name: planner}\ninflow:\n"
      << "  seasonality: [0.85, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.12]\n"
      << "  first_applications_file: inflow.csv\n"
      << extra;
  return dir / "planner.yaml";
}

std::string monthly_csv() {
  // 2025 only, very different from the scenario's 4,500 a year (375 a month), with a December
  // that seasonality would have raised and a January it would have lowered.
  std::string csv = "month,persons\n";
  for (int m = 1; m <= 12; ++m) csv += fmt::format("2025-{:02},{}\n", m, 100 * m);
  return csv;
}
}  // namespace

TEST_CASE("a monthly inflow file round-trips: the model's monthly first applications equal it",
          "[inflow][cli]") {
  const fs::path dir = test::empty_test_dir("inflow-roundtrip");
  const fs::path file = scenario_with_file(dir, monthly_csv());
  const int reps = 40;
  const std::string opts =
      fmt::format(" --replications {} --threads 2 --quiet --force --out ", reps);
  REQUIRE(run_asylumsim("run " + file.string() + opts + (dir / "with").string()).code == 0);
  const auto with = test::read_series(dir / "with" / "series.csv");
  for (int m = 1; m <= 12; ++m) {
    const double given = 100.0 * m;
    const double mean = with.at(fmt::format("inflow.first_applications|2025-{:02}|mean", m));
    // Poisson counts: the mean over R replications has standard error sqrt(given / R).
    INFO("2025-" << m << ": file " << given << ", model " << mean);
    CHECK(std::abs(mean - given) < 4.5 * std::sqrt(given / reps));
  }
  CHECK(with.at("inflow.first_applications|2025|mean") ==
        Approx(7800).margin(4.5 * std::sqrt(7800.0 / reps)));
  // Outside the file the scenario's rates (with seasonality) apply; the arrivals before the
  // file's first month are the very same draws as without the file.
  std::ofstream(dir / "plain.yaml") << "extends: " << kSmall << "\nscenario: {name: planner}\n"
                                    << "inflow:\n  seasonality: [0.85, 1, 1, 1, 1, 1, 1, 1, 1, "
                                       "1, 1, 1.12]\n";
  REQUIRE(run_asylumsim("run " + (dir / "plain.yaml").string() + opts + (dir / "plain").string())
              .code == 0);
  const auto plain = test::read_series(dir / "plain" / "series.csv");
  for (int m = 1; m <= 12; ++m) {
    const std::string key = fmt::format("inflow.first_applications|2024-{:02}|mean", m);
    CHECK(with.at(key) == plain.at(key));
  }
}

TEST_CASE("an inflow file by group is used per group, and a total is split by the group shares",
          "[inflow]") {
  const fs::path dir = test::empty_test_dir("inflow-groups");
  scenario_with_file(dir, "month,group,persons\n2024-03,alpha,10\n2024-03,beta,30\n");
  const scenario::Scenario s = measures::load_scenario((dir / "planner.yaml").string());
  const auto& table = s.inflow.first_applications_by_month;
  REQUIRE(table.size() == 24);
  CHECK(table[0].empty());
  CHECK(table[2] == std::vector<double>{10, 30});
  scenario_with_file(dir, "month,persons\n2024-02,90\n2026-01,5\n");
  const scenario::Scenario t = measures::load_scenario((dir / "planner.yaml").string());
  // alpha 3,000 and beta 1,500 a year: two thirds and one third; 2026 lies past the horizon.
  CHECK(t.inflow.first_applications_by_month[1] == std::vector<double>{60, 30});
}

TEST_CASE("errors in an inflow file name the file, line and column", "[inflow][errors]") {
  const fs::path dir = test::empty_test_dir("inflow-bad");
  struct Case {
    std::string csv, expected;
  };
  const std::vector<Case> cases = {
      {"month,persons\n2024-01,10\n2024-13,5\n",
       "inflow.csv:3:1: inflow.first_applications_file: "
       "'2024-13' is not a month (expected YYYY-MM)"},
      {"month,persons\n2024-01,ten\n",
       "inflow.csv:2:9: inflow.first_applications_file: 'ten' is "
       "not a number of persons"},
      {"month,persons\n2024-01,-3\n", "inflow.csv:2:9:"},
      {"month,persons\n2024-01,25000000\n", "inflow.csv:2:9:"},
      {"month,persons\n2024-01,3\n2024-01,4\n",
       "inflow.csv:3:1: inflow.first_applications_file: "
       "this month is already given on line 2"},
      {"month,group,persons\n2024-01,alpa,3\n",
       "inflow.csv:2:9: inflow.first_applications_file: unknown group 'alpa' (did you mean "
       "'alpha'?)"},
      {"month,group,persons\n2024-01,alpha,3\n",
       "inflow.csv:2:1: inflow.first_applications_file: this month has no row for group 'beta'"},
      {"date;persons\n2024-01;3\n", "inflow.csv:1:1: inflow.first_applications_file: header"},
      {"month,persons\n2024-01,3,4\n", "inflow.csv:2:1: inflow.first_applications_file: 3 fields"},
      {"month,persons\n2030-01,3\n", "no month of the file lies in the scenario's horizon"},
  };
  for (const auto& c : cases) {
    const fs::path file = scenario_with_file(dir, c.csv);
    const auto r = run_asylumsim("check " + file.string());
    INFO(c.csv << "\n" << r.output);
    CHECK(r.code == 3);
    CHECK_THAT(r.output, Catch::Contains(c.expected));
  }
  std::ofstream(dir / "planner.yaml")
      << "extends: " << kSmall << "\ninflow: {first_applications_file: nowhere.csv}\n";
  const auto missing = run_asylumsim("check " + (dir / "planner.yaml").string());
  CHECK(missing.code == 3);
  CHECK_THAT(missing.output, Catch::Contains("planner.yaml:2:35: inflow.first_applications_file: "
                                             "cannot read"));
}

TEST_CASE("an inflow file named in a base scenario is found beside the base", "[inflow][extends]") {
  const fs::path dir = test::empty_test_dir("inflow-rebase");
  fs::create_directories(dir / "base");
  fs::create_directories(dir / "variants");
  std::ofstream(dir / "base" / "forecast.csv") << "month,persons\n2024-03,99\n";
  std::ofstream(dir / "base" / "planner.yaml")
      << "extends: " << kSmall << "\nscenario: {name: base}\n"
      << "inflow: {first_applications_file: forecast.csv}\n";
  std::ofstream(dir / "variants" / "v.yaml")
      << "extends: ../base/planner.yaml\nscenario: {name: v}\n";
  std::ofstream(dir / "variants" / "w.yaml")
      << "extends: [" << kSmall << ", ../base/planner.yaml]\nscenario: {name: w}\n";
  for (const char* file : {"v.yaml", "w.yaml"}) {
    const scenario::Scenario s = measures::load_scenario((dir / "variants" / file).string());
    INFO(file);
    REQUIRE(s.inflow.first_applications_by_month.size() == 24);
    CHECK(s.inflow.first_applications_by_month[2] == std::vector<double>{66, 33});
  }
}

TEST_CASE("the inflow file's content is part of the scenario's identity (checkpoints)",
          "[inflow][checkpoint]") {
  const fs::path dir = test::empty_test_dir("inflow-digest");
  const fs::path file = scenario_with_file(dir, "month,persons\n2024-03,99\n");
  const auto first = measures::load_scenario(file.string()).resolved_digest;
  CHECK(measures::load_scenario(file.string()).resolved_digest == first);
  scenario_with_file(dir, "month,persons\n2024-03,98\n");
  CHECK(measures::load_scenario(file.string()).resolved_digest != first);
}
