// two_status: subsidiary-protection holders (a share of grants) wait before they may apply for
// nareis and must meet income and housing requirements.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct TwoStatus final : MeasureEffect {
  double subsidiary_share = 0;
  double waiting_days = 0;
  double requirements_met_share = 1;

  void apply(Scenario& s, const Measure& m) const override {
    set(s.nareis.subsidiary_share, m.from, m.until, subsidiary_share);
    set(s.nareis.subsidiary_waiting_days, m.from, m.until, waiting_days);
    set(s.nareis.subsidiary_requirements_met, m.from, m.until, requirements_met_share);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format(
        "{:g}% subsidiary protection: nareis after {:g} days, {:g}% meet requirements",
        100 * subsidiary_share, waiting_days, 100 * requirements_met_share);
  }
  void warn(const MeasureWarner& w) const override { w.days("waiting_days", waiting_days); }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<TwoStatus>();
  p->subsidiary_share = r.number(b.required("subsidiary_share"), 0, Range::kProbability);
  p->waiting_days = r.number(b.child("waiting_days"), 0, Range::kNonNegative);
  p->requirements_met_share = r.number(b.child("requirements_met_share"), 1, Range::kProbability);
  return p;
}

}  // namespace

extern const MeasureSchema two_status{
    "two_status", {"subsidiary_share", "waiting_days", "requirements_met_share"}, read};

}  // namespace asylumsim::measures::types
