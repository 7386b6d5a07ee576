// intended_decision_abolished: without the intended-decision step (voornemen) decisions go faster
// by a factor.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct IntendedDecisionAbolished final : MeasureEffect {
  double speedup = 1;

  void apply(Scenario& s, const Measure& m) const override {
    scale(s.ind.decision_speedup, m.from, m.until, speedup);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("decisions x{:g} faster", speedup);
  }
  void warn(const MeasureWarner& w) const override {
    w.factor("speedup", speedup, scenario::kFactorLow, scenario::kFactorHigh, "decision capacity");
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<IntendedDecisionAbolished>();
  p->speedup = r.number(b.required("speedup"), 1, Range::kPositive);
  return p;
}

}  // namespace

extern const MeasureSchema intended_decision_abolished{
    "intended_decision_abolished", {"speedup"}, read};

}  // namespace asylumsim::measures::types
