// The HTML report: self-contained, complete, and the same bytes for the same inputs.
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/acceptance.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/montecarlo/validation.hpp"
#include "asylumsim/output/report.hpp"

using namespace asylumsim;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

montecarlo::BatchResult small_batch(const scenario::Scenario& s, int threads) {
  montecarlo::BatchOptions o;
  o.replications = 3;
  o.threads = threads;
  return montecarlo::run_batch(s, montecarlo::default_grid(s), o);
}

// Nothing in the page may be fetched from anywhere: no scripts, links, images or fonts.
void check_self_contained(const std::string& html) {
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
  for (const char* banned : {"<script", "src=", "href=", "@import", "url(", "<link", "@font-face"})
    CHECK_THAT(html, !Catch::Contains(banned));
  // The only URL is the SVG namespace name, which browsers never fetch.
  CHECK(count(html, "http") == count(html, "http://www.w3.org/2000/svg"));
}
}  // namespace

TEST_CASE("the run report has the settings and every fan chart and the key indicator table",
          "[output][report]") {
  auto y = test::small_yaml();
  y["measures"]["har_plus_trial"] =
      YAML::Load("{type: har_plus, from: 2024-06-01, until: 2025-06-01, places_per_month: 20}");
  const auto s = test::scenario_from(y, "small.yaml");
  const auto r = small_batch(s, 2);
  const std::string html = output::run_report(s, r);
  check_self_contained(html);
  for (const char* section :
       {"id=\"how-to-read\"", "id=\"settings\"", "id=\"charts\"", "id=\"key-indicators\""})
    CHECK_THAT(html, Catch::Contains(section));
  for (const char* title :
       {"COA occupancy against capacity", "Permit holders (statushouders) in COA",
        "IND backlog, spoor 1: Dublin", "IND backlog, spoor 4: VA",
        "Housing: taakstelling and realisation per half-year",
        "Housing: taakstelling backlog (achterstand)", "Nareis: family members abroad",
        "Departures per half-year by route", "Ukrainians under temporary protection",
        "Length of the current stay of COA residents (census)",
        "Housing: weeks from permit to leaving COA, exits per half-year (norm: 14)",
        // the inputs a planner changes (issue 27): inflow per group, decisions per track
        "First applications per half-year, alpha", "First applications per half-year, beta",
        "IND decisions per half-year, spoor 1: Dublin", "IND decisions per half-year, spoor 4: VA"})
    CHECK_THAT(html, Catch::Contains(title));
  CHECK(count(html, "<svg class=\"chart\"") == 19);
  CHECK(count(html, "class=\"band-outer\"") == 22);
  CHECK(count(html, "class=\"median\"") == 22);
  // The measure and its effect on the mechanics are in the digest.
  CHECK_THAT(html, Catch::Contains("Measure &#39;har_plus_trial&#39;</td><td class=\"l\">har_plus: "
                                   "20 placements per month"));
  CHECK_THAT(html, Catch::Contains("HAR+ placements per month</td><td class=\"l\">0; from "
                                   "2024-06-01: 20; from 2025-06-01: 0"));
  CHECK_THAT(html, Catch::Contains("3 replications, seed 7"));
  // A row per year in the key-indicator table.
  CHECK_THAT(html, Catch::Contains("<tr><td>2024</td>"));
  CHECK_THAT(html, Catch::Contains("<tr><td>2025</td>"));
  // Monthly stocks over two years: 25 points on each stock median.
  const auto at = html.find("class=\"median\" d=\"", html.find("COA occupancy against capacity"));
  REQUIRE(at != std::string::npos);
  const std::string d = html.substr(at, html.find("\"", at + 19) - at);
  CHECK(count(d, " L") == 24);
}

TEST_CASE("the report is the same bytes for any number of threads", "[output][report]") {
  const auto s = test::scenario_from(test::small_yaml(), "small.yaml");
  CHECK(output::run_report(s, small_batch(s, 1)) == output::run_report(s, small_batch(s, 2)));
}

TEST_CASE("the validation report plots every documented figure with its error",
          "[output][report]") {
  const auto s = test::scenario_from(test::small_yaml(), "small.yaml");
  const auto targets =
      indicators::load_targets(test::source_path("tests/data/targets-2024-2025.yaml"));
  std::vector<indicators::Target> in_horizon;
  for (const auto& t : targets)
    if (t.when.label().rfind("2024", 0) == 0 && t.id != "coa.places_added") in_horizon.push_back(t);
  REQUIRE(in_horizon.size() > 10);
  montecarlo::BatchOptions o;
  o.replications = 2;
  o.threads = 2;
  const auto r = montecarlo::run_batch(s, montecarlo::target_grid(in_horizon), o);
  const auto rows = montecarlo::validation_rows(in_horizon, r);
  const std::string html = output::validation_report(s, "targets.yaml", rows, 2);
  check_self_contained(html);
  CHECK(count(html, "class=\"interval-row\"") == in_horizon.size());
  CHECK(count(html, "<tr><td class=\"l\">") == in_horizon.size());
  CHECK_THAT(html, Catch::Contains("figures within their acceptance band"));
  CHECK_THAT(html, Catch::Contains("Shares: model minus the figure"));
  CHECK_THAT(html, !Catch::Contains("Partial results"));
  // Fewer replications than the scenario asks: an interrupted validate says so.
  CHECK_THAT(output::validation_report(s, "targets.yaml", rows, 1),
             Catch::Contains("<strong>Partial results:</strong> interrupted after 1 of 2"));
}

TEST_CASE("the comparison report overlays base and variant and shows paired differences",
          "[output][report]") {
  const auto base = test::scenario_from(test::small_yaml(), "base.yaml");
  auto vy = test::small_yaml();
  vy["scenario"]["name"] = "more-aa";
  vy["ind"]["capacity_per_week"]["aa"] = 80;
  const auto variant = test::scenario_from(vy, "variant.yaml");
  auto grid = montecarlo::yearly_grid(base);
  for (const auto& c : output::report_chart_grid(base)) grid.push_back(c);
  montecarlo::BatchOptions o;
  o.replications = 3;
  o.threads = 2;
  const auto c = montecarlo::run_comparison(base, variant, grid, o, true);
  const std::string html = output::comparison_report(base, variant, c);
  check_self_contained(html);
  CHECK_THAT(html, Catch::Contains("&#39;more-aa&#39; against &#39;small&#39;"));
  // The changed setting is listed with both values.
  CHECK_THAT(html,
             Catch::Contains("IND decisions per week, AA (spoor 4)</td><td class=\"l\">50</td>"
                             "<td class=\"l\">80</td>"));
  // Every fan appears twice (base and variant); one interval chart per year.
  CHECK(count(html, "class=\"band-outer\"") == 2 * 22);
  CHECK(count(html, "class=\"chart interval-chart\"") == 2);
  CHECK_THAT(html, Catch::Contains("id=\"differences\""));
}

TEST_CASE("acceptance bands follow issue 4: key figures 5%, flows 10%, durations 15%, shares 5 pp",
          "[output][validation]") {
  const auto targets =
      indicators::load_targets(test::source_path("tests/data/targets-2024-2025.yaml"));
  const auto find = [&](const std::string& id, const std::string& when) {
    for (const auto& t : targets)
      if (t.id == id && t.when.label() == when) return &t;
    FAIL("no target " << id << " " << when);
    return static_cast<const indicators::Target*>(nullptr);
  };
  // A row whose model mean lies `off` away from the figure (relative, or absolute for shares).
  const auto row = [](const indicators::Target* t, double mean) {
    montecarlo::ValidationRow r;
    r.target = t;
    r.model.mean = mean;
    r.rel_error = (mean - t->value) / std::abs(t->value);
    return r;
  };
  const auto* occupancy = find("coa.occupancy", "2025-12-31");      // key stock
  const auto* backlog_key = find("housing.backlog", "2026-01-01");  // key only on this date
  const auto* backlog = find("housing.backlog", "2025-07-01");
  const auto* lead_time = find("ind.lead_time_weeks.aa", "2025");  // duration
  const auto* grant_rate = find("ind.grant_rate_first", "2025");   // share 0.34
  CHECK(indicators::acceptance_for(*occupancy).key);
  CHECK(montecarlo::within_acceptance(row(occupancy, occupancy->value * 1.049)));
  CHECK_FALSE(montecarlo::within_acceptance(row(occupancy, occupancy->value * 1.06)));
  CHECK_FALSE(montecarlo::within_acceptance(row(backlog_key, backlog_key->value * 0.93)));
  CHECK(montecarlo::within_acceptance(row(backlog, backlog->value * 0.93)));
  CHECK_FALSE(montecarlo::within_acceptance(row(backlog, backlog->value * 0.89)));
  CHECK(montecarlo::within_acceptance(row(lead_time, lead_time->value * 0.86)));
  CHECK_FALSE(montecarlo::within_acceptance(row(lead_time, lead_time->value * 0.84)));
  // Shares: percentage points, not relative: 0.30 against 0.34 is 4 points (12% relative).
  CHECK(montecarlo::within_acceptance(row(grant_rate, 0.30)));
  CHECK_FALSE(montecarlo::within_acceptance(row(grant_rate, 0.28)));
  const std::string table =
      output::validation_table({row(occupancy, occupancy->value), row(grant_rate, 0.2)});
  CHECK_THAT(table, Catch::Contains("1 of 2 figures within their acceptance band"));
}
