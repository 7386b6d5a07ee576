// logeerregeling: a share of linked permit-holder households stays with family, friends or a host
// family until their home is ready, outside COA.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct Logeer final : MeasureEffect {
  double share = 0;
  double cost_eur_per_person = 0;  // e.g. an allowance to the host, per person placed

  void apply(Scenario& s, const Measure& m) const override {
    add(s.housing.logeer_share, m.from, m.until, share);
    add(s.costs.logeer_per_placement, m.from, m.until, cost_eur_per_person);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("{:g}% of linked households stay with hosts", 100 * share);
  }
  void warn(const MeasureWarner& w) const override {
    w.cost_given("cost_eur_per_person", "the cost per person placed");
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<Logeer>();
  p->share = r.number(b.required("share"), 0, Range::kProbability);
  p->cost_eur_per_person = r.number(b.child("cost_eur_per_person"), 0, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema logeerregeling{"logeerregeling", {"share", "cost_eur_per_person"}, read};

}  // namespace asylumsim::measures::types
