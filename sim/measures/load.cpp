#include "asylumsim/measures/load.hpp"

#include "asylumsim/measures/apply.hpp"

namespace asylumsim::measures {

void compose(scenario::Scenario& s) {
  apply_measures(s);
  if (auto composed = check_composed(s); !composed.empty()) throw scenario::InputError(composed);
}

scenario::Scenario load_scenario(const std::string& path) {
  return scenario::read_scenario(path, compose);
}

scenario::Scenario load_scenario_text(const std::string& text, const std::string& name) {
  return scenario::read_scenario_text(text, name, compose);
}

scenario::Scenario load_scenario(const std::string& path,
                                 const std::vector<scenario::Override>& overrides) {
  return scenario::read_scenario(path, overrides, compose);
}

scenario::Scenario load_scenario(const std::string& path,
                                 const std::vector<std::string>& overrides) {
  return load_scenario(path, scenario::parse_overrides(overrides));
}

YAML::Node scenario_tree(const std::string& path) {
  return scenario::scenario_tree(path, compose);
}

}  // namespace asylumsim::measures
