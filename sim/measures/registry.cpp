// The registration list: every measure type, one line each. A type `name` is defined in
// sim/measures/types/name.cpp as `const scenario::MeasureSchema name` (its YAML `type` is `name`
// too). The order is the one errors list the types in; docs/measures.md documents each
// (tests/measures/test_registry.cpp checks both).
#include "asylumsim/measures/registry.hpp"

#include <stdexcept>

// One line per type, not aligned, so that adding one changes no other line.
// clang-format off
#define ASYLUMSIM_MEASURE_TYPES(TYPE) \
  TYPE(har_plus) \
  TYPE(doorstroomlocaties) \
  TYPE(logeerregeling) \
  TYPE(ind_capacity) \
  TYPE(moratorium) \
  TYPE(grant_rate) \
  TYPE(legal_term) \
  TYPE(intended_decision_abolished) \
  TYPE(migration_pact) \
  TYPE(two_status) \
  TYPE(reception_capacity) \
  TYPE(ter_apel_cap) \
  TYPE(direct_family_housing) \
  TYPE(voluntary_return) \
  TYPE(ukraine_protection_end) \
  TYPE(inflow_shock) \
  TYPE(housing_realisation) \
  TYPE(large_family_housing) \
  /* a new type: one line above this one */
// clang-format on

namespace asylumsim::measures {

namespace types {
#define ASYLUMSIM_DECLARE_MEASURE_TYPE(name) extern const scenario::MeasureSchema name;
ASYLUMSIM_MEASURE_TYPES(ASYLUMSIM_DECLARE_MEASURE_TYPE)
#undef ASYLUMSIM_DECLARE_MEASURE_TYPE
}  // namespace types

const std::vector<const scenario::MeasureSchema*>& measure_types() {
#define ASYLUMSIM_MEASURE_TYPE_ENTRY(name) &types::name,
  static const std::vector<const scenario::MeasureSchema*> all{
      ASYLUMSIM_MEASURE_TYPES(ASYLUMSIM_MEASURE_TYPE_ENTRY)};
#undef ASYLUMSIM_MEASURE_TYPE_ENTRY
  return all;
}

const MeasureEffect& effect_of(const scenario::Measure& m) {
  const auto* effect = dynamic_cast<const MeasureEffect*>(m.params.get());
  if (!effect)
    throw std::logic_error("measure '" + m.name + "' was not read by a registered measure type");
  return *effect;
}

}  // namespace asylumsim::measures
