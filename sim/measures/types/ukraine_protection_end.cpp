// ukraine_protection_end: temporary protection for Ukrainians ends at the measure's start; a share
// activates an asylum application, with or without a transition status.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct UkraineProtectionEnd final : MeasureEffect {
  double activation_share = 0.5;
  bool transition_status = false;
  double transition_activation_share = 0.1;

  // From the end of protection on, for good: the window's end does not bring it back.
  void apply(Scenario& s, const Measure& m) const override {
    s.ukraine.protection_end = m.from;
    set(s.ukraine.activation_share, m.from, kNever, activation_share);
    s.ukraine.transition_status = transition_status;
    set(s.ukraine.transition_activation_share, m.from, kNever, transition_activation_share);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("temporary protection ends; {:g}% activate an asylum application; {}",
                       100 * activation_share,
                       transition_status ? "with a transition status" : "no transition status");
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<UkraineProtectionEnd>();
  if (!r.scenario().ukraine.enabled)
    b.error("temporary protection for Ukrainians is not enabled in this scenario (ukraine:)");
  p->activation_share = r.number(b.child("activation_share"), 0.5, Range::kProbability);
  p->transition_status =
      b.has("transition_status") ? b.child("transition_status").as_bool(false) : false;
  p->transition_activation_share =
      r.number(b.child("transition_activation_share"), 0.1, Range::kProbability);
  return p;
}

}  // namespace

extern const MeasureSchema ukraine_protection_end{
    "ukraine_protection_end",
    {"activation_share", "transition_status", "transition_activation_share"},
    read};

}  // namespace asylumsim::measures::types
