// Parameter uncertainty (issue 26): the Gaussian approximation from the Jacobian at the calibrated
// point, its storage in the scenario, and the per-replication draws.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/calibration/uncertainty.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

using namespace asylumsim;
namespace fs = std::filesystem;

namespace {

// The small scenario with one free parameter: group alpha's first applications (beta adds 1500).
std::string one_parameter_text(double alpha) {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["first_applications_per_year"] = alpha;
  y["calibration"] = YAML::Load(
      "{replications: 4, parameters: [{path: groups.alpha.first_applications_per_year, min: 1000, "
      "max: 7000}]}");
  return test::emit(y);
}

}  // namespace

TEST_CASE("one free parameter: the posterior is the known least-squares one",
          "[calibration][uncertainty]") {
  // Two figures the model cannot both meet: first applications 4,300 in 2024 and 5,200 in 2025.
  // The model gives about alpha + 1500 per year, so with relative errors and equal weights the
  // residuals are r_i = sqrt(1/2) (alpha + 1500 - T_i) / T_i: dr_i/dalpha = sqrt(1/2) / T_i.
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-posterior";
  fs::create_directories(dir);
  {
    std::ofstream t(dir / "targets.yaml");
    t << "targets:\n"
         "  - {id: inflow.first_applications, kind: flow, period: 2024, value: 4300}\n"
         "  - {id: inflow.first_applications, kind: flow, period: 2025, value: 5200}\n";
  }
  const auto targets = indicators::load_targets((dir / "targets.yaml").string());
  const double alpha = 3166;  // the least-squares point of the two relative errors
  const std::string text = one_parameter_text(alpha);
  calibration::CalibrationOptions co;
  co.threads = 2;
  const auto post = calibration::posterior_at_current_point(text, "one.yaml", targets, co);
  REQUIRE(post.mean.size() == 1);
  CHECK(post.figures == 2);
  // Known posterior in alpha: variance s^2 / sum_i J_i^2 (s^2 = |r|^2 / (n - p), the model's own
  // residuals), with the weak logistic-matched prior added in z.
  const double j2 = 0.5 / (4300.0 * 4300.0) + 0.5 / (5200.0 * 5200.0);
  const double u = (alpha - 1000) / 6000, dxdz = 6000 * u * (1 - u);
  const double precision_z =
      j2 * dxdz * dxdz / post.residual_variance + 3 / (std::numbers::pi * std::numbers::pi);
  const double sd_alpha = dxdz / std::sqrt(precision_z);
  const double drawn_sd_z = post.cholesky(0, 0);
  INFO("s^2 " << post.residual_variance << ", sd alpha " << sd_alpha);
  CHECK(post.mean[0] == Approx(std::log(u / (1 - u))).margin(1e-9));
  CHECK(drawn_sd_z * dxdz == Approx(sd_alpha).epsilon(0.1));
  // s^2: the two relative errors of alpha + 1500 against the figures.
  const double e1 = (alpha + 1500 - 4300) / 4300, e2 = (alpha + 1500 - 5200) / 5200;
  CHECK(post.residual_variance == Approx(0.5 * (e1 * e1 + e2 * e2)).epsilon(0.15));

  // Stored in the scenario and read back; replications draw from it.
  const std::string with = calibration::text_with_posterior(text, post, "test");
  const YAML::Node root = scenario::load_yaml_text(with, "one.yaml");
  const auto spec = calibration::read_calibration(root, "one.yaml");
  const auto back = calibration::read_posterior(root, spec, "one.yaml");
  REQUIRE(back);
  CHECK(back->mean[0] == Approx(post.mean[0]).epsilon(1e-5));
  CHECK(back->cholesky(0, 0) == Approx(post.cholesky(0, 0)).epsilon(1e-5));
  double sum = 0, sq = 0;
  const int n = 4000;
  for (int rep = 0; rep < n; ++rep) {
    const double z = calibration::to_transformed(
        spec, calibration::draw_parameters(*back, spec, 5, static_cast<std::uint64_t>(rep)))[0];
    sum += z;
    sq += z * z;
  }
  const double mean = sum / n, sd = std::sqrt(sq / n - mean * mean);
  CHECK(mean == Approx(back->mean[0]).margin(4 * back->cholesky(0, 0) / std::sqrt(n)));
  CHECK(sd == Approx(back->cholesky(0, 0)).epsilon(0.05));
  // Writing it again replaces the block instead of adding a second one.
  const std::string twice = calibration::text_with_posterior(with, post, "again");
  CHECK(twice.find("posterior:") == twice.rfind("posterior:"));
  CHECK_NOTHROW(measures::load_scenario_text(twice, "one.yaml"));
}

TEST_CASE("a posterior that does not match the calibration block is an error at its key",
          "[calibration][uncertainty]") {
  auto y = YAML::Load(one_parameter_text(3000));
  y["calibration"]["posterior"] = YAML::Load(
      "{paths: [groups.beta.first_applications_per_year], mean: [0, 1], "
      "cholesky: [[0.5, 0.1]]}");
  const std::string text = test::emit(y);
  const YAML::Node root = scenario::load_yaml_text(text, "bad.yaml");
  const auto spec = calibration::read_calibration(root, "bad.yaml");
  try {
    calibration::read_posterior(root, spec, "bad.yaml");
    FAIL("expected an InputError");
  } catch (const scenario::InputError& e) {
    const std::string what = e.what();
    CHECK(what.find("bad.yaml:") != std::string::npos);
    CHECK(what.find("calibration.posterior.paths") != std::string::npos);
    CHECK(what.find("calibration.posterior.mean") != std::string::npos);
    CHECK(what.find("calibration.posterior.cholesky") != std::string::npos);
  }
}

TEST_CASE("replications draw the calibrated parameters, except one the user sets",
          "[calibration][uncertainty]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-posterior-draws";
  fs::create_directories(dir);
  calibration::Posterior post;
  post.paths = {"groups.alpha.first_applications_per_year"};
  post.mean = Eigen::VectorXd::Constant(1, 0.0);  // the middle of [1000, 7000]
  post.cholesky = Eigen::MatrixXd::Constant(1, 1, 0.5);
  const std::string path = (dir / "drawn.yaml").string();
  std::ofstream(path) << calibration::text_with_posterior(one_parameter_text(3166), post, "test");
  const auto alpha_of = [](const scenario::Scenario& s, std::uint64_t rep) {
    return s.draws->scenario_for(s, rep).groups[0].first_applications_per_year.at(0);
  };
  scenario::Scenario s = measures::load_scenario(path);
  const auto in = calibration::attach_uncertainty(s, path, {}, {true, true});
  CHECK(in.parameters);
  CHECK_FALSE(in.inflow);  // the file has no uncertainty block
  REQUIRE(s.draws);
  // Replications 0, 1 and 2 share a parameter set (blocks of four); 3 draws its own.
  CHECK(alpha_of(s, 0) == alpha_of(s, 1));
  CHECK(alpha_of(s, 0) == alpha_of(s, 2));
  CHECK(alpha_of(s, 0) != alpha_of(s, 3));
  CHECK(alpha_of(s, 0) != Approx(3166));
  // --set on the parameter: the user's value, in every replication.
  const std::vector<std::string> sets = {"groups.alpha.first_applications_per_year=2500"};
  scenario::Scenario fixed = measures::load_scenario(path, sets);
  calibration::attach_uncertainty(fixed, path, sets, {true, true});
  for (std::uint64_t rep = 0; rep < 8; ++rep) CHECK(alpha_of(fixed, rep) == 2500);
}
