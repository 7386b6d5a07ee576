// The backtest's interval forecasts (issue 26): see include/asylumsim/calibration/backtest.hpp.
#include <cmath>

#include "asylumsim/calibration/backtest.hpp"
#include "asylumsim/calibration/forecast_scores.hpp"
#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/scenario/key_path.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::calibration {

std::string forecast_text(const std::string& cut_text, const std::string& file,
                          const Eigen::VectorXd& fitted,
                          const std::vector<indicators::Target>& targets, engine::Date cutoff,
                          const CalibrationOptions& opt) {
  YAML::Node root = YAML::Clone(scenario::load_yaml_text(cut_text, file));
  const CalibrationSpec spec = read_calibration(root, file);
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    YAML::Node n = scenario::resolve_key_path(root, spec.parameters[i].path);
    n = fitted[static_cast<Eigen::Index>(i)];
  }
  for (const char* source : {"inflow", "levels"})
    if (root["uncertainty"] && root["uncertainty"][source])
      root["uncertainty"][source]["from"] = engine::format_date(cutoff);
  YAML::Emitter fitted_out;
  fitted_out << root;
  set_posterior(root, posterior_at_current_point(fitted_out.c_str(), file, targets, opt));
  YAML::Emitter e;
  e << root;
  return e.c_str();
}

void score_intervals(BacktestResult& r, const std::vector<montecarlo::ValidationRow>& rows,
                     double naive_sigma) {
  double covered50 = 0, covered90 = 0, model_score = 0, naive_score = 0;
  r.scored = 0;
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    BacktestRow& b = r.rows[i];
    const auto& m = rows[i].model;
    const double y = b.target->value, scale = y != 0 ? std::abs(y) : 1.0;
    b.p05 = m.p05;
    b.p25 = m.p25;
    b.p75 = m.p75;
    b.p95 = m.p95;
    b.covered_50 = covers({m.p25, m.p75}, y);
    b.covered_90 = covers({m.p05, m.p95}, y);
    b.model_interval_score = interval_score({m.p05, m.p95}, y, 0.1) / scale;
    covered50 += b.covered_50;
    covered90 += b.covered_90;
    if (b.naive && naive_sigma > 0) {
      const Interval n = naive_interval(*b.naive, naive_sigma, 0.9);
      b.naive_p05 = n.lo;
      b.naive_p95 = n.hi;
      b.naive_interval_score = interval_score(n, y, 0.1) / scale;
      model_score += b.model_interval_score;
      naive_score += *b.naive_interval_score;
      ++r.scored;
    }
  }
  const double n = r.rows.empty() ? 1.0 : static_cast<double>(r.rows.size());
  r.coverage_50 = covered50 / n;
  r.coverage_90 = covered90 / n;
  r.model_mean_score = r.scored ? model_score / r.scored : 0;
  r.naive_mean_score = r.scored ? naive_score / r.scored : 0;
}

}  // namespace asylumsim::calibration
