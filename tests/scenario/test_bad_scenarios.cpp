// The corpus of broken scenarios under tests/bad-scenarios/: each must be refused with its
// expected message, every diagnostic in the FILE:LINE:COLUMN: key.path: message form.
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <sstream>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/scenario.hpp"

using namespace asylumsim;

namespace {
// FILE: file ..., or FILE:LINE:COLUMN: message (std::regex trips a GCC 12 false warning under
// ASan).
bool located(const std::string& d, const std::string& file) {
  if (d.rfind(file, 0) != 0) return false;
  std::size_t i = file.size();
  auto digits = [&] {
    const std::size_t start = i;
    while (i < d.size() && std::isdigit(static_cast<unsigned char>(d[i]))) ++i;
    return i > start;
  };
  // Only problems of the whole file (empty, no document, too large) come without a position.
  if (d.compare(i, 2, ": ") == 0) return d.compare(i + 2, 5, "file ") == 0;
  if (d[i++] != ':' || !digits() || i >= d.size() || d[i++] != ':' || !digits()) return false;
  return d.compare(i, 2, ": ") == 0 && d.size() > i + 2;
}
}  // namespace

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
      measures::load_scenario(file);
    } catch (const asylumsim::scenario::InputError& e) {
      message = e.what();
    }
    REQUIRE_FALSE(message.empty());
    CHECK_THAT(message, Catch::Contains(expected));
    // Every diagnostic names the file, and (when the position is known) line and column.
    std::istringstream lines(message);
    std::string d;
    while (std::getline(lines, d)) CHECK(located(d, file));
    ++cases;
  }
  CHECK(cases >= 40);
}
