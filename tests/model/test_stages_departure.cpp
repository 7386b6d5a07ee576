// The rules of departure (the DTenV caseload), checked on the small scenario with the transition
// observer (one file per stage or pair of stages: test_stages_*.cpp).
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
// The small scenario in which no Dublin transfer succeeds and every DTenV case takes one of
// `routes`, run to the end, counting the cases that go from the caseload back to the IND queue
// (the transfer term ended: the Netherlands decides in AA).
struct FailedTransfers {
  scenario::Scenario s;
  ChainModel m;
  int returned_to_ind = 0;
  FailedTransfers(YAML::Node y, const YAML::Node& routes)
      : s(with_failed_transfers(std::move(y), routes)), m(s, 0) {
    m.observe_transitions([&](model::PersonId, Stage from, Stage to, Tick) {
      returned_to_ind +=
          (from == Stage::kRejected || from == Stage::kLimbo) && to == Stage::kIndWaiting;
    });
    m.run();
  }
  static scenario::Scenario with_failed_transfers(YAML::Node y, const YAML::Node& routes) {
    y["departure"]["dublin_transfer_success"] = 0.0;
    y["departure"]["routes"] = routes;
    return test::scenario_from(y);
  }
  operator const ChainModel&() const { return m; }
};

}  // namespace

TEST_CASE("a failed Dublin transfer sends the case to the AA track after the term",
          "[model][departure]") {
  auto y = test::small_yaml();
  y["departure"]["dublin_transfer_success"] = 0.0;
  for (auto kv : y["departure"]["routes"])
    kv.second["duration"] = YAML::Load("{dist: fixed, value: 400}");
  y["departure"]["routes"]["no_departure"] = YAML::Load("{share: 0.10}");
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int reentered = 0;
  std::map<model::PersonId, int> track_at_rejection;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (to == Stage::kRejected) track_at_rejection[id] = m.persons()[id].track;
    if ((from == Stage::kRejected || from == Stage::kLimbo) && to == Stage::kIndWaiting) {
      CHECK(track_at_rejection[id] == scenario::kDublin);  // only failed Dublin transfers return
      ++reentered;
    }
  });
  m.run();
  CHECK(reentered > 10);
}

TEST_CASE("voluntary-return support raises voluntary departures of its group",
          "[model][departure]") {
  auto y = test::small_yaml();
  const RunOnce base(y);
  y["groups"]["alpha"]["voluntary_departure_factor"] = 3.0;
  const RunOnce m(y);
  CHECK(indicator(m, "departure.dtenv_voluntary", "2025") >
        1.5 * indicator(base, "departure.dtenv_voluntary", "2025"));
}

TEST_CASE("forced removal needs a travel document and a detention place", "[model][departure]") {
  auto y = test::small_yaml();
  y["departure"]["travel_document_share"] = 0.0;
  y["departure"]["dublin_transfer_success"] = 0.0;
  const RunOnce m(y);
  CHECK(indicator(m, "departure.route.forced_origin", "2025") == 0);  // no papers, no removal
  CHECK(indicator(m, "departure.route.forced_dublin", "2025") > 0);   // Dublin transfers need none

  auto y2 = test::small_yaml();
  y2["departure"]["detention_places"] = 5;
  y2["departure"]["detention"] = 30;
  const RunOnce limited(y2);
  // Five places held 30 days each remove at most 5 * 366 / 30 = 61 persons a year.
  CHECK(indicator(limited, "departure.chain_forced", "2024") <= 62);
  CHECK(indicator(limited, "departure.detention_inflow", "2024") <= 66);
  const RunOnce free_places(test::small_yaml());
  CHECK(indicator(free_places, "departure.chain_forced", "2024") > 100);
}

TEST_CASE("the caseload outside the asylum chain adds its departures to the chain-wide routes",
          "[model][departure]") {
  auto y = test::small_yaml();
  const RunOnce base(y);
  // 60 days to departure on average; started at its equilibrium (entries x 60 / 365.25).
  YAML::Node n;
  n["caseload_at_start"] = 1150;
  n["mean_days_to_depart"] = 60;
  n["entries_per_year"]["forced"] = 3000;
  n["entries_per_year"]["independent"] = 2000;
  n["entries_per_year"]["unsupervised"] = 2000;
  y["departure"]["non_asylum"] = n;
  const RunOnce m(y);
  const std::pair<const char*, double> routes[] = {
      {"forced", 3000}, {"independent", 2000}, {"unsupervised", 2000}};
  for (const auto& [route, entries] : routes) {
    INFO(route);
    const double departed = indicator(m, fmt::format("departure.non_asylum.{}", route), "2025");
    // In equilibrium a year's departures equal a year's entries: Poisson entries, binomial exits.
    CHECK(departed == Approx(entries).margin(5 * std::sqrt(entries)));
    // Its own random stream: the asylum chain's departures are untouched (common random
    // numbers), so the chain-wide figure grows by exactly the caseload's departures.
    const std::string chain = fmt::format("departure.chain_{}", route);
    CHECK(indicator(m, chain, "2025") == Approx(indicator(base, chain, "2025") + departed));
  }
  CHECK(indicator(m, "departure.dtenv_outflow_total", "2025") ==
        indicator(base, "departure.dtenv_outflow_total", "2025"));
  const double caseload = indicator(m, "departure.non_asylum.caseload", "2025-12-31");
  CHECK(caseload == Approx(7000 * 60 / 365.25).margin(5 * std::sqrt(7000 * 60 / 365.25)));
}

TEST_CASE("a Dublin claimant who absconds has the 18-month transfer term", "[model][departure]") {
  // Every failed transfer takes the unsupervised route after 300 days: beyond the 6-month term,
  // within the 18 months that absconding gives.
  auto reentries = [](double absconded_term) {
    auto y = test::small_yaml();
    y["departure"]["dublin_transfer_term_absconded_days"] = absconded_term;
    YAML::Node routes;
    routes["unsupervised"] = YAML::Load("{share: 1.0, duration: {dist: fixed, value: 300}}");
    return FailedTransfers(y, routes).returned_to_ind;
  };
  CHECK(reentries(548) == 0);
  CHECK(reentries(200) > 10);
}

TEST_CASE("the end of the Dublin transfer term closes the DTenV case as administrative outflow",
          "[model][departure]") {
  YAML::Node routes;  // nobody leaves: only the transfer term ends a case
  routes["no_departure"] = YAML::Load("{share: 1.0}");
  const FailedTransfers m(test::small_yaml(), routes);
  const int term_ended = m.returned_to_ind;
  CHECK(term_ended > 10);
  CHECK(indicator(m, "departure.route.administrative", "2024") +
            indicator(m, "departure.route.administrative", "2025") ==
        term_ended);
  CHECK(indicator(m, "departure.dtenv_outflow_total", "2025") ==
        indicator(m, "departure.route.administrative", "2025"));
}

TEST_CASE("the DTenV inflow counts final rejections and returns after re-registration",
          "[model][departure]") {
  auto y = test::small_yaml();
  y["reception"]["re_registration"] =
      YAML::Load("{absconded_share: 0, rejected_share: 1.0, delay: {dist: fixed, value: 30}}");
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int entered = 0;
  m.observe_transitions([&](model::PersonId, Stage from, Stage to, Tick) {
    // A final rejection (from the queue, a court or the Council of State) or a return after
    // leaving with unknown destination; the cases of the initial state are no inflow.
    entered += to == Stage::kRejected &&
               (from == Stage::kIndWaiting || from == Stage::kInAppeal || from == Stage::kAway);
  });
  m.run();
  CHECK(indicator(m, "coa.re_registrations", "2025") > 10);
  CHECK(indicator(m, "departure.dtenv_inflow", "2024") +
            indicator(m, "departure.dtenv_inflow", "2025") ==
        Approx(entered).margin(0.5));
}

TEST_CASE("a route's mean_days sets its pace in calendar time, for cases already on it",
          "[model][departure]") {
  // Every DTenV case leaves unsupervised: almost never in 2024, at a mean of 30 days from 2025.
  auto routes_with = [](const char* timing) {
    auto y = test::small_yaml();
    y["departure"]["dublin_transfer_success"] = 0.0;
    y["departure"]["routes"] = YAML::Node();
    y["departure"]["routes"]["unsupervised"]["share"] = 1.0;
    y["departure"]["routes"]["unsupervised"][timing] =
        std::string(timing) == "mean_days"
            ? YAML::Load("[{from: 2024-01-01, value: 100000}, {from: 2025-01-01, value: 30}]")
            : YAML::Load(
                  "[{from: 2024-01-01, value: {dist: exponential, mean: 100000}},"
                  " {from: 2025-01-01, value: {dist: exponential, mean: 30}}]");
    return y;
  };
  const RunOnce paced(routes_with("mean_days"));
  const RunOnce at_entry(routes_with("duration"));
  const double entered_2024 = indicator(paced, "departure.dtenv_inflow", "2024");
  REQUIRE(entered_2024 > 200);
  for (const ChainModel* m : {&paced.m, &at_entry.m})
    CHECK(indicator(*m, "departure.route.unsupervised", "2024") < 0.02 * entered_2024);
  // The 2024 caseload leaves in the first months of 2025 only when the pace applies to it.
  CHECK(indicator(paced, "departure.route.unsupervised", "2025-Q1") > 0.8 * entered_2024);
  CHECK(indicator(at_entry, "departure.route.unsupervised", "2025-Q1") <
        0.6 * indicator(paced, "departure.route.unsupervised", "2025-Q1"));
}
