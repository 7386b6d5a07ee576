#include "scenario_input.hpp"

#include <fmt/format.h>

#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/plausibility.hpp"

namespace asylumsim::cli {

scenario::Scenario load_checked(const std::string& path, const std::vector<std::string>& sets,
                                const InputOptions& o) {
  scenario::Scenario s = measures::load_scenario(path, sets);
  const scenario::Diagnostics warnings = scenario::plausibility_warnings(path, s);
  if (warnings.empty()) return s;
  if (o.strict) {
    scenario::Diagnostics errors;
    for (auto d : warnings.list()) {
      d.message += " [an error under --strict]";
      errors.add(std::move(d));
    }
    throw scenario::InputError(std::move(errors));
  }
  if (o.print) fmt::print(stderr, "{}\n", warnings.format());
  for (const auto& d : warnings.list()) s.warnings.push_back(d.format());
  return s;
}

}  // namespace asylumsim::cli
