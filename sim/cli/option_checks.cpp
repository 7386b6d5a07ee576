#include "option_checks.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace asylumsim::cli {

namespace {

// 10000000 -> "10,000,000": bounds a planner can read at a glance.
std::string grouped(std::int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

std::string expected_range(std::int64_t min, std::int64_t max) {
  if (max == std::numeric_limits<std::int64_t>::max())
    return fmt::format("a whole number of {} or more", grouped(min));
  return fmt::format("a whole number from {} to {}", grouped(min), grouped(max));
}

}  // namespace

CLI::Validator whole_number(std::int64_t min, std::int64_t max) {
  const std::string expected = expected_range(min, max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        std::int64_t v = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, v);
        if (ec == std::errc::result_out_of_range)
          return fmt::format("{} is too large (expected {})", text, expected);
        if (ec != std::errc{} || ptr != end || text.empty())
          return fmt::format("'{}' is not a whole number (expected {})", text, expected);
        if (v < min || v > max) return fmt::format("{} is out of range (expected {})", v, expected);
        return {};
      },
      expected, "WHOLE_NUMBER");
}

CLI::Validator decimal_number(double min, double max) {
  const std::string expected = fmt::format("a number from {} to {}", min, max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v))
          return fmt::format("'{}' is not a number (expected {})", text, expected);
        if (v < min || v > max)
          return fmt::format("{} is out of range (expected {})", text, expected);
        return {};
      },
      expected, "NUMBER");
}

}  // namespace asylumsim::cli
