// Shared test fixtures: the small test scenario as an editable YAML tree.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::test {

inline std::string source_path(const std::string& rel) {
  return std::string(ASYLUMSIM_SOURCE_DIR) + "/" + rel;
}

inline YAML::Node small_yaml() {
  return YAML::LoadFile(source_path("tests/data/small.yaml"));
}

// The small scenario with households of first applicants (groups.*.household_size).
inline YAML::Node with_households() {
  auto y = small_yaml();
  y["groups"]["alpha"]["household_size"] = std::vector<double>{0.5, 0.2, 0.1, 0.1, 0.05, 0.05};
  y["groups"]["beta"]["household_size"] = std::vector<double>{0.6, 0.4};
  return y;
}

inline std::string emit(const YAML::Node& n) {
  YAML::Emitter e;
  e << n;
  return e.c_str();
}

inline scenario::Scenario scenario_from(const YAML::Node& n,
                                        const std::string& name = "test.yaml") {
  return measures::load_scenario_text(emit(n), name);
}

// The diagnostics a scenario text gets ("" when it loads).
inline std::string error_of(const std::string& text) {
  try {
    measures::load_scenario_text(text, "bad.yaml");
  } catch (const scenario::InputError& e) {
    return e.what();
  }
  return "";
}
// The diagnostics a scenario file gets ("" when it loads).
inline std::string error_of_file(const std::string& path) {
  try {
    measures::load_scenario(path);
  } catch (const scenario::InputError& e) {
    return e.what();
  }
  return "";
}
inline std::string error_of(const YAML::Node& y) {
  return error_of(emit(y));
}

}  // namespace asylumsim::test
