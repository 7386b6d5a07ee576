// Future-inflow uncertainty (issue 26): the fitted model reproduces the history it was fitted on,
// draws from its own streams, and is centred on the scenario's own inflow assumption.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/model/chain_model.hpp"
#include "asylumsim/model/inflow_uncertainty.hpp"

using namespace asylumsim;

namespace {

struct Moments {
  double sd = 0, autocorrelation = 0;
};

// Pooled sd and lag-1 autocorrelation (within paths) of simulated yearly changes.
Moments simulated_moments(const scenario::InflowUncertainty& u, int paths, int years) {
  double ss = 0, lag = 0, n = 0;
  for (int rep = 0; rep < paths; ++rep) {
    const auto d = model::draw_inflow_log_changes(u, years, 11, static_cast<std::uint64_t>(rep));
    for (std::size_t k = 0; k < d.size(); ++k) {
      ss += d[k] * d[k];
      n += 1;
      if (k > 0) lag += d[k] * d[k - 1];
    }
  }
  const double var = ss / n;
  return {std::sqrt(var), lag / (n - paths) / var};
}

scenario::Scenario small_with_inflow_uncertainty(const std::string& block) {
  auto y = test::small_yaml();
  y["uncertainty"] = YAML::Load(block);
  return test::scenario_from(y);
}

}  // namespace

TEST_CASE("simulated yearly inflow changes match the history the model was fitted on",
          "[uncertainty][inflow]") {
  const auto history = model::read_yearly_counts(
      test::source_path("tests/data/history-first-applications-year.csv"), 2007);
  REQUIRE(history.size() >= 15);
  const model::InflowEstimate e = model::estimate_inflow_model(history);
  scenario::InflowUncertainty u;
  u.enabled = true;
  u.sigma = e.sigma;
  u.autocorrelation = e.autocorrelation;
  const Moments m = simulated_moments(u, 4000, 6);
  CHECK(m.sd == Approx(e.sigma).epsilon(0.03));
  CHECK(m.autocorrelation == Approx(e.autocorrelation).margin(0.03));

  // Persistent shocks: a strongly autocorrelated model is reproduced too, and scale multiplies.
  u.autocorrelation = 0.6;
  u.scale = 0.5;
  const Moments p = simulated_moments(u, 4000, 6);
  CHECK(p.sd == Approx(0.5 * e.sigma).epsilon(0.03));
  CHECK(p.autocorrelation == Approx(0.6).margin(0.03));
}

TEST_CASE("the inflow path multiplies first applications from its start, centred on the scenario",
          "[uncertainty][inflow]") {
  const auto s = small_with_inflow_uncertainty(
      "{inflow: {from: 2025-01-01, sigma: 0.4, autocorrelation: 0.0, mix_sigma: 0.2}}");
  REQUIRE(s.inflow_uncertainty.active());
  const engine::Calendar cal = s.calendar();
  const engine::Tick before = cal.to_tick(*engine::parse_date("2024-06-01"));
  const engine::Tick after = cal.to_tick(*engine::parse_date("2025-06-01"));
  double log_total = 0, log_total_sq = 0;
  const int reps = 2000;
  for (int rep = 0; rep < reps; ++rep) {
    scenario::Scenario r = s;
    model::apply_inflow_path(r, s.seed, static_cast<std::uint64_t>(rep));
    double total_before = 0, total_after = 0, base_after = 0;
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
      total_before += r.groups[g].first_applications_per_year.at(before);
      total_after += r.groups[g].first_applications_per_year.at(after);
      base_after += s.groups[g].first_applications_per_year.at(after);
    }
    CHECK(total_before == Approx(4500));  // before `from`: untouched
    // The mix moves groups, not the total: the total moves by exactly the drawn change.
    const auto d = model::draw_inflow_log_changes(s.inflow_uncertainty, 1, s.seed,
                                                  static_cast<std::uint64_t>(rep));
    CHECK(std::log(total_after / base_after) == Approx(d[0]).margin(1e-9));
    log_total += d[0];
    log_total_sq += d[0] * d[0];
  }
  CHECK(log_total / reps == Approx(0).margin(0.03));  // centred on the assumption
  CHECK(std::sqrt(log_total_sq / reps) == Approx(0.4).epsilon(0.05));
  // Scale 0 switches it off.
  const auto off =
      small_with_inflow_uncertainty("{inflow: {from: 2025-01-01, sigma: 0.4, scale: 0}}");
  CHECK_FALSE(off.inflow_uncertainty.active());
}

TEST_CASE("inflow draws come from their own streams: before the path starts nothing changes",
          "[uncertainty][inflow][rng]") {
  const auto plain = test::scenario_from(test::small_yaml());
  auto s = small_with_inflow_uncertainty("{inflow: {from: 2025-01-01, sigma: 0.8}}");
  model::apply_inflow_path(s, s.seed, 3);
  model::ChainModel a(plain, 3), b(s, 3);
  a.run();
  b.run();
  const auto& pa = a.persons();
  const auto& pb = b.persons();
  // Everyone who applied in 2024 arrived at the same hour with the same profile in both runs.
  const engine::Tick from = s.calendar().to_tick(*engine::parse_date("2025-01-01"));
  std::size_t compared = 0;
  for (std::size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
    if (pa[i].applied >= from || pb[i].applied >= from) break;
    CHECK(pa[i].applied == pb[i].applied);
    CHECK(pa[i].group == pb[i].group);
    ++compared;
  }
  CHECK(compared > 1000);
}

TEST_CASE("a bad uncertainty block is an error at its key", "[uncertainty][inflow][scenario]") {
  auto y = test::small_yaml();
  y["uncertainty"] = YAML::Load("{inflow: {from: 2031-01-01, sigma: -1}}");
  const std::string e = test::error_of(test::emit(y));
  CHECK(e.find("uncertainty.inflow.from") != std::string::npos);
  CHECK(e.find("uncertainty.inflow.sigma") != std::string::npos);
  y["uncertainty"] = YAML::Load("{inflow: {from: 2025-01-01, sigma: 0.4, speed: 1}}");
  CHECK(test::error_of(test::emit(y)).find("speed") != std::string::npos);
}

TEST_CASE("the inflow path is centred on the scenario's median or mean, as the block says",
          "[uncertainty][inflow]") {
  scenario::InflowUncertainty u;
  u.sigma = 0.4;
  u.autocorrelation = 0.5;
  // Var of the sum of two stationary AR(1) changes: sigma^2 (2 + 2a).
  CHECK(model::inflow_log_level_variance(u, 2)[1] == Approx(0.16 * 3));
  for (const char* centre : {"median", "mean"}) {
    const auto s = small_with_inflow_uncertainty(
        std::string("{inflow: {from: 2024-01-01, sigma: 0.4, mix_sigma: 0.2, centre: ") + centre +
        "}}");
    std::vector<double> second_year;
    double sum = 0;
    const int reps = 4000;
    for (int rep = 0; rep < reps; ++rep) {
      const auto f = model::draw_inflow_multipliers(s, s.seed, static_cast<std::uint64_t>(rep));
      const double total = (3000 * f[0][1] + 1500 * f[1][1]) / 4500;  // alpha and beta
      second_year.push_back(total);
      sum += total;
    }
    std::nth_element(second_year.begin(), second_year.begin() + reps / 2, second_year.end());
    const double median = second_year[reps / 2], mean = sum / reps;
    INFO(centre << ": median " << median << ", mean " << mean);
    if (std::string(centre) == "median") {
      CHECK(median == Approx(1).margin(0.04));
      CHECK(mean == Approx(std::exp(0.16)).margin(0.05));  // log-normal: exp(var / 2)
    } else {
      CHECK(mean == Approx(1).margin(0.04));
      CHECK(median == Approx(std::exp(-0.16)).margin(0.04));
    }
  }
}
