// Documented figures to compare the model with (the format of
// shared/domain/targets-2024-2025.yaml): a list under `targets:` of {id, kind, period | date,
// value, unit?, source?}.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/indicators/indicator.hpp"

namespace asylumsim::indicators {

struct Target {
  std::string id;
  std::string kind;  // flow, stock, duration, share
  When when;
  double value = 0;
  std::string unit;
  std::string source;
  const Indicator* indicator = nullptr;
  int line = 0;
};

// Loads and checks a targets file: unknown ids (with a suggestion), a period for flows and
// durations, a date for stocks, kinds that match the indicator. Throws InputError listing all.
std::vector<Target> load_targets(const std::string& path);

}  // namespace asylumsim::indicators
