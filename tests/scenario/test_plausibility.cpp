// Plausibility warnings (tests/implausible-scenarios/): legal values that are most likely
// mistakes load, and get a located warning with a reason and a suggestion. Also the identity a
// loaded scenario carries: a hash of the resolved scenario, and a name of its own for a variant.
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/plausibility.hpp"

using namespace asylumsim;
namespace fs = std::filesystem;

namespace {
// FILE:LINE:COLUMN: warning: ... with a real line and column.
bool located_warning(const std::string& d, const std::string& file) {
  if (d.rfind(file + ":", 0) != 0) return false;
  std::size_t i = file.size() + 1;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < d.size() && std::isdigit(static_cast<unsigned char>(d[i]))) ++i;
    return i > start && d[start] != '0';
  };
  if (!digits() || i >= d.size() || d[i++] != ':' || !digits()) return false;
  return d.compare(i, 11, ": warning: ") == 0;
}
}  // namespace

TEST_CASE("every implausible scenario in the corpus loads and gets its warning",
          "[scenario][plausibility][corpus]") {
  const std::string dir = test::source_path("tests/implausible-scenarios");
  std::ifstream index(dir + "/expected.tsv");
  REQUIRE(index);
  std::string line;
  int cases = 0;
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string file = dir + "/" + line.substr(0, tab);
    INFO(file);
    const scenario::Scenario s = measures::load_scenario(file);  // legal: no error
    const scenario::Diagnostics w = scenario::plausibility_warnings(file, s);
    REQUIRE_FALSE(w.empty());
    CHECK_THAT(w.format(), Catch::Contains(line.substr(tab + 1)));
    for (const auto& d : w.list()) CHECK(located_warning(d.format(), file));
    ++cases;
  }
  CHECK(cases >= 20);
  // Every file of the directory is listed.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.path().extension() == ".yaml";
  CHECK(files == cases);
}

TEST_CASE("the shipped baseline and the test scenario raise no warning",
          "[scenario][plausibility]") {
  for (const char* rel : {"scenarios/nl-baseline.yaml", "tests/data/small.yaml",
                          "scenarios/measures/har-plus-2027.yaml",
                          "scenarios/measures/inflow-autumn-2026-plus30.yaml"}) {
    const std::string path = test::source_path(rel);
    INFO(path);
    CHECK(scenario::plausibility_warnings(path, measures::load_scenario(path)).empty());
  }
}

TEST_CASE("a plausible factor and a given cost raise no warning", "[scenario][plausibility]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-plausible";
  fs::create_directories(dir);
  fs::copy_file(test::source_path("tests/data/small.yaml"), dir / "small.yaml",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "ok.yaml")
      << "extends: small.yaml\nmeasures:\n"
         "  shock: {type: inflow_shock, from: 2024-09-01, factor: 1.3}\n"
         "  extra: {type: ind_capacity, track: aa, from: 2024-07-01, extra_per_week: 10, "
         "cost_eur_per_month: 0}\n";
  const std::string path = (dir / "ok.yaml").string();
  CHECK(scenario::plausibility_warnings(path, measures::load_scenario(path)).empty());
}

TEST_CASE("a variant without a name of its own is named after its file, never its base",
          "[scenario][identity]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-variant-name";
  fs::create_directories(dir);
  fs::copy_file(test::source_path("tests/data/small.yaml"), dir / "small.yaml",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "more-inflow.yaml")
      << "extends: small.yaml\nmeasures:\n"
         "  shock: {type: inflow_shock, from: 2024-09-01, factor: 1.3}\n";
  std::ofstream(dir / "named.yaml")
      << "extends: small.yaml\nscenario: {name: my-variant, description: Mine.}\n";
  const auto base = measures::load_scenario((dir / "small.yaml").string());
  const auto unnamed = measures::load_scenario((dir / "more-inflow.yaml").string());
  const auto named = measures::load_scenario((dir / "named.yaml").string());
  CHECK(base.name == "small");
  CHECK(unnamed.name == "more-inflow");
  CHECK_THAT(unnamed.description, Catch::Contains("Variant of 'small'"));
  CHECK(named.name == "my-variant");
  CHECK(named.description == "Mine.");
}

TEST_CASE("the scenario hash names the resolved scenario", "[scenario][identity]") {
  YAML::Node y = test::small_yaml();
  const std::string h = test::scenario_from(y).hash;
  CHECK(h.size() == 16);
  // Comments and layout do not change it, nor do seed and replications (reported on their own).
  CHECK(measures::load_scenario_text("# a comment\n" + test::emit(y), "x.yaml").hash == h);
  y["scenario"]["seed"] = 99;
  y["scenario"]["replications"] = 5;
  CHECK(test::scenario_from(y).hash == h);
  // A parameter does.
  y["ind"]["capacity_per_week"]["aa"] = 51;
  CHECK(test::scenario_from(y).hash != h);
  // A variant that changes nothing has its base's hash; the file's own text is not hashed.
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-hash";
  fs::create_directories(dir);
  fs::copy_file(test::source_path("tests/data/small.yaml"), dir / "small.yaml",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "same.yaml") << "extends: small.yaml\nscenario: {name: small}\n";
  CHECK(measures::load_scenario((dir / "same.yaml").string()).hash ==
        measures::load_scenario((dir / "small.yaml").string()).hash);
}

TEST_CASE("at most 50 diagnostics are printed, then a count of the rest", "[scenario][errors]") {
  std::string text = test::emit(test::small_yaml()) + "\n";
  for (int i = 0; i < 100000; ++i) text += "unknown_key_" + std::to_string(i) + ": 1\n";
  const std::string msg = test::error_of(text);
  const auto lines = std::count(msg.begin(), msg.end(), '\n') + 1;
  CHECK(lines == 51);
  CHECK_THAT(msg, Catch::Contains("... and 99950 more problems not shown (100000 in all)"));
}

TEST_CASE("an error in a value a base file gives names that base file", "[scenario][errors]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-error-in-base";
  fs::create_directories(dir);
  fs::copy_file(test::source_path("tests/data/small.yaml"), dir / "small.yaml",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "shock.yaml")
      << "extends: small.yaml\nmeasures:\n"
         "  shock: {type: inflow_shock, from: 2024-09-01, factor: 1.2}\n";
  // The variant turns the block into a moratorium: the factor its base gives no longer fits.
  std::ofstream(dir / "pause.yaml") << "extends: shock.yaml\nmeasures:\n  shock:\n"
                                       "    type: moratorium\n    group: alpha\n"
                                       "    until: 2025-01-01\n";
  const std::string msg = test::error_of_file((dir / "pause.yaml").string());
  CHECK_THAT(msg, Catch::Contains((dir / "shock.yaml").string() +
                                  ":3:49: measures.shock.factor: unknown key"));
}
