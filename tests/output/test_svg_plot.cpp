// The report's plotting module: scales, ticks, number formats, paths and whole charts.
#include <catch2/catch.hpp>
#include <cmath>

#include "asylumsim/output/svg_plot.hpp"

using namespace asylumsim;
using namespace asylumsim::output::plot;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}
engine::Date date(int y, unsigned m, unsigned d) {
  return engine::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}
}  // namespace

TEST_CASE("a linear scale maps the domain onto the range, also inverted", "[output][plot]") {
  const LinearScale sx{0, 100, 50, 250};
  CHECK(sx(0) == 50);
  CHECK(sx(100) == 250);
  CHECK(sx(25) == 100);
  const LinearScale sy{0, 10, 300, 20};  // y grows upwards on screen
  CHECK(sy(0) == 300);
  CHECK(sy(10) == 20);
  CHECK(sy(5) == 160);
  CHECK(LinearScale{3, 3, 0, 10}(3) == 5);  // degenerate domain: the middle, not a division by 0
}

TEST_CASE("nice ticks are round steps of 1, 2 or 5 times a power of ten", "[output][plot]") {
  CHECK(nice_step(0, 64480, 5) == 10000);
  CHECK(nice_step(0, 100, 5) == 20);
  CHECK(nice_step(0, 1, 4) == Approx(0.2));
  CHECK(nice_step(0, 0.37, 5) == Approx(0.1));
  CHECK(nice_step(0, 0.37, 8) == Approx(0.05));
  CHECK(nice_ticks(0, 64480, 5) ==
        std::vector<double>{0, 10000, 20000, 30000, 40000, 50000, 60000});
  CHECK(nice_ticks(-4.5, 12, 8) == std::vector<double>{-4, -2, 0, 2, 4, 6, 8, 10, 12});
  const auto [lo, hi] = nice_domain(1234, 64480, 5);
  CHECK(lo == 0);
  CHECK(hi == 70000);
  const auto [flat_lo, flat_hi] = nice_domain(500, 500, 5);  // a flat series still gets an axis
  CHECK(flat_lo < 500);
  CHECK(flat_hi > 500);
  const auto [z0, z1] = nice_domain(0, 0, 5);
  CHECK(z0 == 0);
  CHECK(z1 > 0);
  for (double t : nice_ticks(-0.3, 0.3, 6)) CHECK_FALSE((std::signbit(t) && t == 0.0));
}

TEST_CASE("date ticks fall on 1 January, or on month starts for short ranges", "[output][plot]") {
  const double lo = day_number(date(2024, 1, 1)), hi = day_number(date(2030, 12, 31));
  const auto years = date_ticks(lo, hi, 12);
  REQUIRE(years.size() == 7);
  CHECK(years.front().label == "2024");
  CHECK(years.back().label == "2030");
  CHECK(years[1].day == day_number(date(2025, 1, 1)));
  const auto sparse = date_ticks(lo, hi, 4);  // fewer ticks wanted: every other year
  REQUIRE(sparse.size() == 4);
  CHECK(sparse[0].label == "2024");
  CHECK(sparse[1].label == "2026");
  const auto months =
      date_ticks(day_number(date(2025, 2, 10)), day_number(date(2025, 9, 30)), 12);
  REQUIRE(!months.empty());
  CHECK(months.front().label == "2025-03");
  CHECK(months.back().label == "2025-09");
  CHECK(date_of_day_number(day_number(date(2026, 6, 12))) == date(2026, 6, 12));
}

TEST_CASE("axis numbers are readable", "[output][plot]") {
  CHECK(format_number(0) == "0");
  CHECK(format_number(950) == "950");
  CHECK(format_number(64480) == "64,480");
  CHECK(format_number(-1234567.0) == "-1.2M");
  CHECK(format_number(2e6) == "2M");
  CHECK(format_number(1234.6) == "1,235");
  CHECK(format_number(0.125) == "0.125");
  CHECK(format_percent(0.05) == "5%");
  CHECK(format_percent(-0.125) == "-12.5%");
}

TEST_CASE("paths go through the scaled points; bands close on themselves", "[output][plot]") {
  const LinearScale sx{0, 10, 0, 100}, sy{0, 10, 100, 0};
  CHECK(line_path({0, 5, 10}, {0, 5, 10}, sx, sy) == "M0.0 100.0 L50.0 50.0 L100.0 0.0");
  CHECK(band_path({0, 10}, {1, 2}, {3, 4}, sx, sy) ==
        "M0.0 90.0 L100.0 80.0 L100.0 60.0 L0.0 70.0 Z");
  CHECK(band_path({}, {}, {}, sx, sy).empty());
  CHECK(escape_xml("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;");
}

TEST_CASE("a fan chart has both bands, the median, reference lines, points and a legend",
          "[output][plot]") {
  Chart c;
  c.title = "COA occupancy <test>";
  c.y_label = "persons";
  FanSeries f{"residents", {}, {}, {}, {}, {}, {}, 0};
  for (int m = 0; m < 12; ++m) {
    f.x.push_back(day_number(date(2025, static_cast<unsigned>(m + 1), 1)));
    const double v = 1000 + 100 * m;
    f.p05.push_back(v - 200);
    f.p25.push_back(v - 50);
    f.p50.push_back(v);
    f.p75.push_back(v + 50);
    f.p95.push_back(v + 200);
  }
  c.fans.push_back(f);
  c.lines.push_back({"capacity", f.x, std::vector<double>(12, 2500.0), 0});
  c.points.push_back({"documented", {f.x[6]}, {1500}, {1400}, {1600}, true});
  const std::string svg = render_chart(c);
  CHECK(svg.rfind("<svg class=\"chart\"", 0) == 0);
  CHECK(svg.substr(svg.size() - 6) == "</svg>");
  CHECK(count(svg, "class=\"band-outer\"") == 1);
  CHECK(count(svg, "class=\"band-inner\"") == 1);
  CHECK(count(svg, "class=\"median\"") == 1);
  CHECK(count(svg, "class=\"ref-line\"") == 1);
  CHECK(count(svg, "class=\"error-bar\"") == 1);
  CHECK(count(svg, "class=\"legend-entry\"") == 3);
  CHECK_THAT(svg, Catch::Contains("COA occupancy &lt;test&gt;"));
  CHECK_THAT(svg, Catch::Contains(">2,500<"));  // the y axis reaches the capacity line
  CHECK_THAT(svg, Catch::Contains(">2025-07<"));
  // The median path has one point per month.
  const std::string key = "class=\"median\" d=\"";
  const auto from = svg.find(key);
  REQUIRE(from != std::string::npos);
  const std::string d = svg.substr(from + key.size(), svg.find('"', from + key.size()) - from - key.size());
  CHECK(d.rfind("M", 0) == 0);
  CHECK(count(d, " L") == 11);
  CHECK(render_chart(c) == svg);  // deterministic bytes
}

TEST_CASE("charts refuse ragged series and say when they have no data", "[output][plot]") {
  Chart c;
  c.title = "empty";
  CHECK_THAT(render_chart(c), Catch::Contains("no data"));
  c.fans.push_back({"ragged", {1, 2, 3}, {1, 2}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}, 0});
  CHECK_THROWS_AS(render_chart(c), std::logic_error);  // a bug, not bad input
}

TEST_CASE("an interval chart draws one row per estimate with its tolerance band",
          "[output][plot]") {
  IntervalChart c;
  c.title = "relative error";
  c.tolerance = 0.1;
  c.rows = {{"coa.occupancy", 0.02, -0.01, 0.05, false},
            {"housing.realised", -0.3, -0.35, -0.25, true}};
  const std::string svg = render_interval_chart(c);
  CHECK(count(svg, "class=\"interval-row\"") == 2);
  CHECK(count(svg, "class=\"tolerance\"") == 1);
  CHECK_THAT(svg, Catch::Contains(">-30%<"));  // the axis reaches the furthest interval
  CHECK_THAT(svg, Catch::Contains("fill=\"#08306b\""));  // the highlighted row is filled
  c.rows.clear();
  CHECK_THAT(render_interval_chart(c), Catch::Contains("no data"));
}
