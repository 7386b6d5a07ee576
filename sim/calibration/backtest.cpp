#include "asylumsim/calibration/backtest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/calibration/uncertainty.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/validation.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::calibration {

namespace {

constexpr int kProjectionReplications = 40;

bool is_step_list(const YAML::Node& n) {
  if (!n.IsSequence() || n.size() == 0) return false;
  for (const auto& e : n)
    if (!e.IsMap() || e.size() != 2 || !e["from"] || !e["value"]) return false;
  return true;
}

// The year a target belongs to: its period's year, or for a stock the year that ends on its date
// (a stock on 1 January closes the previous year).
int target_year(const indicators::Target& t) {
  if (t.when.period) return t.when.period->year;
  const engine::Date d = *t.when.date;
  const int y = static_cast<int>(d.year());
  return (static_cast<unsigned>(d.month()) == 1 && static_cast<unsigned>(d.day()) == 1) ? y - 1 : y;
}

// The same figure one year earlier.
const indicators::Target* previous_year(const std::vector<indicators::Target>& all,
                                        const indicators::Target& t) {
  for (const auto& c : all) {
    if (c.id != t.id) continue;
    if (t.when.period && c.when.period) {
      auto p = *t.when.period;
      p.year -= 1;
      if (*c.when.period == p) return &c;
    } else if (t.when.date && c.when.date) {
      if (*c.when.date == engine::Date{t.when.date->year() - std::chrono::years{1},
                                       t.when.date->month(), t.when.date->day()})
        return &c;
    }
  }
  return nullptr;
}

}  // namespace

void cut_knowledge(YAML::Node root, engine::Date cutoff) {
  if (root.IsMap()) {
    for (auto kv : root) {
      YAML::Node child = kv.second;
      if (is_step_list(child)) {
        YAML::Node kept(YAML::NodeType::Sequence);
        for (const auto& step : child) {
          auto d = engine::parse_date(step["from"].Scalar());
          if (!d || *d < cutoff) kept.push_back(step);
        }
        root[kv.first.Scalar()] = kept;
      } else {
        cut_knowledge(child, cutoff);
      }
    }
  } else if (root.IsSequence()) {
    for (auto child : root) cut_knowledge(child, cutoff);
  }
}

BacktestResult backtest(const std::string& text, const std::string& file,
                        const std::vector<indicators::Target>& targets, int fit_year,
                        const CalibrationOptions& opt) {
  BacktestResult r;
  for (const auto& t : targets) {
    if (target_year(t) == fit_year) r.fit_targets.push_back(t);
    if (target_year(t) == fit_year + 1) r.test_targets.push_back(t);
  }
  YAML::Node root = YAML::Clone(scenario::load_yaml_text(text, file));
  const engine::Date cutoff{std::chrono::year{fit_year + 1}, std::chrono::month{1},
                            std::chrono::day{1}};
  cut_knowledge(root, cutoff);
  // Free parameters whose step lay beyond the cut no longer exist: drop them.
  YAML::Node params = root["calibration"]["parameters"];
  YAML::Node kept(YAML::NodeType::Sequence);
  for (const auto& p : params) {
    const std::string path = p["path"].Scalar();
    const std::string probe_text = [&] {
      YAML::Node probe = YAML::Clone(root);
      YAML::Node one(YAML::NodeType::Sequence);
      one.push_back(p);
      probe["calibration"]["parameters"] = one;
      YAML::Emitter e;
      e << probe;
      return std::string(e.c_str());
    }();
    try {
      read_calibration(scenario::load_yaml_text(probe_text, file), file);
      kept.push_back(p);
    } catch (const scenario::InputError&) {
    }
  }
  root["calibration"]["parameters"] = kept;
  YAML::Emitter e;
  e << root;
  const std::string cut_text = e.c_str();
  r.fit = calibrate(cut_text, file, r.fit_targets, opt);
  // Project with the fitted parameters and compare with the next year's figures.
  const CalibrationSpec spec = read_calibration(scenario::load_yaml_text(cut_text, file), file);
  const std::string forecast =
      forecast_text(cut_text, file, r.fit.best, r.fit_targets, cutoff, opt);
  scenario::Scenario fitted = measures::load_scenario_text(forecast, file);
  r.sources = attach_uncertainty_text(fitted, forecast, file, {true, true, true}).label();
  montecarlo::BatchOptions bo;
  // Interval forecasts need more replications than a loss evaluation: at least kProjection.
  bo.replications = std::max(kProjectionReplications,
                             opt.replications > 0 ? opt.replications : spec.replications);
  bo.threads = opt.threads;
  bo.run_until = last_target_tick(r.test_targets, fitted);
  const auto batch = montecarlo::run_batch(fitted, montecarlo::target_grid(r.test_targets), bo);
  const auto rows = montecarlo::validation_rows(r.test_targets, batch);
  double model_sum = 0, naive_sum = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BacktestRow b;
    b.target = &r.test_targets[i];
    // The point forecast is the predictive median: it minimises the expected absolute error,
    // which the record scores (the drifting levels make the predictive distribution skewed).
    b.model = rows[i].model.p50;
    b.model_error = montecarlo::relative_error(b.model, r.test_targets[i].value);
    const auto* prev = previous_year(targets, r.test_targets[i]);
    // A figure of 0 has no relative error: it stays out of both means.
    if (prev && r.test_targets[i].value != 0) {
      b.naive = prev->value;
      b.naive_error = montecarlo::relative_error(prev->value, r.test_targets[i].value);
      model_sum += std::abs(b.model_error);
      naive_sum += std::abs(*b.naive_error);
      ++r.compared;
    }
    r.rows.push_back(b);
  }
  r.model_mape = r.compared ? model_sum / r.compared : 0;
  r.naive_mape = r.compared ? naive_sum / r.compared : 0;
  score_intervals(r, rows, fitted.inflow_uncertainty.sigma);
  return r;
}

std::string backtest_csv(const BacktestResult& r) {
  std::string out =
      "id,when,target,model,model_rel_error,naive,naive_rel_error,model_p05,model_p25,model_p75,"
      "model_p95,naive_p05,naive_p95,covered_50,covered_90,model_interval_score,"
      "naive_interval_score\n";
  const auto opt = [](const std::optional<double>& v) {
    return v ? fmt::format("{}", *v) : std::string();
  };
  for (const auto& b : r.rows)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", b.target->id,
                       b.target->when.label(), b.target->value, b.model, b.model_error,
                       opt(b.naive), opt(b.naive_error), b.p05, b.p25, b.p75, b.p95,
                       opt(b.naive_p05), opt(b.naive_p95), b.covered_50 ? 1 : 0,
                       b.covered_90 ? 1 : 0, b.model_interval_score, opt(b.naive_interval_score));
  return out;
}

std::string backtest_table(const BacktestResult& r) {
  std::string out = fmt::format("{:<38} {:<10} {:>12} {:>12} {:>9} {:>12} {:>9}\n", "id", "when",
                                "documented", "model", "error", "naive", "error");
  for (const auto& b : r.rows) {
    const bool share = b.target->kind == "share";
    const auto f = [&](double v) {
      return share ? fmt::format("{:.3f}", v) : fmt::format("{:.0f}", v);
    };
    out += fmt::format("{:<38} {:<10} {:>12} {:>12} {:>+8.1f}% {:>12} {:>9}\n", b.target->id,
                       b.target->when.label(), f(b.target->value), f(b.model), 100 * b.model_error,
                       b.naive ? f(*b.naive) : "-",
                       b.naive_error ? fmt::format("{:+.1f}%", 100 * *b.naive_error) : "-");
  }
  out += fmt::format(
      "Mean absolute relative error over the {} figures documented in both years: model {:.1f}%, "
      "naive {:.1f}%\n",
      r.compared, 100 * r.model_mape, 100 * r.naive_mape);
  out += fmt::format(
      "Intervals ({}): the 50% interval covers {:.0f}% and the 90% interval {:.0f}% of the {} "
      "figures; mean interval score of the 90% interval (relative to the figure) over the {} with "
      "a naive interval: model {:.3f}, naive {:.3f}\n",
      r.sources, 100 * r.coverage_50, 100 * r.coverage_90, r.rows.size(), r.scored,
      r.model_mean_score, r.naive_mean_score);
  return out;
}

}  // namespace asylumsim::calibration
