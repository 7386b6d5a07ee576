// doorstroomlocaties: transit places near the final municipality, opened by date; linked
// households move in and, after their stay, on to a regular dwelling.
#include <optional>
#include <utility>
#include <vector>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct Transit final : MeasureEffect {
  std::vector<std::pair<Tick, double>> places;  // places available from each date (cumulative)
  std::optional<engine::Distribution> stay;     // days before moving on to regular housing
  double contribution_eur_per_year = 0;         // state contribution per resident, first year

  void apply(Scenario& s, const Measure& m) const override {
    for (std::size_t i = 0; i < places.size(); ++i) {
      const Tick a = places[i].first;
      const Tick b = i + 1 < places.size() ? places[i + 1].first : m.until;
      add(s.housing.transit_places, a, b, places[i].second);
    }
    const Tick first = places.empty() ? m.from : places.front().first;
    add(s.costs.transit_per_resident_year, first, m.until, contribution_eur_per_year);
    if (stay) set(s.housing.transit_stay, first, m.until, *stay);
  }
  std::string describe(const Scenario& s) const override {
    std::string out = "places added:";
    for (std::size_t i = 0; i < places.size(); ++i)
      out += fmt::format("{} {:g} from {}", i ? ";" : "", places[i].second,
                         engine::format_date(s.calendar().to_date(places[i].first)));
    return out;
  }
  void warn(const MeasureWarner& w) const override {
    w.cost_given("contribution_eur_per_year", "the contribution per resident");
    w.euros("contribution_eur_per_year", contribution_eur_per_year);
  }
};

// The `places` steps: {from, value} in increasing date order.
std::vector<std::pair<Tick, double>> read_places(MeasureReader& r, const YamlView& places) {
  std::vector<std::pair<Tick, double>> out;
  if (!places.defined() || !places.expect_sequence()) return out;
  Tick prev = -1;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const YamlView e = places.element(i);
    if (!e.expect_map({"from", "value"})) continue;
    const Tick t = r.window_date(e.required("from"), false).value_or(0);
    if (t <= prev && i > 0) e.child("from").error("steps must be in increasing date order");
    prev = t;
    out.emplace_back(t, r.number(e.required("value"), 0, Range::kCount));
  }
  return out;
}

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<Transit>();
  p->places = read_places(r, b.required("places"));
  p->stay = r.optional_distribution(b.child("stay"));
  p->contribution_eur_per_year =
      r.number(b.child("contribution_eur_per_year"), 0, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema doorstroomlocaties{
    "doorstroomlocaties", {"places", "stay", "contribution_eur_per_year"}, read};

}  // namespace asylumsim::measures::types
