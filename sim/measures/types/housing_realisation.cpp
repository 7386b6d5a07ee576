// housing_realisation: extra dwellings for permit holders (flex homes, converted offices), added
// to the municipal realisation capacity (housing.realisation_per_half_year) inside the window.
// More homes house linked households sooner only where realisation, not the taakstelling's limit,
// is what holds them in COA.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct HousingRealisation final : MeasureEffect {
  double extra_per_half_year = 0;  // persons housed per half-year, on top of the scenario's

  void apply(Scenario& s, const Measure& m) const override {
    add(s.housing.realisation_per_half_year, m.from, m.until, extra_per_half_year);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("+{:g} permit holders housed per half-year", extra_per_half_year);
  }
  // More than doubling the realisation is more likely a yearly or cumulative figure.
  void warn(const MeasureWarner& w) const override {
    const double before = MeasureWarner::before(w.scenario().housing.realisation_per_half_year,
                                                w.measure().from, extra_per_half_year);
    // A capacity that follows the task (realisation_share_of_obligation) has no fixed size to
    // compare with.
    if (extra_per_half_year <= before || before <= 0) return;
    w.warn("extra_per_half_year",
           fmt::format("adds {} persons housed per half-year, more than the {} municipalities "
                       "realise when the measure starts (did you mean a total over several "
                       "years?)",
                       MeasureWarner::number_text(extra_per_half_year),
                       MeasureWarner::number_text(before)));
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<HousingRealisation>();
  p->extra_per_half_year = r.number(b.required("extra_per_half_year"), 0, Range::kCount);
  return p;
}

}  // namespace

extern const MeasureSchema housing_realisation{
    "housing_realisation", {"extra_per_half_year"}, read};

}  // namespace asylumsim::measures::types
