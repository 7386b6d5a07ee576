// --xlsx: results.xlsx with real numbers and dates, equal to series.csv (issue 27).
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace asylumsim;
using test::read_file;
using test::run_asylumsim;

namespace {
const std::string kSmall = test::source_path("tests/data/small.yaml");

test::CliResult run_python(const std::string& args) {
  return test::run_command("/usr/bin/python3 " + args);
}

bool is_zip(const fs::path& p) {
  return read_file(p).rfind("PK\x03\x04", 0) == 0;
}
}  // namespace

TEST_CASE("run --xlsx writes a workbook whose numbers equal series.csv", "[xlsx][cli]") {
  const fs::path a = test::empty_test_dir("xlsx-a"), b = test::empty_test_dir("xlsx-b");
  REQUIRE(run_asylumsim("run " + kSmall + " --xlsx --replications 3 --threads 2 --quiet --force " +
                        "--set ind.capacity_per_week.aa=55 --out " + a.string())
              .code == 0);
  REQUIRE(is_zip(a / "results.xlsx"));
  const auto check = run_python(test::source_path("tests/output/xlsx_matches_series.py") + " " +
                                (a / "results.xlsx").string() + " " + (a / "series.csv").string());
  INFO(check.output);
  CHECK(check.code == 0);
  CHECK_THAT(check.output, Catch::Contains("results.xlsx equals series.csv"));
  // The workbook carries no clock time: the same command gives the same bytes.
  const std::string first = read_file(a / "results.xlsx");
  REQUIRE(run_asylumsim("run " + kSmall + " --xlsx --replications 3 --threads 2 --quiet --force " +
                        "--set ind.capacity_per_week.aa=55 --out " + a.string())
              .code == 0);
  CHECK(read_file(a / "results.xlsx") == first);
  // Nor on the threads (the workbook holds no command line or output directory).
  REQUIRE(run_asylumsim("run " + kSmall + " --xlsx --replications 3 --threads 1 --quiet --force " +
                        "--set ind.capacity_per_week.aa=55 --out " + b.string())
              .code == 0);
  CHECK(read_file(b / "results.xlsx") == first);
  // Without --xlsx there is none.
  const fs::path c = test::empty_test_dir("xlsx-c");
  REQUIRE(run_asylumsim("run " + kSmall + " --replications 1 --quiet --force --out " + c.string())
              .code == 0);
  CHECK_FALSE(fs::exists(c / "results.xlsx"));
}

TEST_CASE("compare, validate and sweep write results.xlsx with --xlsx", "[xlsx][cli]") {
  const fs::path dir = test::empty_test_dir("xlsx-others");
  std::ofstream(dir / "v.yaml") << "extends: " << kSmall
                                << "\nscenario: {name: v}\nind: {capacity_per_week: {aa: 70}}\n";
  CHECK(run_asylumsim("compare " + kSmall + " " + (dir / "v.yaml").string() +
                      " --xlsx --replications 2 --quiet --out " + (dir / "cmp").string())
            .code == 0);
  CHECK(is_zip(dir / "cmp" / "results.xlsx"));
  CHECK(run_asylumsim("validate " + kSmall + " --targets " +
                      test::source_path("tests/data/targets-2024-2025.yaml") +
                      " --set scenario.end=2026-12-31 --xlsx --replications 1 --quiet --out " +
                      (dir / "val").string())
            .code == 0);
  CHECK(is_zip(dir / "val" / "results.xlsx"));
  CHECK(run_asylumsim("sweep " + kSmall +
                      " --vary ind.capacity_per_week.aa=40:60:2 --xlsx --replications 1 --quiet "
                      "--out " +
                      (dir / "swp").string())
            .code == 0);
  CHECK(is_zip(dir / "swp" / "results.xlsx"));
  const auto sheets = run_python(
      "-c \"import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml')"
      ".decode())\" " +
      (dir / "cmp" / "results.xlsx").string());
  for (const char* name : {"diff_mean", "ci95_low", "ci95_high", "settings", "warnings"})
    CHECK_THAT(sheets.output, Catch::Contains(std::string("name=\"") + name + "\""));
}

TEST_CASE("the workbook's warnings sheet lists the scenario's plausibility warnings",
          "[xlsx][cli]") {
  const fs::path dir = test::empty_test_dir("xlsx-warnings");
  const std::string implausible =
      test::source_path("tests/implausible-scenarios/inflow-factor-30.yaml");
  REQUIRE(run_asylumsim("run " + implausible + " --xlsx --replications 1 --quiet --out " +
                        (dir / "out").string())
              .code == 0);
  // Strings of an xlsx are in xl/sharedStrings.xml inside the zip.
  const auto strings = run_python(
      "-c \"import sys, zipfile; "
      "print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())\" " +
      (dir / "out" / "results.xlsx").string());
  REQUIRE(strings.code == 0);
  CHECK_THAT(strings.output, Catch::Contains("multiplies first applications by 30"));
}
