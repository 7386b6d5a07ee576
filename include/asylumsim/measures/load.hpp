// A scenario as the simulation uses it: read and checked by the scenario module, then its measures
// composed into the parameters (apply.hpp) and the composition checked. Every problem is thrown
// together as one InputError, placed at its file and line.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::measures {

// apply_measures, then check_composed: throws InputError with what the composition breaks.
void compose(scenario::Scenario& s);

// The measure types and compose, as the scenario module's readers take them.
const scenario::Completion& completion();

scenario::Scenario load_scenario(const std::string& path);
scenario::Scenario load_scenario_text(const std::string& text, const std::string& name);
// With --set overrides applied after `extends:` (scenario/overrides.hpp).
scenario::Scenario load_scenario(const std::string& path,
                                 const std::vector<scenario::Override>& overrides);
scenario::Scenario load_scenario(const std::string& path,
                                 const std::vector<std::string>& overrides);
// The file's tree with `extends:` resolved, each base file loaded on its own first.
YAML::Node scenario_tree(const std::string& path);

}  // namespace asylumsim::measures
