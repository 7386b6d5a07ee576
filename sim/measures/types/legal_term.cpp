// legal_term: the IND's legal decision term inside the window, also for cases already waiting.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct LegalTerm final : MeasureEffect {
  double days = 183;

  void apply(Scenario& s, const Measure& m) const override {
    set(s.ind.legal_term_days, m.from, m.until, days);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("legal decision term {:g} days", days);
  }
  void warn(const MeasureWarner& w) const override { w.days("days", days); }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<LegalTerm>();
  p->days = r.number(b.required("days"), 183, Range::kPositive);
  return p;
}

}  // namespace

extern const MeasureSchema legal_term{"legal_term", {"days"}, read};

}  // namespace asylumsim::measures::types
