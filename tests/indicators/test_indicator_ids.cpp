// Every indicator id the code and the indicator documentation use resolves in the catalogue, and
// the tagged selections (what the outputs show) hold what they promise.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/acceptance.hpp"
#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/indicators/tags.hpp"
#include "asylumsim/model/metrics.hpp"

using namespace asylumsim;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first components of the catalogue's ids (inflow, ind, coa, ...): a token with one of these
// in front is meant as an indicator id.
std::set<std::string> id_prefixes() {
  std::set<std::string> p;
  for (const auto& ind : indicators::indicator_catalogue())
    p.insert(ind.id.substr(0, ind.id.find('.')));
  return p;
}

// Documentation writes families of ids with a placeholder: `ind.backlog.<track>`.
std::vector<std::string> expand(const std::string& token) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> placeholders = {
      {"<track>", {scenario::kTrackNames.begin(), scenario::kTrackNames.end()}},
      {"<location>", {scenario::kLocationNames.begin(), scenario::kLocationNames.end()}},
      {"<type>", {scenario::kLocationNames.begin(), scenario::kLocationNames.end()}},
      {"<reason>", {model::kIntakeNames.begin(), model::kIntakeNames.end()}},
      {"<route>", {scenario::kRouteNames.begin(), scenario::kRouteNames.end()}},
      {"<group>", {"syria"}}};
  for (const auto& [name, values] : placeholders) {
    const auto at = token.find(name);
    if (at == std::string::npos) continue;
    std::vector<std::string> out;
    for (const auto& v : values) {
      std::string t = token;
      t.replace(at, name.size(), v);
      for (auto& e : expand(t)) out.push_back(e);
    }
    return out;
  }
  return {token};
}

// Tokens of `text` between two `delim`s of the form name.rest ([a-z_]+ then '.' then one or more
// of [a-z0-9_.] and `extra`) whose first component is an id prefix. A scan, not std::regex: GCC 12
// under ASan warns falsely inside <regex> (see test_bad_scenarios.cpp).
std::vector<std::string> id_tokens(const std::string& text, char delim, const std::string& extra) {
  static const std::set<std::string> prefixes = id_prefixes();
  const auto lower = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
  const auto rest = [&](char c) {
    return lower(c) || (c >= '0' && c <= '9') || c == '.' || extra.find(c) != std::string::npos;
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != delim) continue;
    std::size_t j = i + 1;
    while (j < text.size() && lower(text[j])) ++j;
    if (j == i + 1 || j >= text.size() || text[j] != '.') continue;
    std::size_t k = j + 1;
    while (k < text.size() && rest(text[k])) ++k;
    if (k == j + 1 || k >= text.size() || text[k] != delim) continue;
    const std::string token = text.substr(i + 1, k - i - 1);
    if (prefixes.count(token.substr(0, token.find('.')))) out.push_back(token);
    i = k;  // the closing delimiter is used up, as a regex search would
  }
  return out;
}

// The id-like string literals (with an indicator id's first component) of a module's sources.
std::vector<std::pair<std::string, std::string>> id_literals(const std::string& module) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& dir : {"sim/" + module, "include/asylumsim/" + module})
    for (const auto& e : fs::recursive_directory_iterator(test::source_path(dir))) {
      if (e.path().extension() != ".cpp" && e.path().extension() != ".hpp") continue;
      for (const std::string& id : id_tokens(read(e.path()), '"', ""))
        out.emplace_back(e.path().filename().string(), id);
    }
  return out;
}

}  // namespace

TEST_CASE("the indicators module's ids resolve, and no later module writes an id", "[indicators]") {
  std::size_t seen = 0;
  for (const auto& [file, id] : id_literals("indicators")) {
    // The catalogue defines the ids, in terms of the metrics the model records (other names).
    if (file == "catalogue.cpp") continue;
    ++seen;
    INFO(file << ": " << id);
    CHECK(indicators::find_indicator(id) != nullptr);
  }
  CHECK(seen >= 20);  // the scan finds the tagged ids (tags.cpp): it is not looking at nothing
  // Output, calibration and the command line select indicators by tag (tags.hpp), never by id.
  for (const char* module : {"montecarlo", "calibration", "output", "cli"})
    for (const auto& [file, id] : id_literals(module)) {
      INFO(module << "/" << file << " names the indicator " << id << ": give it a tag instead");
      CHECK(false);
    }
}

TEST_CASE("every indicator id the indicator documentation names resolves in the catalogue",
          "[indicators][docs]") {
  // Documents about results; docs/scenario.md, model.md, extending.md and calibration*.md also name
  // scenario keys, which share the prefixes (ind.capacity_per_week), and are left out.
  std::size_t seen = 0;
  for (const char* doc :
       {"docs/output.md", "docs/user-guide.md", "docs/montecarlo.md", "docs/architecture.md"}) {
    for (const std::string& token : id_tokens(read(test::source_path(doc)), '`', "<>"))
      for (const std::string& id : expand(token)) {
        ++seen;
        INFO(doc << ": " << token << " (" << id << ")");
        CHECK(indicators::find_indicator(id) != nullptr);
      }
  }
  CHECK(seen >= 10);
}

TEST_CASE("the tagged selections are the outputs' indicators", "[indicators][tags]") {
  for (const auto& tag : indicators::tag_names()) CHECK_FALSE(indicators::tagged(tag).empty());
  CHECK_THROWS_AS(indicators::tagged("no-such-tag"), std::logic_error);
  // The acceptance rule reads the tag: a key figure gets ±5%, and the backlog only on its date.
  CHECK(indicators::has_tag("coa.occupancy", "key", "2025-01-01"));
  CHECK(indicators::has_tag("housing.backlog", "key", "2026-01-01"));
  CHECK_FALSE(indicators::has_tag("housing.backlog", "key", "2025-01-01"));
  CHECK_FALSE(indicators::has_tag("coa.occupancy.by_group.syria", "key", "2025-01-01"));
  indicators::Target t;
  t.id = "housing.backlog";
  t.kind = "stock";
  t.when.date = engine::parse_date("2026-01-01");
  CHECK(indicators::acceptance_for(t).key);
  CHECK(indicators::acceptance_for(t).tolerance == Approx(0.05));
  t.when.date = engine::parse_date("2025-07-01");
  CHECK_FALSE(indicators::acceptance_for(t).key);
  CHECK(indicators::acceptance_for(t).tolerance == Approx(0.10));
}
