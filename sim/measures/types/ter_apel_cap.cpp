// ter_apel_cap: the residents cap of the registration centre inside the window.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct TerApelCap final : MeasureEffect {
  double cap = 2000;

  void apply(Scenario& s, const Measure& m) const override {
    set(s.registration.ter_apel_cap, m.from, m.until, cap);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("Ter Apel cap {:g}", cap);
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<TerApelCap>();
  p->cap = r.number(b.required("cap"), 2000, Range::kCount);
  return p;
}

}  // namespace

extern const MeasureSchema ter_apel_cap{"ter_apel_cap", {"cap"}, read};

}  // namespace asylumsim::measures::types
