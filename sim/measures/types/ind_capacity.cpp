// ind_capacity: extra IND decision capacity for a track, reached after a hiring and training lag.
#include <algorithm>
#include <cmath>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

constexpr double kDaysPerMonth = 365.25 / 12.0;

// Extra capacity reached over a hiring and training lag: monthly steps up a linear ramp.
void ramp_add(Schedule& s, Tick from, Tick until, double extra, double lag_days) {
  const int steps = static_cast<int>(std::ceil(lag_days / kDaysPerMonth));
  const Tick month = engine::ticks_from_days(kDaysPerMonth);
  for (int k = 0; k < steps; ++k) {
    const Tick a = from + k * month;
    if (until != kNever && a >= until) return;
    const Tick b = until == kNever ? a + month : std::min(until, a + month);
    add(s, a, b, extra * (k + 0.5) / steps);  // the mean of the linear ramp over the month
  }
  const Tick full = from + steps * month;
  if (until == kNever || full < until) add(s, full, until, extra);
}

struct IndCapacity final : MeasureEffect {
  int track = 0;
  double extra_per_week = 0;
  double lag_days = 0;  // linear ramp-up from 0 to the full extra capacity over this many days

  void apply(Scenario& s, const Measure& m) const override {
    ramp_add(s.ind.capacity_per_week[static_cast<std::size_t>(track)], m.from, m.until,
             extra_per_week, lag_days);
  }
  std::string describe(const Scenario&) const override {
    return fmt::format("+{:g} decisions per week in {} after a {:g}-day ramp-up", extra_per_week,
                       scenario::kTrackNames[static_cast<std::size_t>(track)], lag_days);
  }
  void warn(const MeasureWarner& w) const override {
    w.cost_given("cost_eur_per_month", "the running cost of the extra staff");
    const Measure& m = w.measure();
    const auto t = static_cast<std::size_t>(track);
    const double stock = MeasureWarner::before(w.scenario().ind.capacity_per_week[t], m.from, 0);
    if (extra_per_week <= stock) return;
    w.warn(
        "extra_per_week",
        fmt::format("adds {} decisions a week, more than the track's whole capacity of {} a "
                    "week when the measure starts (did you mean a yearly or monthly figure?)",
                    MeasureWarner::number_text(extra_per_week), MeasureWarner::number_text(stock)));
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<IndCapacity>();
  p->track = r.track(b.required("track"));
  p->extra_per_week = r.number(b.required("extra_per_week"), 0, Range::kCount);
  p->lag_days = r.number(b.child("hiring_lag_days"), 0, Range::kNonNegative);
  return p;
}

}  // namespace

extern const MeasureSchema ind_capacity{
    "ind_capacity", {"track", "extra_per_week", "hiring_lag_days"}, read};

}  // namespace asylumsim::measures::types
