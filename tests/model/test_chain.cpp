// Whole-chain properties: conservation, determinism, every documented figure computable.
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/model/chain_model.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/output/writers.hpp"

using namespace asylumsim;

namespace asylumsim::model {
// Breaks one count a stage keeps by hand, as a slip in a stage would.
struct ModelTestAccess {
  static void miscount_stage(ChainModel& m) {
    ++m.k_.stage_count[static_cast<int>(Stage::kHoused)];
  }
  static void miscount_ind_backlog(ChainModel& m) { ++m.ind_.waiting_[scenario::kAA]; }
  static void miscount_permit_holders_in_coa(ChainModel& m) {
    m.k_.rec.stock_add(m.k_.m.coa_permit_holders, m.k_.now(), 1);
  }
  static void miscount_limbo(ChainModel& m) { m.k_.rec.stock_add(m.k_.m.limbo, m.k_.now(), -1); }
  static void miscount_municipal(ChainModel& m) { ++m.ukraine_.activated_in_municipal_; }
};
}  // namespace asylumsim::model

TEST_CASE("conservation holds at the end of a run and a broken count is caught",
          "[model][invariants]") {
  const auto s = test::scenario_from(test::small_yaml());
  using Access = model::ModelTestAccess;
  const std::pair<void (*)(model::ChainModel&), const char*> slips[] = {
      {Access::miscount_stage, "stage housed"},
      {Access::miscount_ind_backlog, "IND backlog aa"},
      {Access::miscount_permit_holders_in_coa, "permit holders in COA"},
      {Access::miscount_limbo, "limbo"},
      {Access::miscount_municipal, "municipal reception"}};
  for (const auto& [slip, message] : slips) {
    model::ChainModel m(s, 3);
    REQUIRE_NOTHROW(m.run());
    std::uint64_t total = 0;
    for (const auto& p : m.persons()) total += p.stage < model::Stage::kCount ? 1 : 0;
    CHECK(total == m.persons().size());
    slip(m);
    CHECK_THROWS_WITH(m.check_conservation(),
                      Catch::Contains("conservation violated") && Catch::Contains(message));
  }
}

TEST_CASE("same seed gives identical series and another seed differs", "[model][determinism]") {
  const auto s = test::scenario_from(test::small_yaml());
  const auto grid = montecarlo::default_grid(s);
  montecarlo::BatchOptions o;
  o.replications = 3;
  o.threads = 1;
  const std::string a = output::series_csv(montecarlo::run_batch(s, grid, o));
  o.threads = 3;
  const std::string b = output::series_csv(montecarlo::run_batch(s, grid, o));
  CHECK(a == b);
  auto s2 = s;
  s2.seed = 8;
  o.threads = 1;
  CHECK(output::series_csv(montecarlo::run_batch(s2, grid, o)) != a);
}

TEST_CASE("every documented target id is computable for its period or date", "[model][metrics]") {
  const auto targets =
      indicators::load_targets(test::source_path("tests/data/targets-2024-2025.yaml"));
  auto y = test::small_yaml();
  y["scenario"]["end"] = "2026-12-31";  // targets reach 2026-01-01
  const auto s = test::scenario_from(y);
  model::ChainModel m(s, 0);
  m.run();
  REQUIRE(targets.size() > 90);
  for (const auto& t : targets) {
    std::string err;
    auto v = indicators::evaluate(m.recorder(), s.calendar(), *t.indicator, t.when, &err);
    INFO(t.id << " @ " << t.when.label() << ": " << err);
    CHECK(v.has_value());
  }
}

TEST_CASE("indicator evaluation rejects a date for a flow and a mid-month date",
          "[model][metrics]") {
  const auto s = test::scenario_from(test::small_yaml());
  model::ChainModel m(s, 0);
  m.run();
  std::string err;
  indicators::When w;
  w.date = engine::parse_date("2024-12-31");
  CHECK_FALSE(indicators::evaluate(m.recorder(), s.calendar(),
                                   *indicators::find_indicator("ind.decisions_first"), w, &err));
  CHECK_THAT(err, Catch::Contains("needs a period"));
  w.date = engine::parse_date("2024-12-15");
  CHECK_FALSE(indicators::evaluate(m.recorder(), s.calendar(),
                                   *indicators::find_indicator("coa.occupancy"), w, &err));
  CHECK_THAT(err, Catch::Contains("month boundaries"));
  w.date = engine::parse_date("2027-12-31");
  CHECK_FALSE(indicators::evaluate(m.recorder(), s.calendar(),
                                   *indicators::find_indicator("coa.occupancy"), w, &err));
  CHECK_THAT(err, Catch::Contains("outside the simulated horizon"));
}

TEST_CASE("the shipped baseline loads and starts with the documented COA occupancy",
          "[model][baseline]") {
  auto s = measures::load_scenario(test::source_path("scenarios/nl-baseline.yaml"));
  CHECK(s.name == "nl-baseline");
  CHECK(engine::format_date(s.start) == "2024-01-01");
  CHECK(engine::format_date(s.end) == "2030-12-31");
  s.end = *engine::parse_date("2024-01-31");  // one month is enough for the start state
  model::ChainModel m(s, 0);
  m.run();
  const double start = m.recorder().stock_at(m.metrics().coa_occupancy, 0);
  CHECK(start == Approx(64480).epsilon(0.01));  // 72,500 - 52,300 + 44,280
}
