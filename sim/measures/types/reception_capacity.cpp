// reception_capacity: adds (or, negative, closes) COA places of one location type.
#include <cmath>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct ReceptionCapacity final : MeasureEffect {
  int location = 0;
  double places = 0;  // added (negative: closed)

  void apply(Scenario& s, const Measure& m) const override {
    add(s.reception.capacity[static_cast<std::size_t>(location)], m.from, m.until, places);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("{:+g} places ({})", places,
                       scenario::kLocationNames[static_cast<std::size_t>(location)]);
  }
  // A change larger than the whole stock: most likely a wrong sign or unit.
  void warn(const MeasureWarner& w) const override {
    const auto loc = static_cast<std::size_t>(location);
    const double stock =
        MeasureWarner::before(w.scenario().reception.capacity[loc], w.measure().from, places);
    if (std::abs(places) <= stock) return;
    w.warn("places",
           fmt::format("{} {} places, more than the {} the location type '{}' has when the "
                       "measure starts (a change larger than the whole stock; check the sign and "
                       "the unit)",
                       places < 0 ? "closes" : "adds", MeasureWarner::number_text(std::abs(places)),
                       MeasureWarner::number_text(stock), scenario::kLocationNames[loc]));
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<ReceptionCapacity>();
  p->location = r.location(b.required("location"));
  p->places = r.number(b.required("places"), 0, Range::kAny);
  return p;
}

}  // namespace

extern const MeasureSchema reception_capacity{"reception_capacity", {"location", "places"}, read};

}  // namespace asylumsim::measures::types
