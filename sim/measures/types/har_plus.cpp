// har_plus (HAR+): municipalities place permit holders in temporary shelter or shared housing; a
// placement counts for the taakstelling at once; residents move on to regular housing later.
#include <algorithm>
#include <optional>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct HarPlus final : MeasureEffect {
  double places_per_month = 0;      // or derived from a budget: budget / contribution / months
  double contribution_eur = 30000;  // state contribution per placement (38,000 without kitchen)
  std::optional<engine::Distribution> move_on;  // days until moving on to regular housing

  void apply(Scenario& s, const Measure& m) const override {
    add(s.housing.har_plus_per_month, m.from, m.until, places_per_month);
    set(s.costs.har_plus_per_placement, m.from, m.until, contribution_eur);
    if (move_on) set(s.housing.har_plus_move_on, m.from, m.until, *move_on);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("{:g} placements per month, contribution EUR {:g} each", places_per_month,
                       contribution_eur);
  }
  void warn(const MeasureWarner& w) const override {
    w.euros("contribution_eur", contribution_eur);
  }
};

// A budget is spread evenly over the window (up to the horizon) at the contribution.
double places_from_budget(MeasureReader& r, const YamlView& b, const Measure& m,
                          double contribution) {
  const double budget = r.number(b.child("budget_eur"), 0, Range::kNonNegative);
  const Tick end = std::min(m.until, r.scenario().horizon_ticks());
  const double months = engine::days_from_ticks(end - m.from) / (365.25 / 12.0);
  if (contribution <= 0)
    b.child("contribution_eur").error("a budget needs a positive contribution");
  else if (months > 0)
    return budget / contribution / months;
  return 0;
}

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure& m) {
  auto p = std::make_shared<HarPlus>();
  p->contribution_eur = r.number(b.child("contribution_eur"), 30000, Range::kNonNegative);
  p->move_on = r.optional_distribution(b.child("move_on"));
  if (b.has("budget_eur") == b.has("places_per_month"))
    b.error("give either places_per_month or budget_eur");
  else if (b.has("places_per_month"))
    p->places_per_month = r.number(b.child("places_per_month"), 0, Range::kCount);
  else
    p->places_per_month = places_from_budget(r, b, m, p->contribution_eur);
  return p;
}

}  // namespace

extern const MeasureSchema har_plus{
    "har_plus", {"places_per_month", "budget_eur", "contribution_eur", "move_on"}, read};

}  // namespace asylumsim::measures::types
