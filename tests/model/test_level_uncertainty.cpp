// Drifting policy and behaviour levels (issue 26): the walk has the history's spread, moves each
// level on its own scale from its start only, and draws from streams of its own.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "../support/fixtures.hpp"
#include "asylumsim/calibration/uncertainty.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/model/chain_model.hpp"
#include "asylumsim/model/inflow_uncertainty.hpp"
#include "asylumsim/model/level_uncertainty.hpp"

using namespace asylumsim;

namespace {

scenario::Scenario small_with(const std::string& block) {
  auto y = test::small_yaml();
  y["uncertainty"] = YAML::Load(block);
  return test::scenario_from(y);
}

engine::Tick tick_of(const scenario::Scenario& s, const char* date) {
  return s.calendar().to_tick(*engine::parse_date(date));
}

}  // namespace

TEST_CASE("a level's random walk has the spread it is given, and no trend",
          "[uncertainty][levels]") {
  const auto family = model::read_yearly_counts(
      test::source_path("tests/data/history-family-arrivals-year.csv"), 2015);
  REQUIRE(family.size() >= 10);
  const model::InflowEstimate e = model::estimate_inflow_model(family);
  const auto baseline = measures::load_scenario(test::source_path("scenarios/nl-baseline.yaml"));
  CHECK(baseline.level_uncertainty.active());
  CHECK(baseline.level_uncertainty.from == baseline.inflow_uncertainty.from);

  // Simulated yearly changes of a level have that spread (times scale), and no trend.
  scenario::LevelUncertainty u{true, {}, 0.5, e.sigma};
  double sum = 0, ss = 0, n = 0;
  for (std::uint64_t rep = 0; rep < 4000; ++rep) {
    const auto walk = model::draw_level_walk(u, "ind.capacity_per_week", 4, 5, rep);
    for (std::size_t k = 0; k < walk.size(); ++k) {
      const double change = walk[k] - (k ? walk[k - 1] : 0.0);
      sum += change;
      ss += change * change;
      n += 1;
    }
  }
  CHECK(sum / n == Approx(0).margin(0.01));
  CHECK(std::sqrt(ss / n) == Approx(0.5 * e.sigma).epsilon(0.03));
}

TEST_CASE(
    "a level moves from the start of the future on: counts on the log scale, shares on "
    "the log-odds scale",
    "[uncertainty][levels]") {
  // From mid-2024, so the second year of the walk (from 2025-07-01) is inside the horizon too.
  const auto s = small_with("{levels: {from: 2024-07-01, sigma: 0.5}}");
  REQUIRE(s.level_uncertainty.active());
  const engine::Tick before = tick_of(s, "2024-06-01"), after = tick_of(s, "2025-09-01");
  for (std::uint64_t rep = 0; rep < 50; ++rep) {
    scenario::Scenario r = s;
    model::apply_level_drift(r, s.seed, rep);
    // 2025-09-01 lies in the walk's second year: its cumulative change after two steps.
    const auto capacity =
        model::draw_level_walk(s.level_uncertainty, "ind.capacity_per_week", 2, s.seed, rep)[1];
    const auto grant =
        model::draw_level_walk(s.level_uncertainty, "groups.alpha.grant_rate", 2, s.seed, rep)[1];
    for (int t = 0; t < scenario::kTracks; ++t) {
      const auto i = static_cast<std::size_t>(t);
      CHECK(r.ind.capacity_per_week[i].at(before) == s.ind.capacity_per_week[i].at(before));
      CHECK(r.ind.capacity_per_week[i].at(after) ==
            Approx(s.ind.capacity_per_week[i].at(after) * std::exp(capacity)));
      const double p0 = s.groups[0].grant_rate[i].at(after),
                   p = r.groups[0].grant_rate[i].at(after);
      CHECK(r.groups[0].grant_rate[i].at(before) == s.groups[0].grant_rate[i].at(before));
      if (p0 == 0) {
        CHECK(p == 0);  // a share of exactly 0 (no Dublin grants) stays 0
      } else {
        CHECK(p > 0);
        CHECK(p < 1);
        CHECK(std::log(p / (1 - p)) - std::log(p0 / (1 - p0)) == Approx(grant).margin(1e-9));
      }
    }
  }
  CHECK(model::shift_level(1.0, 2.0, model::LevelScale::kLogOdds) == 1.0);
  // The taakstelling walk moves the stated quota and the fixed realisation together; the share
  // of the task realised moves on its own walk, on the log-odds scale.
  auto y = test::small_yaml();
  y["uncertainty"] = YAML::Load("{levels: {from: 2024-07-01, sigma: 0.5}}");
  y["housing"]["realisation_share_of_obligation"] = 0.3;
  const scenario::Scenario with_share = test::scenario_from(y);
  scenario::Scenario r = with_share;
  model::apply_level_drift(r, s.seed, 7);
  const double housing =
      model::draw_level_walk(s.level_uncertainty, "housing.taakstelling", 2, s.seed, 7)[1];
  const double performance = model::draw_level_walk(
      s.level_uncertainty, "housing.realisation_share_of_obligation", 2, s.seed, 7)[1];
  CHECK(r.housing.realisation_share_of_obligation.at(after) ==
        Approx(model::shift_level(0.3, performance, model::LevelScale::kLogOdds)));
  CHECK(r.housing.realisation_per_half_year.at(after) ==
        Approx(s.housing.realisation_per_half_year.at(after) * std::exp(housing)));
  CHECK(r.housing.quota_per_half_year.at(after) ==
        Approx(s.housing.quota_per_half_year.at(after) * std::exp(housing)));
  CHECK_FALSE(
      small_with("{levels: {from: 2025-01-01, sigma: 0.5, scale: 0}}").level_uncertainty.active());
}

TEST_CASE("mean-centred count levels keep their expected value; shares stay on their median",
          "[uncertainty][levels]") {
  const auto s = small_with("{levels: {from: 2024-07-01, sigma: 0.5, centre: mean}}");
  const engine::Tick after = tick_of(s, "2025-09-01");
  double capacity = 0, grant_log_odds = 0;
  const int reps = 4000;
  for (int rep = 0; rep < reps; ++rep) {
    scenario::Scenario r = s;
    model::apply_level_drift(r, s.seed, static_cast<std::uint64_t>(rep));
    capacity += r.ind.capacity_per_week[2].at(after) / s.ind.capacity_per_week[2].at(after);
    const double p = r.groups[0].grant_rate[2].at(after), p0 = s.groups[0].grant_rate[2].at(after);
    grant_log_odds += std::log(p / (1 - p)) - std::log(p0 / (1 - p0));
  }
  CHECK(capacity / reps == Approx(1).margin(0.04));        // two years: var 0.5, mean kept
  CHECK(grant_log_odds / reps == Approx(0).margin(0.04));  // no shift on the log-odds scale
}

TEST_CASE("mean-centred pulled-back walks keep the expected level of a count and the inflow",
          "[uncertainty][levels][reversion]") {
  const auto s = small_with(
      "{levels: {from: 2024-07-01, sigma: 0.6, reversion: 0.5, centre: mean}, "
      "inflow: {from: 2024-01-01, sigma: 0.6, reversion: 0.5, centre: mean}}");
  const engine::Tick after = tick_of(s, "2025-09-01");
  double capacity = 0, log_capacity = 0;
  std::vector<double> inflow(2, 0.0);
  const int reps = 6000;
  for (int rep = 0; rep < reps; ++rep) {
    scenario::Scenario r = s;
    model::apply_level_drift(r, s.seed, static_cast<std::uint64_t>(rep));
    const double f = r.ind.capacity_per_week[2].at(after) / s.ind.capacity_per_week[2].at(after);
    capacity += f;
    log_capacity += std::log(f);
    const auto m = model::draw_inflow_multipliers(s, s.seed, static_cast<std::uint64_t>(rep));
    for (std::size_t k = 0; k < 2; ++k) inflow[k] += m[0][k];
  }
  CHECK(capacity / reps == Approx(1).margin(0.04));
  // The shift is half the pulled-back variance after two years, 0.36 x 1.5 = 0.54, not a walk's.
  CHECK(log_capacity / reps == Approx(-0.5 * 0.54).margin(0.03));
  for (double x : inflow) CHECK(x / reps == Approx(1).margin(0.04));
}

TEST_CASE("level walks come from their own streams, keyed by the level's name",
          "[uncertainty][levels][rng]") {
  const auto s = small_with("{levels: {from: 2025-01-01, sigma: 0.5}}");
  // A walk depends on its level's name only: no other level or source shifts it.
  const auto a = model::draw_level_walk(s.level_uncertainty, "groups.alpha.grant_rate", 2, 9, 1);
  const auto b = model::draw_level_walk(s.level_uncertainty, "groups.beta.grant_rate", 2, 9, 1);
  CHECK(a != b);
  CHECK(a == model::draw_level_walk(s.level_uncertainty, "groups.alpha.grant_rate", 2, 9, 1));
  // Through the batch's draws: switching the inflow source on leaves every level where it was.
  auto yaml = test::small_yaml();
  yaml["uncertainty"] = YAML::Load(
      "{inflow: {from: 2025-01-01, sigma: 0.4}, levels: {from: 2025-01-01, sigma: 0.5}}");
  const std::string text = test::emit(yaml);
  auto levels_only = test::scenario_from(yaml), both = levels_only;
  calibration::attach_uncertainty_text(levels_only, text, "small.yaml", {false, false, true});
  calibration::attach_uncertainty_text(both, text, "small.yaml", {false, true, true});
  const engine::Tick later = tick_of(s, "2025-06-01");
  for (std::uint64_t rep : {0u, 5u}) {
    const auto a1 = levels_only.draws->scenario_for(levels_only, rep);
    const auto b1 = both.draws->scenario_for(both, rep);
    CHECK(a1.ind.capacity_per_week[2].at(later) == b1.ind.capacity_per_week[2].at(later));
    CHECK(a1.groups[1].grant_rate[3].at(later) == b1.groups[1].grant_rate[3].at(later));
    CHECK(a1.ind.capacity_per_week[2].at(later) != s.ind.capacity_per_week[2].at(later));
  }
  // The whole chain before the future starts is the same person for person.
  const auto plain = test::scenario_from(test::small_yaml());
  auto drifted = s;
  model::apply_level_drift(drifted, s.seed, 3);
  model::ChainModel x(plain, 3), y(drifted, 3);
  x.run();
  y.run();
  const engine::Tick from = tick_of(s, "2025-01-01");
  std::size_t compared = 0;
  for (std::size_t i = 0; i < std::min(x.persons().size(), y.persons().size()); ++i) {
    const auto &p = x.persons()[i], &q = y.persons()[i];
    if (p.applied >= from || q.applied >= from) break;
    CHECK(p.applied == q.applied);
    CHECK(p.group == q.group);
    ++compared;
  }
  CHECK(compared > 1000);
}

TEST_CASE("a bad levels block is an error at its key", "[uncertainty][levels][scenario]") {
  auto y = test::small_yaml();
  y["uncertainty"] = YAML::Load("{levels: {from: 2031-01-01, sigma: -1}}");
  const std::string e = test::error_of(test::emit(y));
  CHECK(e.find("uncertainty.levels.from") != std::string::npos);
  CHECK(e.find("uncertainty.levels.sigma") != std::string::npos);
  y["uncertainty"] = YAML::Load("{levels: {from: 2025-01-01}}");
  CHECK(test::error_of(test::emit(y)).find("uncertainty.levels.sigma") != std::string::npos);
  y["uncertainty"] = YAML::Load("{levels: {from: 2025-01-01, sigma: 0.4, drift: 1}}");
  CHECK(test::error_of(test::emit(y)).find("drift") != std::string::npos);
}
