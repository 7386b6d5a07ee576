// Property test: random scenarios (parameters drawn within their valid ranges) must keep the
// chain's invariants: only permitted stage transitions, conservation, no negative stock, no
// regular location above its capacity (only emergency reception may overflow).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <set>

#include "../support/fixtures.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;
using model::Stage;

namespace {

using Transition = std::pair<Stage, Stage>;

const std::set<Transition>& permitted() {
  static const std::set<Transition> t = {
      // new persons start in registration and are placed by their origin
      {Stage::kRegistration, Stage::kIndWaiting},
      {Stage::kRegistration, Stage::kPermitHolder},
      {Stage::kRegistration, Stage::kNareisAbroad},
      {Stage::kRegistration, Stage::kRejected},
      {Stage::kRegistration, Stage::kLimbo},
      {Stage::kRegistration, Stage::kInAppeal},
      // IND
      {Stage::kIndWaiting, Stage::kIndWaiting},
      {Stage::kIndWaiting, Stage::kPermitHolder},
      {Stage::kIndWaiting, Stage::kInAppeal},
      {Stage::kIndWaiting, Stage::kRejected},
      {Stage::kIndWaiting, Stage::kDeparted},
      {Stage::kIndWaiting, Stage::kHoused},
      // appeals
      {Stage::kInAppeal, Stage::kRejected},
      {Stage::kInAppeal, Stage::kIndWaiting},
      // after a final rejection
      {Stage::kRejected, Stage::kLimbo},
      {Stage::kRejected, Stage::kDeparted},
      {Stage::kRejected, Stage::kPermitHolder},
      {Stage::kRejected, Stage::kIndWaiting},
      {Stage::kLimbo, Stage::kDeparted},
      {Stage::kLimbo, Stage::kPermitHolder},
      {Stage::kLimbo, Stage::kIndWaiting},
      // permit holders and family members
      {Stage::kPermitHolder, Stage::kHoused},
      {Stage::kNareisAbroad, Stage::kPermitHolder},
      {Stage::kNareisAbroad, Stage::kDeparted},
      // leaving with unknown destination and re-registering later
      {Stage::kIndWaiting, Stage::kAway},
      {Stage::kRejected, Stage::kAway},
      {Stage::kLimbo, Stage::kAway},
      {Stage::kAway, Stage::kIndWaiting},
      {Stage::kAway, Stage::kRejected},
  };
  return t;
}

YAML::Node random_scenario(std::uint64_t seed) {
  engine::RandomStream r(seed, 0, "property");
  auto u = [&](double lo, double hi) { return lo + (hi - lo) * r.uniform01(); };
  auto y = test::small_yaml();
  y["scenario"]["seed"] = seed;
  for (const char* g : {"alpha", "beta"}) {
    auto grp = y["groups"][g];
    grp["first_applications_per_year"] = u(0, 20000);
    grp["amv_share"] = u(0, 0.5);
    grp["family_with_minors_share"] = u(0, 1);
    const double d = u(0, 0.5), sc = u(0, 0.3);
    grp["track_share"] = YAML::Load(
        fmt::format("{{dublin: {}, safe_country: {}, aa: {}, va: 0}}", d, sc, 1 - d - sc));
    for (const char* t : {"dublin", "safe_country", "aa", "va"}) grp["grant_rate"][t] = u(0, 1);
    grp["nareis_apply_share"] = u(0, 1);
  }
  for (const char* t : {"dublin", "safe_country", "aa", "va"}) {
    y["ind"]["capacity_per_week"][t] = u(0, 200);
    y["ind"]["abscond_per_year"][t] = u(0, 2);
    y["ind"]["not_in_time_appeal_share"][t] = u(0, 1);
    y["appeals"]["appeal_share"][t] = u(0, 1);
  }
  y["ind"]["va_referral_share"] = u(0, 1);
  y["ind"]["not_in_time_refile_days"] = u(0, 200);
  for (const char* l : {"col", "pol", "azc", "emergency", "tgo", "family_location", "vbl", "nidos"})
    y["reception"]["capacity"][l] = static_cast<int>(u(0, 5000));
  y["registration"]["ter_apel_cap"] = static_cast<int>(u(0, 3000));
  y["housing"]["realisation_per_half_year"] = u(0, 5000);
  y["housing"]["quota_per_half_year"] = u(0, 5000);
  y["housing"]["har_plus_per_month"] = u(0, 300);
  y["housing"]["transit_places"] = static_cast<int>(u(0, 1000));
  y["nareis"]["capacity_per_week"] = u(0, 200);
  y["departure"]["dublin_transfer_success"] = u(0, 1);
  y["reception"]["vbl_share"] = u(0, 1);
  y["reception"]["re_registration"]["absconded_share"] = u(0, 1);
  y["reception"]["re_registration"]["rejected_share"] = u(0, 1);
  y["reception"]["re_registration"]["delay"] =
      YAML::Load(fmt::format("{{dist: exponential, mean: {}}}", u(1, 200)));
  if (r.bernoulli(0.5)) y["housing"]["direct_family_housing_from"] = "2024-06-01";
  if (r.bernoulli(0.5))
    y["ind"]["moratoria"] = YAML::Load("[{group: alpha, from: 2024-03-01, until: 2024-10-01}]");
  return y;
}

}  // namespace

TEST_CASE("random scenarios keep every invariant of the chain", "[model][invariants][property]") {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    INFO("random scenario seed " << seed);
    const auto s = test::scenario_from(random_scenario(seed), fmt::format("random-{}.yaml", seed));
    model::ChainModel m(s, seed);
    std::set<Transition> seen;
    m.observe_transitions([&](model::PersonId, Stage from, Stage to, engine::Tick) {
      seen.insert({from, to});
    });
    REQUIRE_NOTHROW(m.run());  // includes the conservation check
    for (const auto& tr : seen) {
      INFO(model::kStageNames[static_cast<int>(tr.first)]
           << " -> " << model::kStageNames[static_cast<int>(tr.second)]);
      CHECK(permitted().count(tr) == 1);
    }
    const auto& rec = m.recorder();
    for (const auto& name : rec.names(engine::Recorder::Kind::kStock)) {
      // The taakstelling backlog is an account, not a stock of persons: negative = ahead of quota.
      if (name == "housing.backlog") continue;
      const auto id = *rec.find(engine::Recorder::Kind::kStock, name);
      for (int b = 0; b <= rec.months(); ++b) {
        INFO(name << " at boundary " << b);
        REQUIRE(rec.stock_at(id, b) >= 0);
      }
    }
    // Regular location types never hold more than their places (capacity is constant here);
    // emergency reception is the overflow and may.
    for (const char* l : {"col", "pol", "azc", "tgo", "family_location", "vbl", "nidos"}) {
      const auto id = *rec.find(engine::Recorder::Kind::kStock, std::string("coa.occupancy.") + l);
      double cap = s.reception.capacity[0].at(0);
      for (int k = 0; k < scenario::kLocations; ++k)
        if (std::string(scenario::kLocationNames[k]) == l) cap = s.reception.capacity[k].at(0);
      if (std::string(l) == "col") cap = std::min(cap, s.registration.ter_apel_cap.at(0));
      for (int b = 1; b <= rec.months(); ++b) {
        INFO(l << " at boundary " << b);
        CHECK(rec.stock_at(id, b) <= cap);
      }
    }
  }
}
