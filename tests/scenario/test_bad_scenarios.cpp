// The corpus of broken scenarios under tests/bad-scenarios/: each must be refused with its
// expected message, every diagnostic in the FILE:LINE:COLUMN: key.path: message form.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "../support/fixtures.hpp"
#include "asylumsim/scenario/scenario.hpp"

using namespace asylumsim;

TEST_CASE("every broken scenario in the corpus is refused with its message",
          "[scenario][errors][corpus]") {
  const std::string dir = test::source_path("tests/bad-scenarios");
  std::ifstream index(dir + "/expected.tsv");
  REQUIRE(index);
  std::string line;
  int cases = 0;
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string file = dir + "/" + line.substr(0, tab);
    const std::string expected = line.substr(tab + 1);
    INFO(file);
    std::string message;
    try {
      scenario::load_scenario(file);
    } catch (const asylumsim::scenario::InputError& e) {
      message = e.what();
    }
    REQUIRE_FALSE(message.empty());
    CHECK_THAT(message, Catch::Contains(expected));
    // Every diagnostic names the file, and (when the position is known) line and column.
    std::istringstream lines(message);
    std::string d;
    const std::regex form("^" +
                          std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          R"((:[0-9]+:[0-9]+)?: .+)");
    while (std::getline(lines, d)) CHECK(std::regex_match(d, form));
    ++cases;
  }
  CHECK(cases >= 40);
}
