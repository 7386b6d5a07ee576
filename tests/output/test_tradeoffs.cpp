// Costs and trade-offs: a cost per extra exit only where both differences are distinguishable
// from 0 and of the same sign, otherwise the reason; and a total over the horizon with intervals.
#include <catch2/catch.hpp>
#include <cmath>

#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/output/comparison.hpp"

using namespace asylumsim;

namespace {
montecarlo::Difference diff(double mean, double half_width) {
  montecarlo::Difference d;
  d.diff.mean = mean;
  d.ci_low = mean - half_width;
  d.ci_high = mean + half_width;
  d.distinguishable = d.ci_low > 0 || d.ci_high < 0;
  return d;
}
void add(montecarlo::Comparison& c, const char* id, int year, montecarlo::Difference d) {
  const engine::Period y{engine::Period::Kind::kYear, year, 1};
  c.grid.push_back({indicators::find_indicator(id), {y, std::nullopt}});
  c.cells.push_back(d);
}
}  // namespace

TEST_CASE("cost per extra exit only where both differences are distinguishable and agree",
          "[output][compare][costs]") {
  montecarlo::Comparison c;
  // 2024: cheaper and fewer exits, both clear (the issue's -43.0M / -2,158).
  add(c, "cost.total", 2024, diff(-43.0e6, 5e6));
  add(c, "housing.permit_holders_exited", 2024, diff(-2158, 200));
  // 2025: EUR 74.7M on 3 exits that are not distinguishable from 0.
  add(c, "cost.total", 2025, diff(74.7e6, 5e6));
  add(c, "housing.permit_holders_exited", 2025, diff(3, 10));
  // 2026: dearer and more exits: a real trade-off.
  add(c, "cost.total", 2026, diff(30e6, 5e6));
  add(c, "housing.permit_holders_exited", 2026, diff(1000, 100));
  // 2027: cheaper and more exits.
  add(c, "cost.total", 2027, diff(-5e6, 1e6));
  add(c, "housing.permit_holders_exited", 2027, diff(500, 100));
  // 2028: cost not distinguishable.
  add(c, "cost.total", 2028, diff(1e5, 1e6));
  add(c, "housing.permit_holders_exited", 2028, diff(500, 100));
  c.totals = {{"cost.total", diff(56.8e6, 9e6)},
              {"housing.permit_holders_exited", diff(-155, 300)},
              {"coa.bed_days", diff(-1000, 200)},
              {"coa.bed_days.emergency", diff(0, 0)}};
  const auto rows = output::tradeoffs(c);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].cost_per_extra_exit == Approx(-43.0e6 / -2158));
  CHECK(rows[0].per_exit_note == "saving per exit fewer");
  CHECK(std::isnan(rows[1].cost_per_extra_exit));
  CHECK(rows[1].per_exit_note == "exits: no difference distinguishable from 0");
  CHECK(rows[2].cost_per_extra_exit == Approx(30000));
  CHECK(rows[2].per_exit_note.empty());
  CHECK(std::isnan(rows[3].cost_per_extra_exit));
  CHECK(rows[3].per_exit_note == "cheaper and more exits: no trade-off");
  CHECK(std::isnan(rows[4].cost_per_extra_exit));
  CHECK(rows[4].per_exit_note == "cost: no difference distinguishable from 0");
  // The total over the horizon, with its interval; bed-days saved are base - variant.
  const auto& total = rows[5];
  CHECK(total.year == 0);
  CHECK(std::isnan(total.cost_per_extra_exit));
  CHECK(total.bed_days.diff.mean == 1000);
  CHECK(total.bed_days.ci_low == 800);
  CHECK(total.bed_days.ci_high == 1200);
  const std::string table = output::tradeoff_table(rows);
  CHECK_THAT(table, Catch::Contains("Total over the horizon (mean, 95% interval)"));
  CHECK_THAT(table, Catch::Contains("cheaper and more exits: no trade-off"));
  CHECK_THAT(table, !Catch::Contains("24,900,000"));  // never a ratio on 3 exits
  const std::string html = output::tradeoff_html(rows);
  CHECK_THAT(html, Catch::Contains("<tr class=\"total\"><td>total</td>"));
  CHECK_THAT(html, Catch::Contains("exits: no difference distinguishable from 0"));
}
