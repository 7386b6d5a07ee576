// large_family_housing: the large-family scheme. Municipalities adapt dwellings for households of
// 6 or more; each adapted dwelling houses the large household that has waited longest, and the
// state pays a contribution per dwelling (more for 10 persons or more). It acts where households
// exist and dwellings have sizes (housing.dwellings): only then do large households wait for one.
#include <algorithm>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct LargeFamilyHousing final : MeasureEffect {
  double dwellings_per_year = 0;
  double contribution_eur = 35000;         // a household of 6-9 persons
  double contribution_eur_10plus = 50000;  // 10 persons or more

  void apply(Scenario& s, const Measure& m) const override {
    add(s.housing.large_family_dwellings_per_year, m.from, m.until, dwellings_per_year);
    set(s.costs.large_family_dwelling, m.from, m.until, contribution_eur);
    set(s.costs.large_family_dwelling_10plus, m.from, m.until, contribution_eur_10plus);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format(
        "{:g} dwellings adapted per year for households of 6 or more, EUR {:g} "
        "({:g} for 10 or more) each",
        dwellings_per_year, contribution_eur, contribution_eur_10plus);
  }
  void warn(const MeasureWarner& w) const override {
    w.euros("contribution_eur", contribution_eur);
    w.euros("contribution_eur_10plus", contribution_eur_10plus);
    const Scenario& s = w.scenario();
    if (std::none_of(s.groups.begin(), s.groups.end(),
                     [](const scenario::GroupParams& g) { return g.household_size.size() >= 6; }))
      w.warn("dwellings_per_year",
             "no group has households of 6 or more (groups.*.household_size): the adapted "
             "dwellings find nobody to house");
    else if (!s.housing.dwelling_bands)
      w.warn("dwellings_per_year",
             "housing.dwellings is not given: every dwelling fits every household, so large "
             "households wait for no adapted dwelling and these find nobody to house");
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<LargeFamilyHousing>();
  p->dwellings_per_year = r.number(b.required("dwellings_per_year"), 0, Range::kCount);
  p->contribution_eur = r.number(b.child("contribution_eur"), 35000, Range::kNonNegative);
  p->contribution_eur_10plus =
      r.number(b.child("contribution_eur_10plus"), 50000, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema large_family_housing{
    "large_family_housing",
    {"dwellings_per_year", "contribution_eur", "contribution_eur_10plus"},
    read};

}  // namespace asylumsim::measures::types
