// --set KEY.PATH=VALUE: one value changed for one command, checked like the file (issue 27).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace asylumsim;
using test::read_file;
using test::run_asylumsim;

namespace {
const std::string kSmall = test::source_path("tests/data/small.yaml");

// The lines of the emitted tree that differ between two trees (same shape assumed).
std::vector<std::string> changed_lines(const YAML::Node& a, const YAML::Node& b) {
  std::stringstream sa(test::emit(a)), sb(test::emit(b));
  std::vector<std::string> out;
  std::string la, lb;
  while (std::getline(sa, la) && std::getline(sb, lb))
    if (la != lb) out.push_back(lb);
  return out;
}
}  // namespace

TEST_CASE("a --set changes exactly the named value of the tree", "[overrides]") {
  const YAML::Node before = measures::scenario_tree(kSmall);
  const YAML::Node after = measures::scenario_tree(kSmall);
  scenario::apply_overrides(after, {*scenario::parse_override("ind.capacity_per_week.aa=77")});
  const auto lines = changed_lines(before, after);
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::Contains("aa: 77"));
  const scenario::Scenario s =
      measures::load_scenario(kSmall, std::vector<std::string>{"ind.capacity_per_week.aa=77"});
  CHECK(s.ind.capacity_per_week[scenario::kAA].at(0) == 77);
  CHECK(s.ind.capacity_per_week[scenario::kVA].at(0) == 15);  // its neighbour is untouched
  CHECK(s.overrides == std::vector<std::string>{"ind.capacity_per_week.aa=77"});
}

TEST_CASE("a --set reaches list elements, adds keys and replaces whole subtrees", "[overrides]") {
  const std::vector<std::string> sets = {
      "groups.alpha.family_size[1]=0.2", "groups.alpha.family_size[2]=0.3",
      "inflow.seasonality=[1,1,1,1,1,1,1,1,1,1,1,2]", "scenario.description=what if"};
  const scenario::Scenario s = measures::load_scenario(kSmall, sets);
  CHECK(s.groups[0].family_size == std::vector<double>{0.5, 0.2, 0.3});
  CHECK(s.inflow.seasonality[11] > s.inflow.seasonality[0]);
  CHECK(s.description == "what if");
}

TEST_CASE("a --set to the file's own value leaves every result byte unchanged",
          "[overrides][cli]") {
  const fs::path a = test::empty_test_dir("set-same-a"), b = test::empty_test_dir("set-same-b"),
                 c = test::empty_test_dir("set-other");
  const std::string common = " --replications 2 --threads 2 --quiet --force --out ";
  REQUIRE(run_asylumsim("run " + kSmall + common + a.string()).code == 0);
  REQUIRE(
      run_asylumsim("run " + kSmall + " --set ind.capacity_per_week.aa=50" + common + b.string())
          .code == 0);
  REQUIRE(
      run_asylumsim("run " + kSmall + " --set ind.capacity_per_week.aa=80" + common + c.string())
          .code == 0);
  CHECK(read_file(a / "series.csv") == read_file(b / "series.csv"));
  CHECK(read_file(a / "series.csv") != read_file(c / "series.csv"));
  const auto j = nlohmann::json::parse(read_file(c / "summary.json"));
  CHECK(j["scenario"]["overrides"][0] == "ind.capacity_per_week.aa=80");
  CHECK_THAT(j["command"].get<std::string>(), Catch::Contains("--set ind.capacity_per_week.aa=80"));
}

TEST_CASE("bad --set options name the option, the key path and what is expected",
          "[overrides][cli][errors]") {
  const fs::path out = test::empty_test_dir("set-bad") / "out";
  const std::string tail = " --out " + out.string() + " --replications 1 --quiet";
  const auto missing = run_asylumsim("run " + kSmall + " --set ind.capacity_per_weak.aa=5" + tail);
  CHECK(missing.code == 3);
  CHECK_THAT(missing.output, Catch::Contains("--set ind.capacity_per_weak.aa=5: "
                                             "ind.capacity_per_weak.aa: 'ind.capacity_per_weak' "
                                             "does not exist"));
  const auto negative =
      run_asylumsim("run " + kSmall + " --set ind.capacity_per_week.aa=-5" + tail);
  CHECK(negative.code == 3);
  CHECK_THAT(negative.output,
             Catch::Contains("--set ind.capacity_per_week.aa=-5: "
                             "ind.capacity_per_week.aa: value -5 is out of range"));
  const auto typo = run_asylumsim("run " + kSmall + " --set ind.capacity_per_wek=5" + tail);
  CHECK(typo.code == 3);
  CHECK_THAT(typo.output, Catch::Contains("--set ind.capacity_per_wek=5: ind.capacity_per_wek: "
                                          "unknown key (did you mean 'capacity_per_week'?)"));
  const auto text = run_asylumsim("run " + kSmall + " --set ind.capacity_per_week.aa=lots" + tail);
  CHECK(text.code == 3);
  CHECK_THAT(text.output, Catch::Contains("--set ind.capacity_per_week.aa=lots"));
  const auto index = run_asylumsim("check " + kSmall + " --set groups.alpha.family_size[7]=0.1");
  CHECK(index.code == 3);
  CHECK_THAT(index.output, Catch::Contains("has 3 elements"));
  const auto huge =
      run_asylumsim("check " + kSmall + " --set groups.alpha.family_size[99999999999]=1");
  CHECK(huge.code == 2);  // not an index: refused as a malformed option, never an overflow
  const auto form = run_asylumsim("run " + kSmall + " --set capacity" + tail);
  CHECK(form.code == 2);
  CHECK_THAT(form.output, Catch::Contains("expected KEY.PATH=VALUE"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("check, compare, sweep, validate and the fits take --set too", "[overrides][cli]") {
  CHECK(run_asylumsim("check " + kSmall + " --set scenario.replications=3 --quiet").code == 0);
  for (const char* cmd : {"compare", "sweep", "validate", "calibrate", "backtest", "check"})
    CHECK_THAT(run_asylumsim(std::string(cmd) + " --help").output, Catch::Contains("--set"));
}

TEST_CASE("calibrate starts from the --set value and its fitted file keeps the change",
          "[overrides][cli][calibration]") {
  const fs::path src = test::empty_test_dir("set-calibrate");
  auto y = test::small_yaml();
  y["calibration"] = YAML::Load(
      "{replications: 1, max_evaluations: 3, parameters: [{path: ind.capacity_per_week.aa, min: "
      "20, max: 100}]}");
  std::ofstream(src / "s.yaml") << test::emit(y);
  std::ofstream(src / "t.yaml")
      << "targets:\n  - {id: ind.decisions_first, kind: flow, period: 2024, value: 3800}\n";
  const auto r = run_asylumsim(
      "calibrate " + (src / "s.yaml").string() + " --targets " + (src / "t.yaml").string() +
      " --set ind.capacity_per_week.aa=33 --set ind.capacity_per_week.va=21"
      " --quiet --out " +
      (src / "out").string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string fitted = read_file(src / "out" / "s.calibrated.yaml");
  CHECK_THAT(fitted, Catch::Contains("(was 33;"));  // the fit started from the --set value
  CHECK_THAT(fitted, Catch::Contains("--set ind.capacity_per_week.va=21"));  // in the header
  const scenario::Scenario s =
      measures::load_scenario((src / "out" / "s.calibrated.yaml").string());
  CHECK(s.ind.capacity_per_week[scenario::kVA].at(0) == 21);
  // A path outside the scenario is refused before anything runs.
  const auto bad = run_asylumsim("calibrate " + (src / "s.yaml").string() + " --targets " +
                                 (src / "t.yaml").string() + " --set ind.nothing.here=1 --out " +
                                 (src / "bad").string());
  CHECK(bad.code == 3);
  CHECK_FALSE(fs::exists(src / "bad"));
}
