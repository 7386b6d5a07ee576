#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "../support/fixtures.hpp"
#include "asylumsim/calibration/backtest.hpp"
#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/calibration/levenberg_marquardt.hpp"
#include "asylumsim/calibration/nelder_mead.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

using namespace asylumsim;
namespace fs = std::filesystem;

TEST_CASE("bounded Nelder-Mead finds the minimum of a shifted quadratic and respects bounds",
          "[calibration][optimiser]") {
  const auto f = [](const Eigen::VectorXd& x) {
    return (x - Eigen::Vector3d(3, -1, 7)).squaredNorm();
  };
  calibration::NelderMeadOptions o;
  o.max_evaluations = 600;
  o.tolerance = 1e-12;
  const auto r = calibration::nelder_mead(
      f, Eigen::Vector3d(0, 0, 0), Eigen::Vector3d(-10, -10, -10), Eigen::Vector3d(10, 10, 10), o);
  CHECK(r.best[0] == Approx(3).margin(1e-3));
  CHECK(r.best[1] == Approx(-1).margin(1e-3));
  CHECK(r.best[2] == Approx(7).margin(1e-3));
  // Minimum outside the box: the answer is on the boundary, never beyond it.
  const auto b = calibration::nelder_mead(
      f, Eigen::Vector3d(0, 0, 0), Eigen::Vector3d(-10, -10, -10), Eigen::Vector3d(10, 10, 5), o);
  CHECK(b.best[2] <= 5.0);
  CHECK(b.best[2] == Approx(5).margin(1e-3));
}

TEST_CASE("bounded Levenberg-Marquardt solves nonlinear least squares and respects bounds",
          "[calibration][optimiser]") {
  // Rosenbrock as residuals: minimum 0 at (1, 1), a curved valley that defeats plain gradients.
  const auto rosenbrock = [](const Eigen::VectorXd& x) {
    return Eigen::Vector2d(10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]).eval();
  };
  calibration::LevenbergMarquardtOptions o;
  o.max_evaluations = 400;
  o.difference_step = 1e-4;
  o.tolerance = 1e-14;
  int reports = 0;
  double last = 1e300;
  o.progress = [&](int, double best, const Eigen::VectorXd&) {
    CHECK(best <= last);  // the best loss never gets worse
    last = best;
    ++reports;
  };
  const auto r = calibration::levenberg_marquardt(
      rosenbrock, Eigen::Vector2d(-1.2, 1.0), Eigen::Vector2d(-3, -3), Eigen::Vector2d(3, 3), o);
  INFO("best " << r.best.transpose() << " loss " << r.loss << " after " << r.evaluations);
  CHECK(r.best[0] == Approx(1).margin(1e-3));
  CHECK(r.best[1] == Approx(1).margin(1e-3));
  CHECK(r.loss < 1e-6);
  CHECK(r.evaluations <= o.max_evaluations);
  CHECK(reports > 2);
  o.progress = nullptr;

  // Minimum outside the box: the answer lies on the bound, and the free parameter is still fitted.
  const auto shifted = [](const Eigen::VectorXd& x) {
    return (x - Eigen::Vector3d(3, -1, 7)).eval();
  };
  const auto b = calibration::levenberg_marquardt(shifted, Eigen::Vector3d(0, 0, 0),
                                                  Eigen::Vector3d(-10, -10, -10),
                                                  Eigen::Vector3d(10, 10, 5), o);
  CHECK(b.best[0] == Approx(3).margin(1e-6));
  CHECK(b.best[1] == Approx(-1).margin(1e-6));
  CHECK(b.best[2] == 5.0);
  CHECK(b.converged);

  // The budget is a hard limit: no evaluation beyond it.
  o.max_evaluations = 7;
  int calls = 0;
  const auto counted = [&](const Eigen::VectorXd& x) {
    ++calls;
    return rosenbrock(x);
  };
  const auto c = calibration::levenberg_marquardt(
      counted, Eigen::Vector2d(-1.2, 1.0), Eigen::Vector2d(-3, -3), Eigen::Vector2d(3, 3), o);
  CHECK(calls == c.evaluations);
  CHECK(calls <= 7);
  CHECK(c.loss < rosenbrock(Eigen::Vector2d(-1.2, 1.0)).squaredNorm());
}

TEST_CASE("Levenberg-Marquardt steps away from points where the residuals cannot be evaluated",
          "[calibration][optimiser]") {
  // Beyond x0 = 2 the model cannot run (infinite residuals); the unconstrained minimum is at 3.
  int infeasible = 0;
  const auto f = [&](const Eigen::VectorXd& x) -> Eigen::VectorXd {
    if (x[0] > 2.0) {
      ++infeasible;
      return Eigen::Vector2d::Constant(std::numeric_limits<double>::infinity());
    }
    return (x - Eigen::Vector2d(3, -1)).eval();
  };
  calibration::LevenbergMarquardtOptions o;
  o.max_evaluations = 200;
  const auto r = calibration::levenberg_marquardt(
      f, Eigen::Vector2d(1.95, 0), Eigen::Vector2d(-10, -10), Eigen::Vector2d(10, 10), o);
  CHECK(infeasible > 0);
  CHECK(std::isfinite(r.loss));
  CHECK(r.best[0] <= 2.0);
  CHECK(r.best[0] > 1.9);
  INFO("best " << r.best.transpose() << " loss " << r.loss);
  CHECK(r.loss < 1.01);  // 2.10 at the start, 1 at the best feasible point (2, -1)
}

TEST_CASE("the loss is the weighted mean of squared relative errors", "[calibration][loss]") {
  indicators::Target a, b;
  a.id = "x";
  b.id = "y";
  std::vector<montecarlo::ValidationRow> rows = {{&a, {}, 0.1}, {&b, {}, -0.2}};
  calibration::CalibrationSpec spec;
  CHECK(calibration::loss(rows, spec) == Approx((0.01 + 0.04) / 2));
  spec.weights["y"] = 3;
  CHECK(calibration::loss(rows, spec) == Approx((0.01 + 3 * 0.04) / 4));
  // The residuals Levenberg-Marquardt fits square and sum to the same loss.
  const Eigen::VectorXd res = calibration::residuals(rows, spec);
  REQUIRE(res.size() == 2);
  CHECK(res[0] == Approx(0.1 / 2));
  CHECK(res[1] == Approx(-0.2 * std::sqrt(3.0 / 4)));
  CHECK(res.squaredNorm() == Approx(calibration::loss(rows, spec)));
}

TEST_CASE("the acceptance-scaled loss measures each error in units of its acceptance band",
          "[calibration][loss]") {
  indicators::Target flow, share, key;
  flow.id = "court.inflow_total";
  flow.kind = "flow";
  flow.value = 1000;
  share.id = "ind.grant_rate_first";
  share.kind = "share";
  share.value = 0.5;
  key.id = "coa.occupancy";
  key.kind = "stock";
  key.value = 1000;
  auto row = [](const indicators::Target& t, double mean) {
    montecarlo::ValidationRow r{&t, {}, (mean - t.value) / t.value};
    r.model.mean = mean;
    return r;
  };
  // +5% of a flow is half its ±10% band; a share 0.55 against 0.50 is its whole ±5-point band
  // (relative error 10%); +5% of a key figure is its whole ±5% band.
  const std::vector<montecarlo::ValidationRow> rows = {row(flow, 1050), row(share, 0.55),
                                                       row(key, 1050)};
  calibration::CalibrationSpec spec;
  CHECK(calibration::loss(rows, spec) == Approx((0.0025 + 0.01 + 0.0025) / 3));
  spec.scale = calibration::CalibrationSpec::Scale::kAcceptance;
  CHECK(calibration::loss(rows, spec) == Approx((0.25 + 1.0 + 1.0) / 3));
  spec.weights["coa.occupancy"] = 2;
  CHECK(calibration::loss(rows, spec) == Approx((0.25 + 1.0 + 2 * 1.0) / 4));
}

TEST_CASE("a higher loss power weighs the worst figure more, with residuals that keep the sign",
          "[calibration][loss]") {
  indicators::Target a, b;
  a.id = "x";
  b.id = "y";
  std::vector<montecarlo::ValidationRow> rows = {{&a, {}, 0.5}, {&b, {}, -2.0}};
  calibration::CalibrationSpec spec;
  spec.power = 4;
  CHECK(calibration::loss(rows, spec) == Approx((0.0625 + 16.0) / 2));
  const Eigen::VectorXd res = calibration::residuals(rows, spec);
  REQUIRE(res.size() == 2);
  CHECK(res[0] == Approx(0.25 / std::sqrt(2.0)));
  CHECK(res[1] == Approx(-4.0 / std::sqrt(2.0)));
  CHECK(res.squaredNorm() == Approx(calibration::loss(rows, spec)));
  // Of two fits with the same squared loss, the one without an outlier wins under power 4.
  std::vector<montecarlo::ValidationRow> even = {{&a, {}, std::sqrt(2.125)},
                                                 {&b, {}, std::sqrt(2.125)}};
  spec.power = 2;
  CHECK(calibration::loss(even, spec) == Approx(calibration::loss(rows, spec)));
  spec.power = 4;
  CHECK(calibration::loss(even, spec) < calibration::loss(rows, spec));
}

TEST_CASE("calibration recovers known parameters from figures the model generated",
          "[calibration]") {
  const std::string method = GENERATE(as<std::string>{}, "nelder-mead", "levenberg-marquardt");
  INFO("method " << method);
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-calibration";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Truth: AA capacity 50 per week, municipal realisation 1400 per half-year.
  const auto truth_s = test::scenario_from(test::small_yaml(), "truth.yaml");
  struct T {
    const char* id;
    const char* when;
    bool date;
  };
  const std::vector<T> figures = {
      {"ind.decisions_first", "2024", false}, {"ind.decisions_first", "2025", false},
      {"housing.realised", "2024-H1", false}, {"housing.realised", "2024-H2", false},
      {"housing.realised", "2025-H1", false}, {"coa.occupancy", "2025-12-31", true}};
  std::vector<montecarlo::Cell> grid;
  for (const auto& f : figures) {
    indicators::When w;
    if (f.date)
      w.date = engine::parse_date(f.when);
    else
      w.period = engine::parse_period(f.when);
    grid.push_back({indicators::find_indicator(f.id), w});
  }
  montecarlo::BatchOptions bo;
  bo.replications = 2;
  bo.threads = 2;
  const auto truth = montecarlo::run_batch(truth_s, grid, bo).summaries();
  std::ofstream targets(dir / "targets.yaml");
  targets << "targets:\n";
  for (std::size_t i = 0; i < figures.size(); ++i)
    targets << fmt::format("  - {{id: {}, kind: {}, {}: {}, value: {}}}\n", figures[i].id,
                           figures[i].date ? "stock" : "flow", figures[i].date ? "date" : "period",
                           figures[i].when, truth[i].mean);
  targets.close();

  // Start away from the truth and fit.
  auto y = test::small_yaml();
  y["ind"]["capacity_per_week"]["aa"] = 35;
  y["housing"]["realisation_per_half_year"] = 1000;
  y["calibration"] = YAML::Load(
      "{replications: 2, max_evaluations: 120, parameters: ["
      "{path: ind.capacity_per_week.aa, min: 20, max: 100},"
      "{path: housing.realisation_per_half_year, min: 500, max: 3000}]}");
  y["calibration"]["method"] = method;
  const std::string text = test::emit(y);
  calibration::CalibrationOptions co;
  co.threads = 2;
  const auto r = calibration::calibrate(
      text, "start.yaml", indicators::load_targets((dir / "targets.yaml").string()), co);
  INFO("fitted " << r.best.transpose() << " loss " << r.loss << " after " << r.evaluations
                 << " evaluations");
  CHECK(r.loss < r.start_loss);
  CHECK(r.best[0] == Approx(50).epsilon(0.05));
  CHECK(r.best[1] == Approx(1400).epsilon(0.05));

  // The calibrated file keeps its text and carries the fitted values.
  const auto spec =
      calibration::read_calibration(scenario::load_yaml_text(text, "start.yaml"), "start.yaml");
  const std::string out = calibration::calibrated_text(text, spec, r.best, "# fitted\n");
  CHECK(out.rfind("# fitted\n", 0) == 0);
  const auto fitted = measures::load_scenario_text(out, "fitted.yaml");
  CHECK(fitted.ind.capacity_per_week[scenario::kAA].at(0) == Approx(r.best[0]).epsilon(1e-5));
  CHECK(fitted.housing.realisation_per_half_year.at(0) == Approx(r.best[1]).epsilon(1e-5));
}

TEST_CASE("a trial point the scenario's checks reject is skipped, not fatal", "[calibration]") {
  const std::string method = GENERATE(as<std::string>{}, "nelder-mead", "levenberg-marquardt");
  INFO("method " << method);
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-infeasible";
  fs::create_directories(dir);
  {
    std::ofstream t(dir / "targets.yaml");  // more departures than any feasible share gives
    t << "targets:\n  - {id: departure.dtenv_unsupervised, kind: flow, period: 2024, value: "
         "100000}\n";
  }
  // The other routes take 0.6, so an unsupervised share above 0.4 leaves a negative rest.
  auto y = test::small_yaml();
  y["departure"]["routes"]["no_departure"]["share"] = "rest";
  y["departure"]["routes"]["unsupervised"]["share"] = 0.39;
  y["calibration"] = YAML::Load(
      "{replications: 1, max_evaluations: 12, parameters: ["
      "{path: departure.routes.unsupervised.share, min: 0.2, max: 0.6}]}");
  y["calibration"]["method"] = method;
  calibration::CalibrationOptions co;
  co.threads = 2;
  const auto r = calibration::calibrate(
      test::emit(y), "rest.yaml", indicators::load_targets((dir / "targets.yaml").string()), co);
  CHECK(r.infeasible > 0);
  CHECK(r.best[0] <= 0.4 + 1e-9);
  CHECK(r.loss <= r.start_loss);
  CHECK(std::isfinite(r.loss));
}

TEST_CASE("fitted values are written in place, also several on one line", "[calibration]") {
  const std::string text =
      "# keep this comment\n"
      "scenario: {name: x, start: 2024-01-01, end: 2025-12-31}\n"
      "ind:\n"
      "  capacity_per_week: {aa: [{from: 2024-01-01, value: 430}, {from: 2025-01-01, value: 290}]} "
      " # note\n"
      "calibration:\n"
      "  parameters:\n"
      "    - {path: 'ind.capacity_per_week.aa[0].value', min: 100, max: 900}\n"
      "    - {path: 'ind.capacity_per_week.aa[1].value', min: 100, max: 900}\n";
  const auto spec =
      calibration::read_calibration(scenario::load_yaml_text(text, "t.yaml"), "t.yaml");
  Eigen::VectorXd v(2);
  v << 489.095, 378.5;
  const std::string out = calibration::calibrated_text(text, spec, v, "");
  CHECK_THAT(
      out,
      Catch::Contains(
          "aa: [{from: 2024-01-01, value: 489.095}, {from: 2025-01-01, value: 378.5}]}  # note"));
  CHECK_THAT(out, Catch::StartsWith("# keep this comment\n"));
  // Calibrating the output again replaces the first run's header instead of stacking a second.
  const std::string once =
      calibration::calibrated_text(text, spec, v, "# CALIBRATED by run 1\n#\n");
  const auto spec_once =
      calibration::read_calibration(scenario::load_yaml_text(once, "once.yaml"), "once.yaml");
  const std::string twice =
      calibration::calibrated_text(once, spec_once, v, "# CALIBRATED by run 2\n#\n");
  CHECK_THAT(twice, Catch::StartsWith("# CALIBRATED by run 2\n#\n# keep this comment\n"));
  CHECK_THAT(twice, !Catch::Contains("run 1"));
}

TEST_CASE("a bad calibration block is reported with its location", "[calibration][errors]") {
  auto y = test::small_yaml();
  y["calibration"] = YAML::Load(
      "{loss: squared, loss_power: 1, method: simplex, difference_step: 0, parameters: [{path: "
      "ind.capacity_per_week.zz, min: 1, max: 2}, "
      "{path: housing.backlog_at_start, min: 5, max: 1}]}");
  const std::string text = test::emit(y);
  CHECK_THROWS_WITH(
      calibration::read_calibration(scenario::load_yaml_text(text, "c.yaml"), "c.yaml"),
      Catch::Contains(
          "calibration.parameters[0].path: 'ind.capacity_per_week.zz' does not name a number") &&
          Catch::Contains("calibration.parameters[1].max: max 1 is not above min 5") &&
          Catch::Contains("calibration.loss: unknown loss scale 'squared'") &&
          Catch::Contains("calibration.loss_power: loss_power must lie in [2, 8]") &&
          Catch::Contains("calibration.method: unknown method 'simplex'") &&
          Catch::Contains("calibration.difference_step: difference_step must lie in (0, 0.5]"));
}

TEST_CASE("cutting knowledge removes dated steps from the split date on",
          "[calibration][backtest]") {
  YAML::Node y = YAML::Load(
      "a: {b: [{from: 2024-01-01, value: 1}, {from: 2025-01-01, value: 2}, {from: 2024-07-01, "
      "value: 3}]}\n"
      "c: [{from: 2024-01-01, value: {dist: fixed, value: 5}}, {from: 2026-01-01, value: 9}]\n"
      "m: [{group: x, from: 2025-02-01, until: 2025-03-01}]\n");
  calibration::cut_knowledge(y, *engine::parse_date("2025-01-01"));
  CHECK(y["a"]["b"].size() == 2);
  CHECK(y["a"]["b"][1]["value"].as<int>() == 3);
  CHECK(y["c"].size() == 1);
  CHECK(y["m"].size() == 1);  // not a schedule: known policy stays
}

TEST_CASE("backtest fits on one year and scores the next against a naive forecast",
          "[calibration][backtest]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-backtest";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "targets.yaml")
      << "targets:\n"
         "  - {id: ind.decisions_first, kind: flow, period: 2024, value: 3800}\n"
         "  - {id: ind.decisions_first, kind: flow, period: 2025, value: 3600}\n"
         "  - {id: coa.occupancy, kind: stock, date: 2024-12-31, value: 4500}\n"
         "  - {id: coa.occupancy, kind: stock, date: 2025-12-31, value: 6000}\n"
         "  - {id: housing.realised, kind: flow, period: 2025-H1, value: 1400}\n";
  auto y = test::small_yaml();
  y["ind"]["capacity_per_week"]["aa"] =
      YAML::Load("[{from: 2024-01-01, value: 50}, {from: 2025-01-01, value: 80}]");
  y["calibration"] = YAML::Load(
      "{replications: 2, max_evaluations: 20, parameters: ["
      "{path: 'ind.capacity_per_week.aa[0].value', min: 20, max: 100},"
      "{path: 'ind.capacity_per_week.aa[1].value', min: 20, max: 100}]}");
  calibration::CalibrationOptions co;
  co.threads = 2;
  const auto r =
      calibration::backtest(test::emit(y), "bt.yaml",
                            indicators::load_targets((dir / "targets.yaml").string()), 2024, co);
  CHECK(r.fit_targets.size() == 2);
  CHECK(r.test_targets.size() == 3);
  CHECK(r.fit.best.size() == 1);  // the 2025 step lies beyond the cut: not a free parameter
  REQUIRE(r.rows.size() == 3);
  CHECK(r.compared == 2);  // housing.realised 2025-H1 has no 2024-H1 figure here
  CHECK(r.rows[0].naive.value() == 3800);
  CHECK(*r.rows[0].naive_error == Approx((3800.0 - 3600.0) / 3600.0));
  CHECK_FALSE(r.rows[2].naive.has_value());
}

TEST_CASE("a batch stopped after the last figure it reads gives the figures of a full run",
          "[calibration]") {
  // Calibration stops each replication two months after the last target date; nothing later can
  // change what came before, so every figure must be the same as in a run to the horizon.
  auto y = test::small_yaml();
  y["scenario"]["end"] = "2027-12-31";
  y.remove("ukraine");
  const auto s = test::scenario_from(y);
  std::vector<montecarlo::Cell> grid;
  for (const char* id : {"ind.decisions_first", "court.inflow_total", "housing.realised"}) {
    indicators::When w;
    w.period = engine::parse_period("2025");
    grid.push_back({indicators::find_indicator(id), w});
  }
  indicators::When d;
  d.date = engine::parse_date("2025-12-31");
  grid.push_back({indicators::find_indicator("coa.occupancy"), d});
  montecarlo::BatchOptions full;
  full.replications = 2;
  auto stopped = full;
  stopped.run_until = s.calendar().to_tick(*engine::parse_date("2026-03-01"));
  const auto a = montecarlo::run_batch(s, grid, full);
  const auto b = montecarlo::run_batch(s, grid, stopped);
  CHECK(b.events < a.events * 3 / 4);  // it really stopped early
  for (std::size_t c = 0; c < grid.size(); ++c)
    CHECK(a.summaries()[c].mean == b.summaries()[c].mean);
}
