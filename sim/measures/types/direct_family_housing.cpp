// direct_family_housing: family members who come by nareis join a housed referent directly, from
// the measure's start (open-ended: the model's rule changes once).
#include <algorithm>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct DirectFamilyHousing final : MeasureEffect {
  void apply(Scenario& s, const Measure& m) const override {
    s.housing.direct_family_housing = true;
    s.housing.direct_family_housing_from = std::min(s.housing.direct_family_housing_from, m.from);
  }
  std::string describe(const Scenario&) const override {
    return "family members join a housed referent directly";
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader&, const YamlView&,
                                                    const Measure&) {
  return std::make_shared<DirectFamilyHousing>();
}

}  // namespace

extern const MeasureSchema direct_family_housing{"direct_family_housing", {}, read};

}  // namespace asylumsim::measures::types
