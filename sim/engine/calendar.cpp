#include "asylumsim/engine/calendar.hpp"

#include <fmt/format.h>

#include <charconv>

namespace asylumsim::engine {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::month_day_last;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day_last;

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

Date make_date(int y, int m, int d) {
  return Date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d))
    return std::nullopt;
  Date date = make_date(y, m, d);
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string not_a_date_message(std::string_view text) {
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  int y = 0, m = 0, d = 0;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      parse_int(text.substr(0, 4), y) && parse_int(text.substr(5, 2), m) &&
                      parse_int(text.substr(8, 2), d);
  std::string why;
  if (shaped && (m < 1 || m > 12))
    why = fmt::format(": there is no month {} (months run from 01 to 12)", m);
  else if (shaped && !make_date(y, m, d).ok()) {
    const auto last = year_month_day_last{year{y}, month_day_last{month{static_cast<unsigned>(m)}}};
    why = fmt::format(": {} {} has {} days", kMonths[m - 1], y, static_cast<unsigned>(last.day()));
  }
  return fmt::format("'{}' is not a date{} (expected YYYY-MM-DD)", text, why);
}

std::string format_date(Date d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

Date Period::first_day() const {
  switch (kind) {
    case Kind::kYear:
      return make_date(year, 1, 1);
    case Kind::kHalf:
      return make_date(year, 1 + 6 * (index - 1), 1);
    case Kind::kQuarter:
      return make_date(year, 1 + 3 * (index - 1), 1);
    case Kind::kMonth:
      return make_date(year, index, 1);
  }
  return make_date(year, 1, 1);
}

Date Period::end_day() const {
  const Date first = first_day();
  switch (kind) {
    case Kind::kYear:
      return first + std::chrono::years{1};
    case Kind::kHalf:
      return first + std::chrono::months{6};
    case Kind::kQuarter:
      return first + std::chrono::months{3};
    case Kind::kMonth:
      return first + std::chrono::months{1};
  }
  return first;
}

std::string Period::label() const {
  switch (kind) {
    case Kind::kYear:
      return fmt::format("{:04d}", year);
    case Kind::kHalf:
      return fmt::format("{:04d}-H{}", year, index);
    case Kind::kQuarter:
      return fmt::format("{:04d}-Q{}", year, index);
    case Kind::kMonth:
      return fmt::format("{:04d}-{:02d}", year, index);
  }
  return {};
}

std::optional<Period> parse_period(std::string_view text) {
  int y = 0;
  if (text.size() < 4 || !parse_int(text.substr(0, 4), y)) return std::nullopt;
  if (text.size() == 4) return Period{Period::Kind::kYear, y, 1};
  if (text[4] != '-') return std::nullopt;
  const std::string_view rest = text.substr(5);
  int idx = 0;
  if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'Q')) {
    if (!parse_int(rest.substr(1), idx)) return std::nullopt;
    if (rest[0] == 'H' && idx >= 1 && idx <= 2) return Period{Period::Kind::kHalf, y, idx};
    if (rest[0] == 'Q' && idx >= 1 && idx <= 4) return Period{Period::Kind::kQuarter, y, idx};
    return std::nullopt;
  }
  if (rest.size() == 2 && parse_int(rest, idx) && idx >= 1 && idx <= 12)
    return Period{Period::Kind::kMonth, y, idx};
  return std::nullopt;
}

Period period_containing(Date d, Period::Kind kind) {
  const int y = static_cast<int>(d.year());
  const int m = static_cast<int>(static_cast<unsigned>(d.month()));
  switch (kind) {
    case Period::Kind::kYear:
      return {kind, y, 1};
    case Period::Kind::kHalf:
      return {kind, y, m <= 6 ? 1 : 2};
    case Period::Kind::kQuarter:
      return {kind, y, (m - 1) / 3 + 1};
    case Period::Kind::kMonth:
      return {kind, y, m};
  }
  return {kind, y, 1};
}

Calendar::Calendar(Date start) : start_(start), start_days_(sys_days{start}) {}

Tick Calendar::to_tick(Date d) const {
  return static_cast<Tick>((sys_days{d} - start_days_).count()) * kTicksPerDay;
}

std::int64_t Calendar::day_index(Tick t) const {
  std::int64_t q = t / kTicksPerDay;
  if (t % kTicksPerDay < 0) --q;
  return q;
}

Date Calendar::to_date(Tick t) const {
  return Date{start_days_ + std::chrono::days{day_index(t)}};
}

int Calendar::month_index(Date d) const {
  const int dy = static_cast<int>(d.year()) - static_cast<int>(start_.year());
  const int dm = static_cast<int>(static_cast<unsigned>(d.month())) -
                 static_cast<int>(static_cast<unsigned>(start_.month()));
  return dy * 12 + dm;
}

Date Calendar::month_first_day(int idx) const {
  const Date first{start_.year(), start_.month(), day{1}};
  return first + std::chrono::months{idx};
}

}  // namespace asylumsim::engine
