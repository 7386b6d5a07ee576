// Measures applied in the order they are listed, each through its type's effects
// (sim/measures/types/), and described for reports.
#include "asylumsim/measures/apply.hpp"

#include <fmt/format.h>

#include "asylumsim/measures/registry.hpp"
#include "types/measure_type.hpp"

namespace asylumsim::measures {

using namespace scenario;
using engine::kNever;

void apply_measures(Scenario& s) {
  for (const Measure& m : s.measures) {
    effect_of(m).apply(s, m);
    if (m.cost_eur_per_month != 0)
      types::add(s.costs.measures_per_month, m.from, m.until, m.cost_eur_per_month);
  }
}

std::string describe(const Measure& m, const Scenario& s) {
  const engine::Calendar cal = s.calendar();
  std::string when = "from " + engine::format_date(cal.to_date(m.from));
  if (m.until != kNever) when += " until " + engine::format_date(cal.to_date(m.until));
  return fmt::format("{}: {}, {}", m.type, effect_of(m).describe(s), when);
}

}  // namespace asylumsim::measures
