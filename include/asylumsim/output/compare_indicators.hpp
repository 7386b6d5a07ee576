// The indicators a comparison shows, on the screen and in the report alike: first the inputs a
// planner changes (first applications, decisions, grants, permits), then what they change. They
// are the catalogue's tag `compare` (indicators/tags.hpp), in its order.
#pragma once

#include <string>
#include <vector>

namespace asylumsim::output {

struct CompareIndicator {
  const char* id;
  const char* label;
};
const std::vector<CompareIndicator>& compare_indicators();

// The yearly cell's `when` of an indicator: "2025" for flows, shares and durations over the year;
// "2026-01-01" (the year's end) for stocks.
std::string compare_when(const CompareIndicator& k, int year);

}  // namespace asylumsim::output
