// Issue 23 and the exit-code table: warnings and --strict, results that cannot be mixed up,
// messages that say what is expected, and one table of exit codes behind --help and docs/cli.md.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "../support/fixtures.hpp"
#include "asylumsim/cli/exit_codes.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;
using asylumsim::test::source_path;

namespace {
using Result = asylumsim::test::CliResult;
Result run_cli(const std::string& args) {
  return asylumsim::test::run_asylumsim(args);
}
std::string slurp(const fs::path& p) {
  return asylumsim::test::read_file(p);
}
std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}
// A directory with a copy of the small scenario, for variants that extend it.
fs::path scratch(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("asylumsim-test-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  fs::copy_file(source_path("tests/data/small.yaml"), d / "small.yaml");
  return d;
}
const std::string kSmall = source_path("tests/data/small.yaml");
const std::string kTargets = source_path("tests/data/targets-2024-2025.yaml");
const std::string kImplausible = source_path("tests/implausible-scenarios/inflow-factor-30.yaml");
}  // namespace

TEST_CASE("docs/cli.md lists exactly the exit codes of the table", "[cli][exit-codes]") {
  const std::string doc = slurp(source_path("docs/cli.md"));
  for (const auto& e : asylumsim::cli::kExitCodes) {
    const std::string row =
        "| " + std::to_string(static_cast<int>(e.code)) + " | " + e.meaning + " |";
    INFO(row);
    CHECK(doc.find(row) != std::string::npos);
  }
  CHECK(doc.find("| 8 |") == std::string::npos);
}

TEST_CASE("every command's --help ends with the whole exit-code table", "[cli][exit-codes]") {
  for (const char* cmd :
       {"", "run", "validate", "compare", "calibrate", "backtest", "check", "indicators"}) {
    const auto r = run_cli(std::string(cmd) + " --help");
    INFO(cmd);
    CHECK(r.code == 0);
    CHECK_THAT(r.output, Catch::Contains(asylumsim::cli::exit_code_footer()));
    CHECK_THAT(r.output, Catch::Contains("7 figure outside acceptance band"));
  }
}

TEST_CASE("a missing or unreadable scenario file is exit code 3 for every command",
          "[cli][exit-codes]") {
  const std::string missing = "/nonexistent/scenario.yaml";
  for (const std::string& args :
       {"run " + missing, "check " + missing, "validate " + missing + " --targets " + kTargets,
        "compare " + missing + " " + kSmall, "compare " + kSmall + " " + missing,
        "calibrate " + missing + " --targets " + kTargets,
        "backtest " + missing + " --targets " + kTargets,
        "validate " + kSmall + " --targets " + missing + " --out /tmp/asylumsim-test-nt"}) {
    const auto r = run_cli(args);
    INFO(args << "\n" << r.output);
    CHECK(r.code == asylumsim::cli::kInputError);
    CHECK_THAT(r.output, Catch::Contains("cannot open the file: No such file or directory"));
  }
  const auto dir = run_cli("check " + fs::temp_directory_path().string());
  CHECK(dir.code == asylumsim::cli::kInputError);
  CHECK_THAT(dir.output, Catch::Contains("is a directory, not a YAML file"));
  CHECK_THAT(dir.output, !Catch::Contains("file is empty"));
}

TEST_CASE("a value that does not parse is an input error, not a model invariant",
          "[cli][exit-codes]") {
  // A list index that is not a number (std::stoul threw: "internal error", exit code 4).
  const fs::path d = scratch("bad-index");
  for (const char* index : {"x", "99999999999999999999"}) {
    std::ofstream(d / "c.yaml") << slurp(kSmall) << "calibration:\n  parameters:\n"
                                << "    - {path: \"groups.alpha.family_size[" << index
                                << "]\", min: 0, max: 1}\n";
    const auto r = run_cli("check " + (d / "c.yaml").string());
    INFO(r.output);
    CHECK(r.code == asylumsim::cli::kInputError);
    CHECK_THAT(r.output, Catch::Contains("calibration.parameters[0].path: "
                                         "'groups.alpha.family_size[" +
                                         std::string(index) + "]' does not name a number"));
    CHECK_THAT(r.output, !Catch::Contains("internal error"));
  }
}

TEST_CASE("option values get messages that say what is expected", "[cli][errors]") {
  const auto seed = run_cli("run " + kSmall + " --seed -1");
  CHECK(seed.code == asylumsim::cli::kUsageError);
  CHECK(first_line(seed.output) ==
        "--seed: -1 is out of range (expected a whole number of 0 or more)");
  const auto reps = run_cli("run " + kSmall + " --replications abc");
  CHECK(reps.code == asylumsim::cli::kUsageError);
  CHECK(first_line(reps.output) ==
        "--replications: 'abc' is not a whole number (expected a whole number from 1 to "
        "10,000,000)");
  const auto prec = run_cli("run " + kSmall + " --until-precision lots");
  CHECK(prec.code == asylumsim::cli::kUsageError);
  CHECK_THAT(prec.output,
             Catch::Contains("'lots' is not a number (expected a number from 0 to 1)"));
}

TEST_CASE("a horizon mismatch in compare is an input error at the variant's line",
          "[cli][exit-codes]") {
  const fs::path d = scratch("horizon");
  std::ofstream(d / "short.yaml") << "extends: small.yaml\nscenario:\n  name: short\n  end: "
                                     "2024-12-31\nukraine: {protection_end: 2024-06-01}\n";
  const auto r = run_cli("compare " + kSmall + " " + (d / "short.yaml").string() +
                         " --replications 2 --out " + (d / "o").string());
  INFO(r.output);
  CHECK(r.code == asylumsim::cli::kInputError);
  CHECK_THAT(r.output, Catch::Contains((d / "short.yaml").string() + ":4:8: scenario.end:"));
  CHECK_THAT(r.output, Catch::Contains("needs the same horizon"));
}

TEST_CASE("check prints located warnings; --strict makes them errors", "[cli][plausibility]") {
  const auto r = run_cli("check " + kImplausible);
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains(kImplausible + ":3:76: warning: measures.shock.factor:"));
  CHECK_THAT(r.output, Catch::Contains("(did you mean factor: 1.3?)"));
  CHECK_THAT(r.output, Catch::Contains("1 warning(s) above"));
  const auto quiet = run_cli("check " + kImplausible + " --quiet");
  CHECK_THAT(quiet.output, Catch::Contains("warning:"));  // warnings are not progress
  const auto strict = run_cli("check " + kImplausible + " --strict");
  CHECK(strict.code == asylumsim::cli::kInputError);
  CHECK_THAT(strict.output, Catch::Contains("[an error under --strict]"));
  const auto clean = run_cli("check " + kSmall + " --strict");
  CHECK(clean.code == 0);
  const fs::path d = scratch("strict-run");
  const auto run =
      run_cli("run " + kImplausible + " --strict --replications 1 --out " + (d / "o").string());
  CHECK(run.code == asylumsim::cli::kInputError);
  CHECK_FALSE(fs::exists(d / "o"));  // nothing written when the input is refused
}

TEST_CASE("the report and summary.json list the warnings that applied", "[cli][plausibility]") {
  const fs::path d = scratch("warn-report");
  const auto r =
      run_cli("run " + kImplausible + " --replications 1 --quiet --out " + (d / "o").string());
  REQUIRE(r.code == 0);
  const std::string html = slurp(d / "o" / "report.html");
  CHECK_THAT(html, Catch::Contains("1 plausibility warning applied"));
  CHECK_THAT(html, Catch::Contains("did you mean factor: 1.3?"));
  const auto j = nlohmann::json::parse(slurp(d / "o" / "summary.json"));
  REQUIRE(j["warnings"].size() == 1);
  CHECK_THAT(j["warnings"][0].get<std::string>(), Catch::Contains("measures.shock.factor"));
  CHECK(j["scenario"]["hash"].get<std::string>().size() == 16);
}

TEST_CASE("every tidy file carries scenario, hash, seed and complete columns", "[cli][identity]") {
  const fs::path d = scratch("tidy");
  REQUIRE(run_cli("run " + kSmall +
                  " --replications 2 --quiet --keep-replications --seed 11 --out " +
                  (d / "run").string())
              .code == 0);
  const auto j = nlohmann::json::parse(slurp(d / "run" / "summary.json"));
  const std::string hash = j["scenario"]["hash"];
  const std::string series = slurp(d / "run" / "series.csv");
  CHECK(first_line(series) == "scenario,scenario_hash,seed,complete,metric,when,statistic,value");
  CHECK_THAT(series, Catch::Contains("\nsmall," + hash + ",11,true,coa.occupancy,"));
  CHECK(first_line(slurp(d / "run" / "replications.csv")) ==
        "scenario,scenario_hash,seed,replication,metric,when,value");
  const auto id = nlohmann::json::parse(slurp(d / "run" / "identity.json"));
  CHECK(id["scenario"] == "small");
  CHECK(id["scenario_hash"] == hash);
  std::ofstream(d / "v.yaml") << "extends: small.yaml\nscenario: {name: v}\nind:\n  "
                                 "capacity_per_week: {aa: 60}\n";
  REQUIRE(run_cli("compare " + kSmall + " " + (d / "v.yaml").string() +
                  " --replications 2 --quiet --out " + (d / "cmp").string())
              .code == 0);
  const std::string cmp = slurp(d / "cmp" / "comparison.csv");
  CHECK(first_line(cmp).rfind("variant,base_scenario,base_hash,variant_scenario,variant_hash,seed,"
                              "complete,metric,",
                              0) == 0);
  CHECK_THAT(cmp, Catch::Contains("\nv,small," + hash + ",v,"));
}

TEST_CASE("an unnamed variant writes to its own directory, not its base's", "[cli][identity]") {
  const fs::path d = scratch("unnamed");
  std::ofstream(d / "more.yaml") << "extends: small.yaml\nind:\n  capacity_per_week: {aa: 60}\n";
  const fs::path cwd = fs::current_path();
  fs::current_path(d);
  const auto base = run_cli("run small.yaml --replications 1 --quiet");
  const auto variant = run_cli("run more.yaml --replications 1 --quiet");
  fs::current_path(cwd);
  REQUIRE(base.code == 0);
  INFO(variant.output);
  REQUIRE(variant.code == 0);
  CHECK(nlohmann::json::parse(slurp(d / "out" / "small" / "summary.json"))["scenario"]["name"] ==
        "small");
  CHECK(nlohmann::json::parse(slurp(d / "out" / "more" / "summary.json"))["scenario"]["name"] ==
        "more");
  CHECK_THAT(slurp(d / "out" / "more" / "report.html"),
             Catch::Contains("<title>asylumsim — more</title>"));
}

TEST_CASE(
    "results are replaced only with notice, refused when the scenario changed, and --force "
    "clears what it replaces",
    "[cli][identity]") {
  const fs::path d = scratch("replace");
  const std::string out = " --out " + (d / "o").string();
  REQUIRE(run_cli("run " + kSmall + " --replications 1 --keep-replications" + out).code == 0);
  // The same scenario again: replaced, and said so.
  const auto again = run_cli("run " + kSmall + " --replications 1" + out);
  CHECK(again.code == 0);
  CHECK_THAT(again.output, Catch::Contains("replacing earlier run results of 'small'"));
  CHECK_FALSE(fs::exists(d / "o" / "replications.csv"));  // not left from the earlier run
  // The same name with other parameters: refused.
  std::ofstream(d / "changed.yaml") << "extends: small.yaml\nscenario: {name: small}\nind:\n  "
                                       "capacity_per_week: {aa: 60}\n";
  const auto changed = run_cli("run " + (d / "changed.yaml").string() + " --replications 1" + out);
  CHECK(changed.code == asylumsim::cli::kOutputError);
  CHECK_THAT(changed.output, Catch::Contains("use --out for a new directory or --force"));
  // Another scenario with --force: the old files go, a file of the user's stays.
  REQUIRE(run_cli("run " + kSmall + " --replications 1 --keep-replications" + out).code == 0);
  std::ofstream(d / "o" / "notes.txt") << "mine";
  std::ofstream(d / "other.yaml") << "extends: small.yaml\nscenario: {name: other}\n";
  const auto forced = run_cli("validate " + (d / "other.yaml").string() + " --targets " + kTargets +
                              " --replications 1 --force" + out);
  INFO(forced.output);
  CHECK(forced.code == 0);
  CHECK_FALSE(fs::exists(d / "o" / "replications.csv"));
  CHECK_FALSE(fs::exists(d / "o" / "series.csv"));
  CHECK(fs::exists(d / "o" / "validation.csv"));
  CHECK(fs::exists(d / "o" / "notes.txt"));
}

TEST_CASE("an interrupted compare says so in its output, comparison.csv and report",
          "[cli][interrupt]") {
  const fs::path d = scratch("compare-int");
  std::ofstream(d / "v.yaml") << "extends: small.yaml\nscenario: {name: v}\n";
  const std::string cmd = std::string(ASYLUMSIM_CLI_PATH) + " compare " + kSmall + " " +
                          (d / "v.yaml").string() + " --replications 100000 --threads 1 --out " +
                          (d / "o").string() + " > " + (d / "log").string() + " 2>&1 & echo $!";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  int pid = 0;
  REQUIRE(fscanf(p, "%d", &pid) == 1);
  pclose(p);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  kill(pid, SIGINT);
  for (int i = 0; i < 600 && kill(pid, 0) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const std::string log = slurp(d / "log");
  INFO(log);
  CHECK_THAT(log, Catch::Contains("interrupted after"));
  CHECK_THAT(log, Catch::Contains("of 100000 paired replications; partial results in"));
  const std::string csv = slurp(d / "o" / "comparison.csv");
  CHECK_THAT(csv, Catch::Contains(",false,"));
  CHECK_THAT(csv, !Catch::Contains(",true,"));
  CHECK_THAT(slurp(d / "o" / "report.html"), Catch::Contains("Partial results"));
}

TEST_CASE("until-precision names the indicator that holds it back, or got there last",
          "[cli][montecarlo][precision]") {
  const fs::path d = scratch("precision-names");
  const auto held = run_cli("run " + kSmall + " --replications 2 --until-precision 0.0001 " +
                            "--max-replications 4 --threads 2 --out " + (d / "a").string());
  INFO(held.output);
  REQUIRE(held.code == 0);
  CHECK_THAT(held.output,
             Catch::Contains("precision not reached after 4 replications: held back by"));
  CHECK_THAT(held.output, Catch::Contains("replications would be needed"));
  // A stock near zero counts as precise within 10 persons, so a loose target is met at once.
  const auto met = run_cli("run " + kSmall + " --replications 4 --until-precision 0.2 " +
                           "--threads 2 --out " + (d / "b").string());
  INFO(met.output);
  REQUIRE(met.code == 0);
  CHECK_THAT(met.output, Catch::Contains("precision reached after 4 replications; the last to get "
                                         "there:"));
}

TEST_CASE("validate --help names its own default output directory", "[cli][docs]") {
  CHECK_THAT(run_cli("validate --help").output,
             Catch::Contains("default: out/<scenario name>-validation"));
}

TEST_CASE("compare prints totals over the horizon and says when a cost per exit is withheld",
          "[cli][costs]") {
  const fs::path d = scratch("compare-costs");
  std::ofstream(d / "v.yaml") << "extends: small.yaml\nscenario: {name: v}\nmeasures:\n  extra: "
                                 "{type: ind_capacity, track: aa, from: 2024-03-01, "
                                 "extra_per_week: 20, cost_eur_per_month: 100000}\n";
  const auto r = run_cli("compare " + kSmall + " " + (d / "v.yaml").string() +
                         " --replications 6 --out " + (d / "o").string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains("Total over the horizon (mean, 95% interval):"));
  CHECK_THAT(r.output, Catch::Contains("EUR per exit only where both differences are"));
  CHECK_THAT(slurp(d / "o" / "report.html"), Catch::Contains("<tr class=\"total\">"));
}

TEST_CASE("a targets entry of the wrong kind says what the model computes and what fits",
          "[cli][errors]") {
  const fs::path d = scratch("targets-kind");
  std::ofstream(d / "t.yaml")
      << "targets:\n"
         "  - {id: housing.exit_within_14w_share, kind: flow, period: 2024, value: 0.4}\n"
         "  - {id: coa.occupancy, kind: stock, date: 2026-09-31, value: 1}\n";
  const auto r = run_cli("validate " + kSmall + " --targets " + (d / "t.yaml").string() +
                         " --replications 1 --out " + (d / "o").string());
  INFO(r.output);
  CHECK(r.code == asylumsim::cli::kInputError);
  CHECK_THAT(r.output, Catch::Contains(":2:47: targets[0].kind: kind 'flow' does not fit "
                                       "'housing.exit_within_14w_share', which the model "
                                       "computes as a share (expected kind: share)"));
  CHECK_THAT(r.output, Catch::Contains("'2026-09-31' is not a date: September 2026 has 30 days"));
}

TEST_CASE("the progress line never jumps back when --until-precision raises the target",
          "[cli][precision]") {
  // The line is drawn only on a terminal: `script` gives the command one.
  if (std::system("command -v script > /dev/null 2>&1") != 0) {
    SUCCEED("no script(1) to give the command a terminal: skipped");
    return;
  }
  const fs::path d = scratch("progress");
  const std::string cmd = "script -qec \"" + std::string(ASYLUMSIM_CLI_PATH) + " run " + kSmall +
                          " --replications 2 --until-precision 0.0001 --max-replications 8 " +
                          "--threads 1 --out " + (d / "o").string() + "\" /dev/null 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  Result r{0, ""};
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  INFO(r.output);
  REQUIRE(r.code == 0);
  long last_done = 0, last_total = 0, lines = 0;
  std::size_t pos = 0;
  while ((pos = r.output.find("] ", pos)) != std::string::npos) {
    long done = 0, total = 0;
    if (std::sscanf(r.output.c_str() + pos, "] %ld/%ld replications", &done, &total) == 2) {
      CHECK(done >= last_done);
      CHECK(total >= last_total);
      last_done = done;
      last_total = total;
      ++lines;
    }
    pos += 2;
  }
  CHECK(lines >= 8);
  CHECK(last_done == 8);
  CHECK(last_total == 8);
  CHECK_THAT(r.output, Catch::Contains("(target raised: "));
}
