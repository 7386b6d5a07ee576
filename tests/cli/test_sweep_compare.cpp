// sweep, compare with several variants, extends with a list of files (issue 27).
#include <catch2/catch.hpp>
#include <set>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/montecarlo/sweep.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace asylumsim;
using test::read_file;
using test::run_asylumsim;
using test::split_fields;

namespace {
const std::string kSmall = test::source_path("tests/data/small.yaml");

std::vector<std::vector<std::string>> csv_rows(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream in(read_file(p));
  std::string line;
  while (std::getline(in, line)) rows.push_back(split_fields(line));
  return rows;
}

void write_variant(const fs::path& file, const std::string& name, int aa_capacity) {
  std::ofstream(file) << "extends: " << kSmall << "\nscenario: {name: " << name
                      << "}\nind: {capacity_per_week: {aa: " << aa_capacity << "}}\n";
}
}  // namespace

TEST_CASE("a 4-point sweep writes 4 points with common random numbers", "[sweep][cli]") {
  const fs::path out = test::empty_test_dir("sweep4") / "out";
  const auto r = run_asylumsim("sweep " + kSmall +
                               " --vary ind.capacity_per_week.aa=30:90:4 --replications 3 "
                               "--threads 2 --quiet --out " +
                               out.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto rows = csv_rows(out / "sweep.csv");
  REQUIRE(rows.size() > 1);
  // The columns, then the identity columns every tidy file carries.
  CHECK(rows[0] == std::vector<std::string>{"point", "ind.capacity_per_week.aa", "metric", "when",
                                            "mean", "p05", "p95", "scenario", "scenario_hash",
                                            "seed", "complete"});
  std::set<std::string> points, values;
  std::map<std::string, double> decisions;  // per value: IND decisions in 2025
  for (std::size_t i = 1; i < rows.size(); ++i) {
    points.insert(rows[i][0]);
    values.insert(rows[i][1]);
    if (rows[i][2] == "ind.decisions_first" && rows[i][3] == "2025")
      decisions[rows[i][1]] = std::stod(rows[i][4]);
  }
  CHECK(points == std::set<std::string>{"1", "2", "3", "4"});
  CHECK(values == std::set<std::string>{"30", "50", "70", "90"});
  CHECK(decisions.at("90") > decisions.at("30"));  // more capacity, more decisions
  CHECK_THAT(read_file(out / "report.html"), Catch::Contains("<svg class=\"chart xy-chart\""));
  // A sweep point is the same run as the scenario with that value set: common random numbers.
  const fs::path one = test::empty_test_dir("sweep1") / "out";
  REQUIRE(run_asylumsim("sweep " + kSmall +
                        " --vary ind.capacity_per_week.aa=50:90:2 --replications 3 --quiet --out " +
                        one.string())
              .code == 0);
  std::string a, b;
  for (const auto& row : csv_rows(out / "sweep.csv"))
    if (row[1] == "50") a += row[4] + ",";
  for (const auto& row : csv_rows(one / "sweep.csv"))
    if (row[1] == "50") b += row[4] + ",";
  CHECK(a == b);
}

TEST_CASE("a two-key sweep: grid, Latin hypercube and a tornado chart", "[sweep][cli]") {
  const fs::path out = test::empty_test_dir("sweep-lhs") / "out";
  const auto r = run_asylumsim("sweep " + kSmall +
                               " --vary ind.capacity_per_week.aa=30:90:3 --vary "
                               "groups.alpha.first_applications_per_year=2000:4000:3 --design lhs "
                               "--replications 2 --quiet --out " +
                               out.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  std::set<std::string> points;
  for (const auto& row : csv_rows(out / "sweep.csv")) points.insert(row[0]);
  CHECK(points.size() == 4);  // 3 points and the header
  CHECK_THAT(read_file(out / "report.html"), Catch::Contains("id=\"tornado\""));
  const auto grid = montecarlo::sweep_points(
      {montecarlo::parse_vary("a=1:2:2"), montecarlo::parse_vary("b=0:10:3")},
      montecarlo::SweepDesign::kGrid, 1);
  CHECK(grid.size() == 6);
  CHECK(grid[1] == std::vector<double>{1, 5});
  const auto lhs = montecarlo::sweep_points(
      {montecarlo::parse_vary("a=0:3:4"), montecarlo::parse_vary("b=0:3:4")},
      montecarlo::SweepDesign::kLatinHypercube, 9);
  std::set<double> b_values;
  for (const auto& p : lhs) b_values.insert(p[1]);
  CHECK(b_values == std::set<double>{0, 1, 2, 3});  // each value once
}

TEST_CASE("bad --vary options exit 3 and write nothing", "[sweep][cli][errors]") {
  const fs::path out = test::empty_test_dir("sweep-bad") / "out";
  struct Case {
    std::string vary, expected;
  };
  const std::vector<Case> cases = {
      {"ind.capacity_per_week.aa=30:90", "'30:90' is not a range"},
      {"ind.capacity_per_week.aa=30:x:4", "TO 'x' is not a number"},
      {"ind.capacity_per_week.aa=30:90:1", "N '1' is not a number of points"},
      {"ind.capacity_per_week.zz=30:90:3", "'ind.capacity_per_week.zz' does not name a number"},
      {"ind.capacity_per_week.aa=-90:90:3", "value -90 is out of range"},
  };
  for (const auto& c : cases) {
    const auto r = run_asylumsim("sweep " + kSmall + " --vary " + c.vary + " --out " +
                                 out.string() + " --quiet --replications 1");
    INFO(r.output);
    CHECK(r.code == 3);
    CHECK_THAT(r.output, Catch::Contains("--vary ") && Catch::Contains(c.expected));
  }
  CHECK_FALSE(fs::exists(out));
  // A schedule (here made by --set) is replaced by each point's constant, as --set would.
  const auto schedule = run_asylumsim(
      "sweep " + kSmall +
      " --set \"ind.capacity_per_week.aa=[{from: 2024-01-01, value: 50}, {from: 2025-01-01, "
      "value: 60}]\" --vary ind.capacity_per_week.aa=40:60:2 --vary "
      "\"ind.capacity_per_week.va=10:20:2\" --replications 1 --quiet --out " +
      out.string());
  INFO(schedule.output);
  CHECK(schedule.code == 0);
}

TEST_CASE("compare with 3 variants writes 3 comparisons in one table and one report",
          "[compare][cli]") {
  const fs::path dir = test::empty_test_dir("compare3");
  write_variant(dir / "v1.yaml", "aa-40", 40);
  write_variant(dir / "v2.yaml", "aa-60", 60);
  write_variant(dir / "v3.yaml", "aa-50", 50);  // the base's own value
  const auto r = run_asylumsim("compare " + kSmall + " " + (dir / "v1.yaml").string() + " " +
                               (dir / "v2.yaml").string() + " " + (dir / "v3.yaml").string() +
                               " --replications 3 --threads 2 --out " + (dir / "out").string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto rows = csv_rows(dir / "out" / "comparison.csv");
  REQUIRE(rows[0][0] == "variant");
  REQUIRE(rows[0][7] == "metric");  // after the pair's identity columns
  std::map<std::string, int> per_variant;
  bool same_is_zero = true;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    per_variant[rows[i][0]] += 1;
    // A value missing in both (no exits of a household size) has a missing difference.
    if (rows[i][0] == "aa-50" && !rows[i][11].empty() && std::stod(rows[i][11]) != 0)
      same_is_zero = false;
  }
  CHECK(per_variant.size() == 3);
  CHECK(per_variant["aa-40"] == per_variant["aa-60"]);
  CHECK(per_variant["aa-40"] == per_variant["aa-50"]);
  CHECK(same_is_zero);  // paired on the same streams, an unchanged variant differs by exactly 0
  CHECK_THAT(read_file(dir / "out" / "comparison.csv"),
             Catch::Contains(",true,coa.occupancy.by_group.beta,2025-01-01,"));
  // A variant without one of the base's groups cannot be paired group by group.
  auto y = test::small_yaml();
  y["groups"].remove("beta");
  y["ukraine"]["activated_group"] = "alpha";
  y["scenario"]["name"] = "no-beta";
  std::ofstream(dir / "no-beta.yaml") << test::emit(y);
  const auto missing = run_asylumsim("compare " + kSmall + " " + (dir / "no-beta.yaml").string() +
                                     " --out " + (dir / "missing-out").string());
  INFO(missing.output);
  CHECK(missing.code == 3);
  CHECK_THAT(missing.output, Catch::Contains("groups: has no nationality group 'beta'"));
  CHECK_FALSE(fs::exists(dir / "missing-out"));
  const std::string html = read_file(dir / "out" / "report.html");
  for (const char* name : {"aa-40", "aa-60", "aa-50"}) {
    CHECK_THAT(html, Catch::Contains(name));
    CHECK_THAT(r.output, Catch::Contains(std::string("'") + name + "' (variant)"));
  }
  CHECK_THAT(html, Catch::Contains("id=\"variant-3\""));
  write_variant(dir / "dup.yaml", "aa-40", 45);
  const auto dup =
      run_asylumsim("compare " + kSmall + " " + (dir / "v1.yaml").string() + " " +
                    (dir / "dup.yaml").string() + " --out " + (dir / "dup-out").string());
  CHECK(dup.code == 3);
  CHECK_THAT(dup.output, Catch::Contains("scenario.name: 'aa-40' is also the name of"));
}

TEST_CASE("extends takes a list of files applied in order", "[extends]") {
  const fs::path dir = test::empty_test_dir("extends-list");
  std::ofstream(dir / "measure-a.yaml")
      << "extends: " << kSmall << "\nscenario: {name: a}\nind: {capacity_per_week: {aa: 61}}\n"
      << "measures:\n  more_col: {type: reception_capacity, from: 2024-06-01, location: col, "
         "places: 100}\n";
  std::ofstream(dir / "measure-b.yaml")
      << "extends: " << kSmall << "\nscenario: {name: b}\nind: {capacity_per_week: {va: 17}}\n"
      << "measures:\n  more_azc: {type: reception_capacity, from: 2024-06-01, location: azc, "
         "places: 200}\n";
  std::ofstream(dir / "both.yaml")
      << "extends: [measure-a.yaml, measure-b.yaml]\nscenario: {name: both}\n";
  const scenario::Scenario s = measures::load_scenario((dir / "both.yaml").string());
  CHECK(s.name == "both");
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(0) == 61);  // a's change survives b
  CHECK(s.ind.capacity_per_week[scenario::kVA].at(0) == 17);
  REQUIRE(s.measures.size() == 2);
  CHECK(s.measures[0].name == "more_col");
  CHECK(s.measures[1].name == "more_azc");
  std::ofstream(dir / "bad.yaml") << "extends: [measure-a.yaml, nowhere.yaml]\n";
  CHECK_THROWS_WITH(measures::load_scenario((dir / "bad.yaml").string()),
                    Catch::Contains("bad.yaml:1:27: extends: base scenario") &&
                        Catch::Contains("nowhere.yaml does not exist"));
}

TEST_CASE("indicators lists the per-group indicators as patterns", "[groups][cli]") {
  const auto r = run_asylumsim("indicators");
  REQUIRE(r.code == 0);
  for (const char* id :
       {"inflow.first_applications.by_group.<group>", "ind.decisions_first.by_group.<group>",
        "ind.grants_first.by_group.<group>", "permits.total.by_group.<group>",
        "ind.backlog.by_group.<group>", "coa.occupancy.by_group.<group>"})
    CHECK_THAT(r.output, Catch::Contains(id));
}
