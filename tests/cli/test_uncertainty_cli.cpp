// --uncertainty on the command line (issue 26): which sources are in the bands, said in
// summary.json and the report; determinism across threads; a missing source is an input error.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/fixtures.hpp"
#include "asylumsim/montecarlo/uncertainty.hpp"
#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {

fs::path fresh(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("asylumsim-test-uncertainty-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// The small scenario with an inflow-uncertainty block from 2025, written to `dir`.
std::string small_with_inflow(const fs::path& dir) {
  auto y = asylumsim::test::small_yaml();
  y["uncertainty"] = YAML::Load("{inflow: {from: 2025-01-01, sigma: 0.4, mix_sigma: 0.2}}");
  const fs::path p = dir / "small-inflow.yaml";
  std::ofstream(p) << asylumsim::test::emit(y);
  return p.string();
}

}  // namespace

TEST_CASE("run says which sources of uncertainty its bands include", "[cli][uncertainty]") {
  const fs::path d = fresh("run");
  const std::string scenario = small_with_inflow(d);
  const auto all = asylumsim::test::run_asylumsim("run " + scenario + " --replications 8 --out " +
                                                  (d / "all").string());
  INFO(all.output);
  REQUIRE(all.code == 0);
  CHECK_THAT(all.output, Catch::Contains("bands: chance+inflow"));
  const auto j = nlohmann::json::parse(asylumsim::test::read_file(d / "all" / "summary.json"));
  CHECK(j["uncertainty"] == nlohmann::json::array({"chance", "inflow"}));
  CHECK(j["variance_decomposition"]["blocks"] == 2);
  CHECK_THAT(asylumsim::test::read_file(d / "all" / "report.html"),
             Catch::Contains("Bands include chance variation") &&
                 Catch::Contains("Where the uncertainty comes from"));

  const auto chance = asylumsim::test::run_asylumsim(
      "run " + scenario + " --replications 8 --uncertainty chance --out " + (d / "c").string());
  REQUIRE(chance.code == 0);
  const auto jc = nlohmann::json::parse(asylumsim::test::read_file(d / "c" / "summary.json"));
  CHECK(jc["uncertainty"] == nlohmann::json::array({"chance"}));
  CHECK_FALSE(jc.contains("variance_decomposition"));
  CHECK_THAT(asylumsim::test::read_file(d / "c" / "report.html"),
             Catch::Contains("chance variation only"));
  // The inflow source widens the 2025 band of first applications.
  const auto band = [](const nlohmann::json& s) {
    for (const auto& y : s["years"])
      if (y["year"] == 2025)
        return y["inflow.first_applications"]["p95"].get<double>() -
               y["inflow.first_applications"]["p05"].get<double>();
    return 0.0;
  };
  CHECK(band(j) > 2 * band(jc));
}

TEST_CASE("draws of the uncertain inputs do not depend on the number of threads",
          "[cli][uncertainty][determinism]") {
  const fs::path d = fresh("threads");
  const std::string scenario = small_with_inflow(d);
  for (const char* t : {"1", "3"})
    REQUIRE(asylumsim::test::run_asylumsim("run " + scenario + " --replications 6 --threads " + t +
                                           " --quiet --out " + (d / t).string())
                .code == 0);
  CHECK(asylumsim::test::read_file(d / "1" / "series.csv") ==
        asylumsim::test::read_file(d / "3" / "series.csv"));
}

TEST_CASE("asking for a source the scenario does not carry is an input error",
          "[cli][uncertainty]") {
  const fs::path d = fresh("missing");
  const auto r = asylumsim::test::run_asylumsim(
      "run " + asylumsim::test::source_path("tests/data/small.yaml") +
      " --replications 2 --uncertainty parameters --out " + (d / "o").string());
  CHECK(r.code == 3);
  CHECK_THAT(r.output, Catch::Contains("calibration.posterior"));
}

TEST_CASE("compare draws the same inflow paths for both arms", "[cli][uncertainty][crn]") {
  const fs::path d = fresh("compare");
  const std::string base = small_with_inflow(d);
  // The variant is the base under another name: with every source drawn in common, each paired
  // difference is exactly zero.
  auto y = YAML::LoadFile(base);
  y["scenario"]["name"] = "same";
  std::ofstream(d / "same.yaml") << asylumsim::test::emit(y);
  const auto r =
      asylumsim::test::run_asylumsim("compare " + base + " " + (d / "same.yaml").string() +
                                     " --replications 4 --quiet --out " + (d / "o").string());
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string csv = asylumsim::test::read_file(d / "o" / "comparison.csv");
  CHECK_THAT(csv, Catch::Contains("inflow.first_applications,2025,"));
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  int rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    CHECK_THAT(line, Catch::EndsWith(",no"));
  }
  CHECK(rows > 10);
  // ... and the inflow source was drawn (the report says so).
  CHECK_THAT(asylumsim::test::read_file(d / "o" / "report.html"),
             Catch::Contains("future first applications"));
}

TEST_CASE("the levels source is in the bands when asked for, alone or with others",
          "[cli][uncertainty][levels]") {
  const fs::path d = fresh("levels");
  auto y = asylumsim::test::small_yaml();
  y["uncertainty"] = YAML::Load(
      "{inflow: {from: 2025-01-01, sigma: 0.4}, levels: {from: 2025-01-01, sigma: 0.5}}");
  const std::string scenario = (d / "small-levels.yaml").string();
  std::ofstream(scenario) << asylumsim::test::emit(y);
  const auto run = [&](const std::string& word, const std::string& out) {
    return asylumsim::test::run_asylumsim("run " + scenario + " --replications 8 --quiet" +
                                          (word.empty() ? "" : " --uncertainty " + word) +
                                          " --out " + (d / out).string());
  };
  const auto sources = [&](const std::string& out) {
    return nlohmann::json::parse(
        asylumsim::test::read_file(d / out / "summary.json"))["uncertainty"];
  };
  REQUIRE(run("", "all").code == 0);
  CHECK(sources("all") == nlohmann::json::array({"chance", "inflow", "levels"}));
  CHECK_THAT(asylumsim::test::read_file(d / "all" / "report.html"),
             Catch::Contains("drifting policy and behaviour levels"));
  REQUIRE(run("levels", "levels").code == 0);
  CHECK(sources("levels") == nlohmann::json::array({"chance", "levels"}));
  // Levels alone are beyond chance: the replications come in blocks and are decomposed.
  CHECK(nlohmann::json::parse(asylumsim::test::read_file(d / "levels" / "summary.json"))
            .contains("variance_decomposition"));
  REQUIRE(run("chance", "chance").code == 0);
  // The drift widens the band of the IND's grants in 2025 (its grant rates and production drift).
  const auto band = [&](const std::string& out) {
    const auto s = nlohmann::json::parse(asylumsim::test::read_file(d / out / "summary.json"));
    for (const auto& yr : s["years"])
      if (yr["year"] == 2025)
        return yr["ind.grants_first"]["p95"].get<double>() -
               yr["ind.grants_first"]["p05"].get<double>();
    return 0.0;
  };
  CHECK(band("levels") > 2 * band("chance"));

  const auto joined = run("inflow+levels", "joined");
  REQUIRE(joined.code == 0);
  CHECK(sources("joined") == nlohmann::json::array({"chance", "inflow", "levels"}));
  // A source the scenario lacks, asked for by name, is an input error; an unknown word too.
  const auto lacking = asylumsim::test::run_asylumsim(
      "run " + asylumsim::test::source_path("tests/data/small.yaml") +
      " --replications 2 --uncertainty levels --out " + (d / "lacking").string());
  CHECK(lacking.code == 3);
  CHECK_THAT(lacking.output, Catch::Contains("uncertainty.levels"));
  CHECK(run("inflow+weather", "bad").code != 0);
  // Every source named one by one must exist: only `all` means "what the scenario carries".
  const auto named = asylumsim::test::run_asylumsim(
      "run " + scenario + " --replications 2 --uncertainty parameters+inflow+levels --out " +
      (d / "named").string());
  CHECK(named.code == 3);
  CHECK_THAT(named.output, Catch::Contains("calibration.posterior"));
}

TEST_CASE("the words of the uncertainty option: single sources, several joined, all",
          "[cli][uncertainty]") {
  using asylumsim::montecarlo::parse_uncertainty;
  CHECK(parse_uncertainty("chance")->label() == "chance");
  CHECK(parse_uncertainty("levels")->label() == "chance+levels");
  CHECK(parse_uncertainty("inflow,parameters")->label() == "chance+parameters+inflow");
  CHECK(parse_uncertainty("all")->label() == "chance+parameters+inflow+levels");
  CHECK(parse_uncertainty("levels+all")->label() == "chance+parameters+inflow+levels");
  for (const char* bad : {"", "+", ",", "inflow+", "+levels", "inflow++levels", "Inflow"})
    CHECK_FALSE(parse_uncertainty(bad).has_value());
}
