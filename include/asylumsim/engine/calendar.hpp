// Calendar: maps integer ticks to civil dates (proleptic Gregorian, via std::chrono) and to the
// reporting periods that the chain's figures use: a year ("2025"), a half-year ("2025-H1"), a
// quarter ("2025-Q3") and a month ("2025-07").
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "asylumsim/engine/time.hpp"

namespace asylumsim::engine {

using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD"; returns nullopt for anything else, including impossible dates (2025-02-29).
std::optional<Date> parse_date(std::string_view text);
// Why `text` is not a date, for error messages: "'2026-09-31' is not a date: September 2026 has
// 30 days (expected YYYY-MM-DD)".
std::string not_a_date_message(std::string_view text);
std::string format_date(Date d);

struct Period {
  enum class Kind { kYear, kHalf, kQuarter, kMonth };
  Kind kind = Kind::kYear;
  int year = 0;
  int index = 1;  // half 1..2, quarter 1..4, month 1..12; 1 for a year

  Date first_day() const;
  Date end_day() const;  // first day after the period
  std::string label() const;
  friend bool operator==(const Period&, const Period&) = default;
};

// Parses "2025", "2025-H2", "2025-Q3" or "2025-07".
std::optional<Period> parse_period(std::string_view text);
Period period_containing(Date d, Period::Kind kind);

class Calendar {
 public:
  explicit Calendar(Date start);

  Date start() const { return start_; }
  // Tick at 00:00 of the given day. Days before the start give negative ticks.
  Tick to_tick(Date d) const;
  // The day that contains tick t.
  Date to_date(Tick t) const;
  // Whole days since the start date for tick t (floor division, also for negative ticks).
  std::int64_t day_index(Tick t) const;
  // [begin, end) ticks of a period.
  Tick period_begin(const Period& p) const { return to_tick(p.first_day()); }
  Tick period_end(const Period& p) const { return to_tick(p.end_day()); }
  // Month index since the start month (0 = the month holding the start date).
  int month_index(Date d) const;
  Date month_first_day(int month_index) const;

 private:
  Date start_;
  std::chrono::sys_days start_days_;
};

}  // namespace asylumsim::engine
