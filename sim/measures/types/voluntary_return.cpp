// voluntary_return: support for voluntary departure multiplies the departures of a group (or all)
// inside the window, at a cost per departure.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct VoluntaryReturn final : MeasureEffect {
  int group = -1;  // -1: every group
  double factor = 1;
  double cost_eur_per_person = 0;  // support per voluntary departure in the window

  void apply(Scenario& s, const Measure& m) const override {
    for_groups(s, group, [&](scenario::GroupParams& g) {
      scale(g.voluntary_departure_factor, m.from, m.until, factor);
      add(g.voluntary_return_cost, m.from, m.until, cost_eur_per_person);
    });
  }
  std::string describe(const Scenario& s) const override {
    return fmt::format("voluntary departure x{:g} for {}", factor, group_name(s, group));
  }
  void warn(const MeasureWarner& w) const override {
    w.factor("factor", factor, scenario::kFactorLow, scenario::kFactorHigh, "voluntary departures");
    w.cost_given("cost_eur_per_person", "the support per voluntary departure");
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<VoluntaryReturn>();
  p->group = r.optional_group(b);
  p->factor = r.number(b.required("factor"), 1, Range::kNonNegative);
  p->cost_eur_per_person = r.number(b.child("cost_eur_per_person"), 0, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema voluntary_return{
    "voluntary_return", {"group", "factor", "cost_eur_per_person"}, read};

}  // namespace asylumsim::measures::types
