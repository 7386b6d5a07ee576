#include <catch2/catch.hpp>

#include "asylumsim/engine/calendar.hpp"

using namespace asylumsim::engine;
using std::chrono::sys_days;

TEST_CASE("date parsing accepts real dates only", "[engine][calendar]") {
  CHECK(parse_date("2024-02-29").has_value());
  CHECK_FALSE(parse_date("2025-02-29").has_value());
  CHECK_FALSE(parse_date("2025-13-01").has_value());
  CHECK_FALSE(parse_date("2025-1-01").has_value());
  CHECK_FALSE(parse_date("2025-01-01x").has_value());
  CHECK_FALSE(parse_date("").has_value());
  CHECK(format_date(*parse_date("2000-02-29")) == "2000-02-29");
}

TEST_CASE("ticks and dates round-trip across leap years", "[engine][calendar]") {
  const Calendar cal(*parse_date("2024-01-01"));
  CHECK(cal.to_tick(*parse_date("2024-01-01")) == 0);
  CHECK(cal.to_tick(*parse_date("2024-03-01")) ==
        asylumsim::engine::days(31 + 29));  // 2024 is a leap year
  CHECK(cal.to_tick(*parse_date("2025-01-01")) == asylumsim::engine::days(366));
  CHECK(cal.to_tick(*parse_date("2026-01-01")) == asylumsim::engine::days(366 + 365));
  CHECK(format_date(cal.to_date(asylumsim::engine::days(366) - 1)) ==
        "2024-12-31");  // last hour of 2024
  CHECK(format_date(cal.to_date(-1)) == "2023-12-31");
  sys_days d = sys_days{*parse_date("1999-06-01")};
  const sys_days end = sys_days{*parse_date("2031-06-01")};
  for (; d < end; d += std::chrono::days{1}) {
    const Date ymd{d};
    const Tick t = cal.to_tick(ymd);
    REQUIRE(cal.to_date(t) == ymd);
    REQUIRE(cal.to_date(t + kTicksPerDay - 1) == ymd);
  }
}

TEST_CASE("periods parse, label and bound correctly", "[engine][calendar]") {
  const Calendar cal(*parse_date("2024-01-01"));
  for (const char* label : {"2025", "2025-H1", "2025-H2", "2025-Q3", "2025-07", "2024-02"}) {
    auto p = parse_period(label);
    REQUIRE(p.has_value());
    CHECK(p->label() == label);
  }
  CHECK_FALSE(parse_period("2025-H3").has_value());
  CHECK_FALSE(parse_period("2025-Q0").has_value());
  CHECK_FALSE(parse_period("2025-13").has_value());
  CHECK_FALSE(parse_period("25").has_value());
  const Period h2 = *parse_period("2024-H2");
  CHECK(format_date(h2.first_day()) == "2024-07-01");
  CHECK(format_date(h2.end_day()) == "2025-01-01");
  CHECK(cal.period_end(h2) - cal.period_begin(h2) == asylumsim::engine::days(184));
  CHECK(cal.period_end(*parse_period("2024-02")) - cal.period_begin(*parse_period("2024-02")) ==
        asylumsim::engine::days(29));
  CHECK(period_containing(*parse_date("2025-08-15"), Period::Kind::kQuarter).label() == "2025-Q3");
  CHECK(period_containing(*parse_date("2025-06-30"), Period::Kind::kHalf).label() == "2025-H1");
  CHECK(cal.month_index(*parse_date("2025-03-10")) == 14);
  CHECK(format_date(cal.month_first_day(14)) == "2025-03-01");
}
