// Defects that once biased results without an error (issue 22), each pinned by a property that
// fails on the faulty mechanism: the horizon's last day, common random numbers across measures,
// and the census on the start date.
#include <catch2/catch.hpp>
#include <vector>

#include "../support/fixtures.hpp"
#include "asylumsim/measures/apply.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;

namespace {

double counter_total(const engine::Recorder& r, const char* name) {
  const auto id = *r.find(engine::Recorder::Kind::kCounter, name);
  return r.counter_sum(id, 0, r.months());
}

// Every monthly value of every metric in months [0, months).
std::vector<double> monthly_values(const engine::Recorder& r, int months) {
  using Kind = engine::Recorder::Kind;
  std::vector<double> v;
  for (const auto& n : r.names(Kind::kCounter))
    for (int m = 0; m < months; ++m)
      v.push_back(r.counter_sum(*r.find(Kind::kCounter, n), m, m + 1));
  for (const auto& n : r.names(Kind::kStock))
    for (int b = 0; b <= months; ++b) v.push_back(r.stock_at(*r.find(Kind::kStock, n), b));
  return v;
}

// The arrival ticks of the persons of one origin (and group, unless -1), in order.
std::vector<engine::Tick> arrivals(const model::ChainModel& m, model::Origin o, int group = -1) {
  std::vector<engine::Tick> t;
  for (const auto& p : m.persons())
    if (p.origin == o && (group < 0 || p.group == group)) t.push_back(p.applied);
  return t;
}

scenario::Scenario with_measure(const std::string& block) {
  auto y = test::small_yaml();
  y["measures"]["m"] = YAML::Load(block);
  return test::scenario_from(y);
}

}  // namespace

TEST_CASE("the run ends with the horizon's last day: no day after it is booked",
          "[model][correctness]") {
  // A measure over the whole horizon that costs exactly 1 EUR a day.
  const auto s = with_measure(
      "{type: logeerregeling, from: 2024-01-01, share: 0, cost_eur_per_month: 30.4375}");
  model::ChainModel m(s, 0);
  m.run();
  // 2024-01-01 to 2025-12-31: 731 days. The daily cycle at the horizon tick once added a 732nd.
  CHECK(counter_total(m.recorder(), "cost.measures") == Approx(731.0).epsilon(1e-12));
}

TEST_CASE("an inflow shock on one group leaves every other arrival process draw for draw alone",
          "[model][correctness][crn]") {
  const auto base = test::scenario_from(test::small_yaml());
  const auto shocked =
      with_measure("{type: inflow_shock, group: beta, from: 2025-01-01, factor: 1.5}");
  model::ChainModel a(base, 0), b(shocked, 0);
  a.run();
  b.run();
  CHECK(arrivals(a, model::Origin::kFirst, 0) == arrivals(b, model::Origin::kFirst, 0));
  CHECK(arrivals(a, model::Origin::kRepeat) == arrivals(b, model::Origin::kRepeat));
  CHECK(arrivals(a, model::Origin::kResettlement) == arrivals(b, model::Origin::kResettlement));
  CHECK(arrivals(a, model::Origin::kFirst, 1) != arrivals(b, model::Origin::kFirst, 1));
  // Before the shock's start, every metric is the same.
  CHECK(monthly_values(a.recorder(), 12) == monthly_values(b.recorder(), 12));
  CHECK(monthly_values(a.recorder(), 24) != monthly_values(b.recorder(), 24));
}

TEST_CASE("the logeerregeling draws on its own stream: link delays and housing stay the same",
          "[model][correctness][crn]") {
  const auto base = test::scenario_from(test::small_yaml());
  const auto logeer = with_measure("{type: logeerregeling, from: 2024-07-01, share: 0.5}");
  model::ChainModel a(base, 1), b(logeer, 1);
  a.run();
  b.run();
  // A household staying with hosts keeps its place in the housing line, so with link delays
  // drawn apart from the logeerregeling the same households are housed in the same months.
  const auto realised = *a.recorder().find(engine::Recorder::Kind::kCounter, "housing.realised");
  for (int month = 0; month < a.recorder().months(); ++month)
    CHECK(a.recorder().counter_sum(realised, month, month + 1) ==
          b.recorder().counter_sum(realised, month, month + 1));
  CHECK(counter_total(b.recorder(), "housing.logeer_placements") > 0);
}

TEST_CASE("the census is taken on the start date, after the start state is laid",
          "[model][correctness]") {
  const auto s = measures::load_scenario(test::source_path("scenarios/nl-baseline.yaml"));
  model::ChainModel m(s, 0);
  m.run(s.calendar().to_tick(s.calendar().month_first_day(1)));
  const auto& r = m.recorder();
  auto at_start = [&](const char* name) {
    return r.stock_at(*r.find(engine::Recorder::Kind::kStock, name), 0);
  };
  const double holders = at_start("coa.permit_holders");
  REQUIRE(holders > 10000);
  double by_since = 0;
  for (const char* k : {"coa.ph_since_permit.lt15w", "coa.ph_since_permit.15w_6m",
                        "coa.ph_since_permit.6m_1y", "coa.ph_since_permit.gt1y"})
    by_since += at_start(k);
  CHECK(by_since == Approx(holders));
  CHECK(at_start("welfare.permit_holder_share") > 0.1);
}
