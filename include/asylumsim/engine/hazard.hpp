// Waiting times whose pace changes in calendar time: the first event of a Poisson process with a
// piecewise-constant rate (1 / mean days, changing at the schedule's dates), found by inverting
// the cumulative hazard for one unit-exponential draw. Unlike a duration drawn at entry, a change
// of pace then applies to everyone already waiting, not only to those who start after it.
#pragma once

#include <algorithm>
#include <iterator>

#include "asylumsim/engine/resource.hpp"
#include "asylumsim/engine/time.hpp"

namespace asylumsim::engine {

// `mean_days` must be positive throughout; `unit_exponential` is an Exp(1) draw.
inline Tick first_event_after(const StepSchedule<double>& mean_days, Tick from,
                              double unit_exponential) {
  const auto& steps = mean_days.steps();
  auto it = std::prev(std::upper_bound(steps.begin(), steps.end(), from,
                                       [](Tick t, const auto& s) { return t < s.from; }));
  Tick t = from;
  double hazard_left = unit_exponential;
  for (auto next = std::next(it); next != steps.end(); it = next++) {
    const double days_needed = hazard_left * it->value;
    const double days_in_step = days_from_ticks(next->from - t);
    if (days_needed < days_in_step) return t + ticks_from_days(days_needed);
    hazard_left -= days_in_step / it->value;
    t = next->from;
  }
  return t + ticks_from_days(hazard_left * it->value);
}

}  // namespace asylumsim::engine
