// End-to-end: the asylumsim executable as a user calls it.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/fixtures.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {
using Result = asylumsim::test::CliResult;
Result run_cli(const std::string& args) {
  return asylumsim::test::run_asylumsim(args);
}
std::string slurp(const fs::path& p) {
  return asylumsim::test::read_file(p);
}
fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("asylumsim-test-" + name);
  fs::remove_all(d);
  return d;
}
const std::string kSmall = asylumsim::test::source_path("tests/data/small.yaml");
}  // namespace

TEST_CASE("run writes series.csv and summary.json and prints a table", "[cli]") {
  const fs::path out = fresh_dir("run");
  const auto r =
      run_cli("run " + kSmall + " --out " + out.string() + " --replications 3 --threads 2");
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains("COA occupancy"));
  const std::string csv = slurp(out / "series.csv");
  CHECK(csv.rfind("scenario,scenario_hash,seed,complete,metric,when,statistic,value\n", 0) == 0);
  CHECK_THAT(csv, Catch::Contains(",true,coa.occupancy,2025-01-01,p95,"));
  CHECK_THAT(csv, Catch::Contains("ind.decisions_first,2024-H2,mean,"));
  const auto j = nlohmann::json::parse(slurp(out / "summary.json"));
  CHECK(j["schema"] == "asylumsim.summary/1");
  CHECK(j["replications"] == 3);
  CHECK(j["complete"] == true);
  CHECK(j["years"].size() == 2);
  CHECK(j["years"][0]["coa.occupancy"]["mean"].get<double>() > 0);
  for (const auto& e : fs::directory_iterator(out))
    CHECK(e.path().filename().string().find("partial") == std::string::npos);
  CHECK_THAT(slurp(out / "report.html"), Catch::Contains("<svg class=\"chart\""));
}

TEST_CASE("thread count does not change a single byte of the results", "[cli][determinism]") {
  const fs::path a = fresh_dir("t1"), b = fresh_dir("t2");
  REQUIRE(
      run_cli("run " + kSmall + " --out " + a.string() + " --replications 4 --threads 1 --quiet")
          .code == 0);
  REQUIRE(
      run_cli("run " + kSmall + " --out " + b.string() + " --replications 4 --threads 2 --quiet")
          .code == 0);
  CHECK(slurp(a / "series.csv") == slurp(b / "series.csv"));
  CHECK(slurp(a / "report.html") == slurp(b / "report.html"));
}

TEST_CASE("the seed option changes the results", "[cli][determinism]") {
  const fs::path a = fresh_dir("s1"), b = fresh_dir("s2");
  REQUIRE(run_cli("run " + kSmall + " --out " + a.string() + " --replications 2 --quiet --seed 1")
              .code == 0);
  REQUIRE(run_cli("run " + kSmall + " --out " + b.string() + " --replications 2 --quiet --seed 2")
              .code == 0);
  CHECK(slurp(a / "series.csv") != slurp(b / "series.csv"));
}

TEST_CASE("bad scenarios exit 3 with located messages and write nothing", "[cli][errors]") {
  const fs::path dir = fresh_dir("bad");
  fs::create_directories(dir);
  const fs::path bad = dir / "bad.yaml";
  std::ofstream(bad) << "scenario: {name: x, start: 2024-01-01, end: 2024-12-31, sed: 3}\n";
  const auto r = run_cli("run " + bad.string() + " --out " + (dir / "out").string());
  CHECK(r.code == 3);
  CHECK_THAT(r.output,
             Catch::Contains("bad.yaml:1:57: scenario.sed: unknown key (did you mean 'seed'?)"));
  CHECK_FALSE(fs::exists(dir / "out" / "series.csv"));
  const auto c = run_cli("check " + bad.string());
  CHECK(c.code == 3);
}

TEST_CASE("check validates without running and usage errors exit 2", "[cli]") {
  const auto ok = run_cli("check " + kSmall);
  CHECK(ok.code == 0);
  CHECK_THAT(ok.output, Catch::Contains("is valid"));
  CHECK(run_cli("run").code == 2);
  CHECK(run_cli("run " + kSmall + " --replications 0").code == 2);
  CHECK(run_cli("frobnicate").code == 2);
}

TEST_CASE("version and help flags print the version and list every command", "[cli]") {
  const auto v = run_cli("--version");
  CHECK(v.code == 0);
  CHECK_THAT(v.output, Catch::Contains("asylumsim 0.1.0 (commit "));
  const auto h = run_cli("--help");
  CHECK(h.code == 0);
  for (const char* cmd : {"run", "check", "validate"}) CHECK_THAT(h.output, Catch::Contains(cmd));
  const auto ind = run_cli("indicators");
  CHECK(ind.code == 0);
  CHECK_THAT(ind.output, Catch::Contains("coa.occupancy"));
  CHECK_THAT(ind.output, Catch::Contains("cost.total"));
  const auto rh = run_cli("run --help");
  CHECK_THAT(rh.output, Catch::Contains("--replications"));
  CHECK_THAT(rh.output, Catch::Contains("--threads"));
}

TEST_CASE("another scenario's results are not overwritten without --force", "[cli]") {
  const fs::path out = fresh_dir("force");
  REQUIRE(run_cli("run " + kSmall + " --out " + out.string() + " --replications 1 --quiet").code ==
          0);
  auto y = asylumsim::test::small_yaml();
  y["scenario"]["name"] = "other";
  const fs::path other_file = fresh_dir("force-src");
  fs::create_directories(other_file);
  std::ofstream(other_file / "other.yaml") << asylumsim::test::emit(y);
  const auto refused = run_cli("run " + (other_file / "other.yaml").string() + " --out " +
                               out.string() + " --quiet");
  CHECK(refused.code == 5);
  CHECK_THAT(refused.output, Catch::Contains("--force to replace them"));
  CHECK(run_cli("run " + (other_file / "other.yaml").string() + " --out " + out.string() +
                " --quiet --force --replications 1")
            .code == 0);
}

TEST_CASE("validate writes validation.csv with every target", "[cli][validate]") {
  const fs::path out = fresh_dir("validate");
  auto y = asylumsim::test::small_yaml();
  y["scenario"]["end"] = "2026-12-31";
  const fs::path src = fresh_dir("validate-src");
  fs::create_directories(src);
  std::ofstream(src / "s.yaml") << asylumsim::test::emit(y);
  const auto r = run_cli("validate " + (src / "s.yaml").string() + " --targets " +
                         asylumsim::test::source_path("tests/data/targets-2024-2025.yaml") +
                         " --replications 2 --out " + out.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string csv = slurp(out / "validation.csv");
  CHECK(csv.rfind("scenario,scenario_hash,seed,complete,id,when,target,model_mean,model_p05,"
                  "model_p95,rel_error\n",
                  0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 97);  // header + 96 targets
  CHECK_THAT(csv, Catch::Contains("coa.occupancy,2025-12-31,79830,"));
}

TEST_CASE("validate --require-acceptance exits 7 when a figure is outside its band",
          "[cli][validate]") {
  // The small test scenario is far from the documented figures: outside, but the results written.
  auto y = asylumsim::test::small_yaml();
  y["scenario"]["end"] = "2026-12-31";
  const fs::path src = fresh_dir("acceptance-src");
  fs::create_directories(src);
  std::ofstream(src / "s.yaml") << asylumsim::test::emit(y);
  const std::string cmd = "validate " + (src / "s.yaml").string() + " --targets " +
                          asylumsim::test::source_path("tests/data/targets-2024-2025.yaml") +
                          " --replications 2 --quiet --force --out ";
  const fs::path strict = fresh_dir("acceptance-strict");
  const auto r = run_cli(cmd + strict.string() + " --require-acceptance");
  INFO(r.output);
  CHECK(r.code == 7);
  CHECK_THAT(r.output, Catch::Contains("figures outside their acceptance band: "));
  CHECK_THAT(r.output, Catch::Contains("coa.occupancy 2025-12-31"));
  CHECK(fs::exists(strict / "validation.csv"));
  // Without the flag the same validation is a report, not a verdict.
  CHECK(run_cli(cmd + fresh_dir("acceptance-report").string()).code == 0);
}

TEST_CASE("mpirun with two ranks writes the same bytes as one process", "[cli][mpi]") {
#ifdef ASYLUMSIM_HAVE_MPI
  REQUIRE(std::system("command -v mpirun > /dev/null 2>&1") == 0);  // CI installs openmpi-bin
  // Same command line (same --out), so summary.json's 'command' matches too.
  const fs::path out = fresh_dir("mpi");
  const std::string args =
      " run " + kSmall + " --out " + out.string() + " --replications 5 --threads 1 --quiet";
  REQUIRE(run_cli(args).code == 0);
  const std::string series1 = slurp(out / "series.csv"), summary1 = slurp(out / "summary.json");
  const std::string cmd =
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun -np 2 --oversubscribe " +
      std::string(ASYLUMSIM_CLI_PATH) + args + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(slurp(out / "series.csv") == series1);
  CHECK(slurp(out / "summary.json") == summary1);
#else
  WARN("built without MPI (ASYLUMSIM_MPI=OFF or packages missing): distributed run not tested");
  CHECK_FALSE(std::getenv("ASYLUMSIM_REQUIRE_MPI"));
#endif
}

TEST_CASE("keep-replications writes every replication's values", "[cli][montecarlo]") {
  const fs::path out = fresh_dir("keep");
  REQUIRE(run_cli("run " + kSmall + " --out " + out.string() +
                  " --replications 3 --quiet --keep-replications")
              .code == 0);
  const std::string csv = slurp(out / "replications.csv");
  const std::string series = slurp(out / "series.csv");
  const auto rows = std::count(csv.begin(), csv.end(), '\n') - 1;
  const auto cells = (std::count(series.begin(), series.end(), '\n') - 1) / 9;
  CHECK(rows == 3 * cells);
  CHECK_THAT(
      csv, Catch::StartsWith("scenario,scenario_hash,seed,replication,metric,when,value\nsmall,"));
}

TEST_CASE("until-precision adds replications until the key indicators are precise",
          "[cli][montecarlo]") {
  const fs::path out = fresh_dir("precision");
  const auto r = run_cli("run " + kSmall + " --out " + out.string() +
                         " --replications 2 --until-precision 0.02 --max-replications 16");
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(slurp(out / "summary.json"));
  const int n = j["replications"].get<int>();
  CHECK(n > 2);
  CHECK(n <= 16);
}

TEST_CASE("compare writes comparison.csv with paired differences", "[cli][compare]") {
  const fs::path out = fresh_dir("compare");
  const fs::path src = fresh_dir("compare-src");
  fs::create_directories(src);
  auto y = asylumsim::test::small_yaml();
  y["scenario"]["name"] = "more-capacity";
  y["ind"]["capacity_per_week"]["aa"] = 70;
  std::ofstream(src / "v.yaml") << asylumsim::test::emit(y);
  const auto r = run_cli("compare " + kSmall + " " + (src / "v.yaml").string() +
                         " --replications 4 --out " + out.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains("95% interval"));
  const std::string csv = slurp(out / "comparison.csv");
  CHECK(csv.rfind("variant,base_scenario,base_hash,variant_scenario,variant_hash,seed,complete,"
                  "metric,when,base_mean,variant_mean,diff_mean,diff_se,ci95_low,ci95_high,"
                  "distinguishable\n",
                  0) == 0);
  CHECK_THAT(csv, Catch::Contains("\nmore-capacity,small,"));
  CHECK_THAT(csv, Catch::Contains(",true,ind.backlog.aa,2025-01-01,"));
  CHECK_THAT(csv, Catch::Contains(",true,cost.total,2024,"));
  // Only yearly cells in the CSV: the report's monthly cells stay in the report.
  CHECK_THAT(csv, !Catch::Contains(",2024-03,"));
  CHECK_THAT(r.output, Catch::Contains("Costs and trade-offs per year"));
  CHECK_THAT(slurp(out / "report.html"), Catch::Contains("id=\"tradeoffs\""));
  CHECK(run_cli("compare " + kSmall + " " + (src / "v.yaml").string() + " --replications 1").code ==
        2);
}

TEST_CASE("calibrate and backtest write their files from the command line", "[cli][calibration]") {
  const fs::path src = fresh_dir("calibrate-src");
  fs::create_directories(src);
  auto y = asylumsim::test::small_yaml();
  y["calibration"] = YAML::Load(
      "{replications: 2, max_evaluations: 6, parameters: [{path: ind.capacity_per_week.aa, min: "
      "20, max: 100}]}");
  std::ofstream(src / "s.yaml") << "# a comment that must survive\n" << asylumsim::test::emit(y);
  std::ofstream(src / "t.yaml")
      << "targets:\n"
         "  - {id: ind.decisions_first, kind: flow, period: 2024, value: 3800}\n"
         "  - {id: ind.decisions_first, kind: flow, period: 2025, value: 3600}\n";
  const fs::path out = fresh_dir("calibrate");
  const auto r = run_cli("calibrate " + (src / "s.yaml").string() + " --targets " +
                         (src / "t.yaml").string() + " --out " + out.string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string fitted = slurp(out / "s.calibrated.yaml");
  CHECK_THAT(fitted, Catch::StartsWith("# CALIBRATED by "));
  CHECK_THAT(fitted,
             Catch::Contains("\n# from scenario 'small' (hash "));  // which it was fitted from
  CHECK_THAT(fitted, Catch::Contains("# a comment that must survive"));
  CHECK_THAT(fitted, Catch::Contains("#   ind.capacity_per_week.aa = "));
  CHECK_THAT(fitted, Catch::Contains("evaluations of bounded nelder-mead"));  // the default
  CHECK(run_cli("check " + (out / "s.calibrated.yaml").string()).code == 0);
  // --method picks the optimiser; its header says which ran. An unknown one is a usage error.
  const fs::path lm = fresh_dir("calibrate-lm");
  const auto l =
      run_cli("calibrate " + (src / "s.yaml").string() + " --targets " + (src / "t.yaml").string() +
              " --out " + lm.string() + " --method levenberg-marquardt --quiet");
  REQUIRE(l.code == 0);
  CHECK_THAT(slurp(lm / "s.calibrated.yaml"),
             Catch::Contains("evaluations of bounded levenberg-marquardt"));
  const auto unknown =
      run_cli("calibrate " + (src / "s.yaml").string() + " --targets " + (src / "t.yaml").string() +
              " --method simplex --out " + fresh_dir("calibrate-unknown").string());
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.output, Catch::Contains("--method: simplex not in"));
  CHECK(fs::exists(out / "calibration.csv"));
  const fs::path bt = fresh_dir("backtest");
  const auto b = run_cli("backtest " + (src / "s.yaml").string() + " --targets " +
                         (src / "t.yaml").string() + " --out " + bt.string() + " --quiet");
  CHECK(b.code == 0);
  CHECK_THAT(
      slurp(bt / "backtest.csv"),
      Catch::StartsWith("scenario,scenario_hash,seed,complete,id,when,target,model,model_rel_error,"
                        "naive,naive_rel_error,model_p05,model_p25,model_p75,model_p95,naive_p05,"
                        "naive_p95,covered_50,covered_90,model_interval_score,"
                        "naive_interval_score\n"));
  // A scenario without a calibration block is refused with a located message.
  const auto bad = run_cli("calibrate " + kSmall + " --targets " + (src / "t.yaml").string() +
                           " --out " + fresh_dir("calibrate-bad").string());
  CHECK(bad.code == 3);
  CHECK_THAT(bad.output, Catch::Contains("calibration: required key is missing"));
}
