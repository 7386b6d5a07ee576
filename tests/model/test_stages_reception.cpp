// The rules of COA reception and inflow, checked on the small scenario with the transition observer
// (one file per stage or pair of stages: test_stages_*.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "../support/fixtures.hpp"
#include "../support/model_run.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;
using engine::Tick;
using model::ChainModel;
using model::Stage;
using test::indicator;
using test::RunOnce;

namespace {
// Applicants abscond, and everyone who leaves with unknown destination comes back after 30 days.
YAML::Node everyone_re_registers() {
  auto y = test::small_yaml();
  y["ind"]["abscond_per_year"] = YAML::Load("{dublin: 0.8, safe_country: 0.5, aa: 0.3, va: 0.3}");
  y["reception"]["re_registration"] =
      YAML::Load("{absconded_share: 1.0, rejected_share: 1.0, delay: {dist: fixed, value: 30}}");
  return y;
}
}  // namespace

TEST_CASE("reception ends exactly 4 weeks after a final rejection", "[model][reception]") {
  auto y = test::small_yaml();
  y["reception"]["vbl_share"] = 0.0;
  y["groups"]["alpha"]["family_with_minors_share"] = 0.0;
  y["groups"]["alpha"]["amv_share"] = 0.0;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  std::map<model::PersonId, Tick> rejected_at;
  int checked = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick t) {
    const auto& p = m.persons()[id];
    // Initial-state rejections are already part-way through their four weeks; persons without
    // a COA place (Ukrainians, limbo) have no reception to end.
    if (p.origin == model::Origin::kInitial) return;
    if (to == Stage::kRejected && p.location != model::kNoLocation) rejected_at[id] = t;
    if (from == Stage::kRejected && to == Stage::kLimbo && rejected_at.count(id)) {
      REQUIRE(rejected_at.count(id) == 1);
      REQUIRE(t - rejected_at[id] == engine::days(28));
      ++checked;
    }
  });
  m.run();
  CHECK(checked > 100);
}

TEST_CASE("families with minors keep reception after rejection", "[model][reception]") {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["family_with_minors_share"] = 1.0;
  y["groups"]["alpha"]["amv_share"] = 0.0;
  y["groups"]["beta"]["family_with_minors_share"] = 1.0;
  y["initial"]["amv_share"] = 0.0;
  const auto s_m = test::scenario_from(y);
  ChainModel m(s_m, 0);
  int to_limbo = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (from == Stage::kRejected && to == Stage::kLimbo &&
        m.persons()[id].origin == model::Origin::kFirst)
      ++to_limbo;
  });
  m.run();
  CHECK(to_limbo == 0);
  CHECK(indicator(m, "coa.occupancy.family_location", "2025-12-31") > 0);
}

TEST_CASE("bed-days equal the time integral of occupancy", "[model][reception]") {
  const RunOnce m(test::small_yaml());
  // A year of bed-days is 366 (2024) times the time-average occupancy; both lie between the
  // smallest and largest month-end occupancy of the year times the days.
  const double bed_days = indicator(m, "coa.bed_days", "2024");
  double lo = 1e18, hi = 0;
  for (int month = 1; month <= 12; ++month) {
    const double v = indicator(m, "coa.occupancy", fmt::format("2024-{:02d}-01", month));
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  CHECK(bed_days >= 0.8 * lo * 366);
  CHECK(bed_days <= 1.2 * hi * 366);
  double by_type = 0;
  for (const char* l : {"col", "pol", "azc", "emergency", "tgo", "family_location", "vbl"})
    by_type += indicator(m, std::string("coa.bed_days.") + l, "2024");
  CHECK(by_type == Approx(bed_days).epsilon(1e-9));
}

TEST_CASE("people who left with unknown destination re-register after the delay",
          "[model][reception]") {
  auto y = everyone_re_registers();
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  std::map<model::PersonId, Tick> left_at;
  std::map<model::PersonId, Stage> left_from;
  int returned = 0, returned_to_ind = 0, returned_rejected = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick t) {
    const auto& p = m.persons()[id];
    if (to == Stage::kAway) {
      left_at[id] = t;
      left_from[id] = from;
      return;
    }
    if (from != Stage::kAway) return;
    REQUIRE(left_at.count(id) == 1);
    CHECK(t - left_at[id] == engine::days(30));
    CHECK(p.location != model::kNoLocation);  // a new reception contract
    ++returned;
    if (left_from[id] == Stage::kIndWaiting) {
      // The procedure resumes; a Dublin claimant's transfer term has passed: AA.
      CHECK(to == Stage::kIndWaiting);
      CHECK(p.track != scenario::kDublin);
      ++returned_to_ind;
    } else if (to == Stage::kRejected) {
      ++returned_rejected;
    }
  });
  m.run();
  CHECK(returned_to_ind > 50);
  CHECK(returned_rejected > 50);
  double re_registered = 0, unsupervised = 0;
  for (const char* year : {"2024", "2025"}) {
    re_registered += indicator(m, "coa.re_registrations", year);
    unsupervised += indicator(m, "departure.chain_unsupervised", year);
  }
  // Everyone who came back was counted once as leaving unsupervised; the counter and the
  // observed transitions agree.
  CHECK(re_registered == returned);
  CHECK(re_registered <= unsupervised);

  auto y_none = test::small_yaml();
  y_none["ind"]["abscond_per_year"] = y["ind"]["abscond_per_year"];
  const RunOnce none(y_none);
  CHECK(indicator(none, "coa.re_registrations", "2024") == 0);
  CHECK(indicator(none, "coa.re_registrations", "2025") == 0);
  // Re-registrations are received by COA like any new reception contract, under their own reason.
  CHECK(indicator(m, "coa.received", "2025") > indicator(none, "coa.received", "2025"));
  CHECK(indicator(m, "coa.received.re_registration", "2025") ==
        indicator(m, "coa.re_registrations", "2025"));
  CHECK(indicator(none, "coa.received.re_registration", "2025") == 0);
}

TEST_CASE("rejected people who come back may re-enter the DTenV caseload outside reception",
          "[model][reception]") {
  auto y = everyone_re_registers();
  const RunOnce at_coa(y);
  y["reception"]["re_registration"]["outside_reception_share"] = 1.0;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int back_outside = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (from != Stage::kAway) return;
    const auto& p = m.persons()[id];
    if (to == Stage::kLimbo) {
      CHECK(p.location == model::kNoLocation);  // no reception contract
      ++back_outside;
    } else {
      CHECK(to != Stage::kRejected);  // every rejected return is outside reception
    }
  });
  m.run();
  CHECK(back_outside > 50);
  double outside = 0, inflow = 0, inflow_at_coa = 0, received = 0, received_at_coa = 0;
  for (const char* year : {"2024", "2025"}) {
    outside += indicator(m, "departure.reentries_outside_reception", year);
    inflow += indicator(m, "departure.dtenv_inflow", year);
    inflow_at_coa += indicator(at_coa, "departure.dtenv_inflow", year);
    received += indicator(m, "coa.received.re_registration", year);
    received_at_coa += indicator(at_coa, "coa.received.re_registration", year);
    CHECK(indicator(at_coa, "departure.reentries_outside_reception", year) == 0);
  }
  CHECK(outside == back_outside);
  // They still enter the DTenV caseload, but COA receives only those back in the procedure.
  CHECK(inflow == Approx(inflow_at_coa).epsilon(0.1));
  CHECK(received + outside == Approx(received_at_coa).epsilon(0.1));
  CHECK(received < received_at_coa - 0.8 * outside);
}

TEST_CASE("coa.received is the sum of its parts by reason", "[model][reception]") {
  auto y = test::small_yaml();
  y["ind"]["abscond_per_year"] = YAML::Load("{dublin: 1.0, safe_country: 0.5, aa: 0.2, va: 0.2}");
  y["inflow"]["article8_family_per_year"] = 500;
  const RunOnce m(y);
  for (const char* year : {"2024", "2025"}) {
    double parts = 0;
    for (const char* from : model::kIntakeNames)
      parts += indicator(m, fmt::format("coa.received.{}", from), year);
    CHECK(parts == indicator(m, "coa.received", year));
    // Registration counts every applicant who reports; family members arriving have their part.
    CHECK(indicator(m, "coa.received.registration", year) >=
          indicator(m, "inflow.first_applications", year) +
              indicator(m, "inflow.repeat_applications", year));
    CHECK(indicator(m, "coa.received.nareis", year) ==
          indicator(m, "inflow.family_arrivals", year));
    CHECK(indicator(m, "coa.received.article8", year) ==
          indicator(m, "inflow.article8_family", year));
  }
}

TEST_CASE("art. 8 family members are received by COA and housed, outside the asylum permits",
          "[model][inflow]") {
  auto y = test::small_yaml();
  const RunOnce base(y);
  y["inflow"]["article8_family_per_year"] = 3000;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int received_as_permit_holders = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    const auto& p = m.persons()[id];
    if (from == Stage::kRegistration && to == Stage::kPermitHolder &&
        p.origin == model::Origin::kNareis && p.head == id && p.location == model::kNoLocation)
      ++received_as_permit_holders;  // the transition comes just before the COA place
  });
  m.run();
  const double arrivals = indicator(m, "inflow.article8_family", "2025");
  CHECK(arrivals == Approx(3000).margin(5 * std::sqrt(3000.0)));  // Poisson
  CHECK(received_as_permit_holders > 5000);
  // Their own random stream: the asylum procedure is unchanged (common random numbers), while
  // COA receives them and they wait to be housed. (Asylum permits may differ a little: family
  // members whose referent is still in COA join them, and housing them takes turns.)
  CHECK(indicator(m, "ind.grants_first", "2025") == indicator(base, "ind.grants_first", "2025"));
  CHECK(indicator(m, "permits.total", "2025") ==
        Approx(indicator(base, "permits.total", "2025")).epsilon(0.02));
  CHECK(indicator(m, "inflow.first_applications", "2025") ==
        indicator(base, "inflow.first_applications", "2025"));
  CHECK(indicator(m, "coa.received", "2025") >= indicator(base, "coa.received", "2025") + arrivals);
  CHECK(indicator(m, "coa.permit_holders", "2025-12-31") >
        indicator(base, "coa.permit_holders", "2025-12-31"));
}

TEST_CASE("unaccompanied minors come of age and are no longer counted as amv",
          "[model][reception]") {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["amv_share"] = 0.3;
  y["initial"]["amv_share"] = 0.2;
  const RunOnce never(y);
  y["reception"]["amv_time_to_adulthood"] = YAML::Load("{dist: fixed, value: 100}");
  const RunOnce adult(y);
  CHECK(indicator(adult, "coa.amv", "2025-12-31") <
        0.5 * indicator(never, "coa.amv", "2025-12-31"));
  // Exactly 100 days after arrival (or after the start, for the initial stocks) nobody is a minor.
  const Tick end = adult.s.horizon_ticks();
  for (const auto& p : adult.m.persons()) {
    if (!(p.flags & model::flag::kAmv)) continue;
    REQUIRE(p.origin == model::Origin::kFirst);
    REQUIRE(end - p.applied < engine::days(101));
  }
}
