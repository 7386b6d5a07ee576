// inflow_shock: first applications of a group (or all) multiplied inside the window.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

using scenario::kShockHigh;
using scenario::kShockLow;

struct InflowShock final : MeasureEffect {
  int group = -1;  // -1: every group
  double factor = 1;

  void apply(Scenario& s, const Measure& m) const override {
    for_groups(s, group, [&](scenario::GroupParams& g) {
      scale(g.first_applications_per_year, m.from, m.until, factor);
    });
  }
  std::string describe(const Scenario& s) const override {
    return fmt::format("first applications x{:g} for {}", factor, group_name(s, group));
  }
  void warn(const MeasureWarner& w) const override {
    w.factor("factor", factor, kShockLow, kShockHigh, "first applications");
  }
  // Shocks multiply where their windows and groups overlap: warn on the combined factor.
  void warn_together(const MeasureWarner& w) const override {
    const Measure& mine = w.measure();
    for (const Measure& other : w.scenario().measures) {
      if (&other == &mine) return;  // only the blocks before this one
      const auto* a = dynamic_cast<const InflowShock*>(other.params.get());
      if (!a || other.until <= mine.from || mine.until <= other.from) continue;
      if (a->group >= 0 && group >= 0 && a->group != group) continue;
      const double f = a->factor * factor;
      if (f >= kShockLow && f <= kShockHigh) continue;
      const auto num = &MeasureWarner::number_text;
      w.warn("factor",
             fmt::format("together with measure '{}' (factor {}) first applications are "
                         "multiplied by {} where both apply, beyond the plausible x{} "
                         "to x{} (shocks multiply; check both factors)",
                         other.name, num(a->factor), num(f), num(kShockLow), num(kShockHigh)));
    }
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<InflowShock>();
  p->group = r.optional_group(b);
  p->factor = r.number(b.required("factor"), 1, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema inflow_shock{"inflow_shock", {"group", "factor"}, read};

}  // namespace asylumsim::measures::types
