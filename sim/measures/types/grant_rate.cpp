// grant_rate: a country-policy change, a new grant rate for a group (or all) in every track (or
// one) inside the window.
#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct GrantRate final : MeasureEffect {
  int group = -1;  // -1: every group
  int track = -1;  // -1: every track
  double grant_rate = 0;

  void apply(Scenario& s, const Measure& m) const override {
    for_groups(s, group, [&](scenario::GroupParams& g) {
      for (int t = 0; t < scenario::kTracks; ++t)
        if (track < 0 || t == track)
          set(g.grant_rate[static_cast<std::size_t>(t)], m.from, m.until, grant_rate);
    });
  }
  std::string describe(const Scenario& s) const override {
    return fmt::format(
        "grant rate {:g} for {}{}", grant_rate, group_name(s, group),
        track < 0 ? ""
                  : fmt::format(" in {}", scenario::kTrackNames[static_cast<std::size_t>(track)]));
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure&) {
  auto p = std::make_shared<GrantRate>();
  p->group = r.optional_group(b);
  p->track = r.optional_track(b);
  p->grant_rate = r.number(b.required("grant_rate"), 0, Range::kProbability);
  return p;
}

}  // namespace

extern const MeasureSchema grant_rate{"grant_rate", {"group", "track", "grant_rate"}, read};

}  // namespace asylumsim::measures::types
