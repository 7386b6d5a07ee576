// The section schemas (schema.hpp): every key documented once, the generated reference tables,
// and the splicing of those tables into docs/scenario.md.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <string>

#include "asylumsim/scenario/schema.hpp"

using namespace asylumsim::scenario;

namespace {

template <class S>
void check_table(schema::Table<S> table) {
  std::set<std::string_view> keys;
  for (const auto& f : table) {
    INFO(f.key);
    CHECK(keys.insert(f.key).second);
    CHECK(!f.meaning.empty());
    // A row whose type says nothing of its form (custom, read by the section) names it.
    const bool typed = !std::holds_alternative<schema::CustomReader<S>>(f.target) &&
                       !std::holds_alternative<schema::ReadBySection>(f.target);
    CHECK((typed || !f.form.empty()));
  }
}

std::string block(const std::string& name, const std::string& body) {
  return "<!-- generated:begin " + name + " -->\n" + body + "<!-- generated:end -->\n";
}

// A document with every block, the tables filled in or left empty.
std::string document(bool filled) {
  std::string doc = "# Scenario files\n\nProse by hand.\n\n";
  for (const auto& b : schema::reference_blocks())
    doc += block(b.name, filled ? b.markdown : "") + "\nMore prose.\n\n";
  return doc;
}

}  // namespace

TEST_CASE("every section table names each key once, with its meaning and form",
          "[scenario][schema]") {
  check_table(schema::header_fields());
  check_table(schema::group_fields());
  check_table(schema::inflow_fields());
  check_table(schema::registration_fields());
  check_table(schema::ind_fields());
  check_table(schema::appeal_fields());
  check_table(schema::reception_fields());
  check_table(schema::re_registration_fields());
  check_table(schema::housing_fields());
  check_table(schema::nareis_fields());
  check_table(schema::departure_fields());
  check_table(schema::non_asylum_fields());
  check_table(schema::ukraine_fields());
  check_table(schema::initial_fields());
  check_table(schema::cost_fields());
  check_table(schema::inflow_uncertainty_fields());
}

TEST_CASE("the reference tables take defaults from the Scenario struct and forms from the types",
          "[scenario][schema]") {
  std::string costs, ind;
  for (const auto& b : schema::reference_blocks()) {
    if (b.name == "costs") costs = b.markdown;
    if (b.name == "ind") ind = b.markdown;
  }
  CHECK_THAT(costs, Catch::Contains("| `coa_occupied_place_per_day` | schedule | ≥ 0 | euros per "
                                    "day | 70 |"));
  CHECK_THAT(ind, Catch::Contains("| `capacity_per_week` | per track, schedules | 0–10,000,000 | "
                                  "decisions per week | required |"));
  CHECK_THAT(ind, Catch::Contains("| `investigation_duration` | per track, distributions |  | days "
                                  "| exponential 90 |"));
  CHECK_THAT(ind, Catch::Contains("| `legal_term_days` | schedule | > 0 | days | 183 |"));
}

TEST_CASE("regenerating replaces every generated table and keeps the prose", "[scenario][schema]") {
  const std::string filled = document(true);
  CHECK(schema::regenerate(document(false)) == filled);
  CHECK(schema::regenerate(filled) == filled);
  std::string edited = filled;
  edited.replace(edited.find("| `coa_occupied_place_per_day`"), 1, "|x");
  CHECK(schema::regenerate(edited) == filled);
}

TEST_CASE("regenerating refuses unknown, missing and unclosed blocks", "[scenario][schema]") {
  const std::string filled = document(true);
  CHECK_THROWS_WITH(schema::regenerate(filled + block("no_such_section", "")),
                    Catch::Contains("names no scenario section table"));
  std::string without_costs = filled;
  const auto blocks = schema::reference_blocks();
  const auto costs_block = std::find_if(
      blocks.begin(), blocks.end(), [](const schema::DocBlock& b) { return b.name == "costs"; });
  REQUIRE(costs_block != blocks.end());
  const std::string costs = block("costs", costs_block->markdown);
  without_costs.erase(without_costs.find(costs), costs.size());
  CHECK_THROWS_WITH(schema::regenerate(without_costs),
                    Catch::Contains("no '<!-- generated:begin costs -->' block"));
  CHECK_THROWS_WITH(schema::regenerate(filled + "<!-- generated:begin costs -->\n| open |\n"),
                    Catch::Contains("is not closed"));
}
