#include "asylumsim/measures/load.hpp"

#include "asylumsim/measures/apply.hpp"
#include "asylumsim/measures/registry.hpp"

namespace asylumsim::measures {

namespace {

// What the loader gets from this module: the measure types, and composition once it has read.
class Composition final : public scenario::Completion {
 public:
  const std::vector<const scenario::MeasureSchema*>& measure_types() const override {
    return measures::measure_types();
  }
  void complete(scenario::Scenario& s) const override { compose(s); }
};

const Composition kComposition;

}  // namespace

const scenario::Completion& completion() {
  return kComposition;
}

void compose(scenario::Scenario& s) {
  apply_measures(s);
  if (auto composed = check_composed(s); !composed.empty()) throw scenario::InputError(composed);
}

scenario::Scenario load_scenario(const std::string& path) {
  return scenario::read_scenario(path, kComposition);
}

scenario::Scenario load_scenario_text(const std::string& text, const std::string& name) {
  return scenario::read_scenario_text(text, name, kComposition);
}

scenario::Scenario load_scenario(const std::string& path,
                                 const std::vector<scenario::Override>& overrides) {
  return scenario::read_scenario(path, overrides, kComposition);
}

scenario::Scenario load_scenario(const std::string& path,
                                 const std::vector<std::string>& overrides) {
  return load_scenario(path, scenario::parse_overrides(overrides));
}

YAML::Node scenario_tree(const std::string& path) {
  return scenario::scenario_tree(path, kComposition);
}

}  // namespace asylumsim::measures
