// Simulation time: an integer tick count. One tick is one hour since the scenario's start date.
// Time is never a floating-point number inside the engine, so comparisons are exact and event order
// cannot depend on rounding.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace asylumsim::engine {

using Tick = std::int64_t;

inline constexpr Tick kTicksPerHour = 1;
inline constexpr Tick kTicksPerDay = 24 * kTicksPerHour;
inline constexpr Tick kTicksPerWeek = 7 * kTicksPerDay;
inline constexpr Tick kNever = std::numeric_limits<Tick>::max();

constexpr Tick days(std::int64_t n) {
  return n * kTicksPerDay;
}
constexpr Tick weeks(std::int64_t n) {
  return n * kTicksPerWeek;
}

// Durations drawn from continuous distributions are given in days; they enter the engine here,
// rounded to the nearest hour and clamped to [0, ten thousand years] so no draw can overflow.
inline Tick ticks_from_days(double d) {
  constexpr double kMaxDays = 3.65e6;
  if (!(d > 0.0)) return 0;  // also catches NaN
  if (d > kMaxDays) d = kMaxDays;
  return static_cast<Tick>(std::llround(d * static_cast<double>(kTicksPerDay)));
}

constexpr double days_from_ticks(Tick t) {
  return static_cast<double>(t) / static_cast<double>(kTicksPerDay);
}

}  // namespace asylumsim::engine
