// Future-inflow uncertainty: see include/asylumsim/model/inflow_uncertainty.hpp and
// docs/uncertainty.md for the model and where its numbers come from.
#include "asylumsim/model/inflow_uncertainty.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/model/reverting_walk.hpp"

namespace asylumsim::model {

namespace {

engine::Date years_after(engine::Date d, int k) {
  return d + std::chrono::years(k);
}

// Each group's share of first applications on the first day of the uncertain future.
std::vector<double> group_weights(const scenario::Scenario& s) {
  const engine::Tick t = s.calendar().to_tick(s.inflow_uncertainty.from);
  std::vector<double> w(s.groups.size(), 0.0);
  double total = 0;
  for (std::size_t g = 0; g < w.size(); ++g)
    total += w[g] = s.groups[g].first_applications_per_year.at(t);
  for (double& x : w) x = total > 0 ? x / total : 1.0 / static_cast<double>(w.size());
  return w;
}

}  // namespace

int forecast_years(const scenario::Scenario& s, engine::Date from) {
  int k = 0;
  while (years_after(from, k) <= s.end) ++k;
  return k;
}

int forecast_years(const scenario::Scenario& s) {
  return forecast_years(s, s.inflow_uncertainty.from);
}

std::vector<double> draw_inflow_log_changes(const scenario::InflowUncertainty& u, int years,
                                            std::uint64_t seed, std::uint64_t rep) {
  engine::RandomStream rng(seed, rep, "uncertainty.inflow");
  const double sd = u.sigma * u.scale;
  const double innovation = sd * std::sqrt(1.0 - u.autocorrelation * u.autocorrelation);
  std::vector<double> d(static_cast<std::size_t>(std::max(0, years)));
  for (std::size_t k = 0; k < d.size(); ++k)
    d[k] = k == 0 ? sd * engine::standard_normal(rng)
                  : u.autocorrelation * d[k - 1] + innovation * engine::standard_normal(rng);
  return d;
}

std::vector<double> draw_inflow_log_levels(const scenario::InflowUncertainty& u, int years,
                                           std::uint64_t seed, std::uint64_t rep) {
  if (u.reversion < 1) {
    engine::RandomStream rng(seed, rep, "uncertainty.inflow");
    return draw_reverting_walk(u.sigma * u.scale, u.reversion, years, rng);
  }
  std::vector<double> level = draw_inflow_log_changes(u, years, seed, rep);
  for (std::size_t k = 1; k < level.size(); ++k) level[k] += level[k - 1];
  return level;
}

std::vector<double> inflow_log_level_variance(const scenario::InflowUncertainty& u, int years) {
  const double sd = u.sigma * u.scale;
  std::vector<double> var(static_cast<std::size_t>(std::max(0, years)));
  if (u.reversion < 1) {
    for (std::size_t k = 0; k < var.size(); ++k)
      var[k] = reverting_walk_variance(sd, u.reversion, static_cast<int>(k) + 1);
    return var;
  }
  // Var(sum of the first k changes) = sd^2 sum_{i,j<k} a^|i-j| for a stationary AR(1).
  for (std::size_t k = 0; k < var.size(); ++k) {
    double sum = 0;
    for (std::size_t i = 0; i <= k; ++i)
      for (std::size_t j = 0; j <= k; ++j)
        sum += std::pow(u.autocorrelation, static_cast<double>(i > j ? i - j : j - i));
    var[k] = sd * sd * sum;
  }
  return var;
}

std::vector<std::vector<double>> draw_inflow_multipliers(const scenario::Scenario& s,
                                                         std::uint64_t seed, std::uint64_t rep) {
  const auto& u = s.inflow_uncertainty;
  const int years = forecast_years(s);
  const std::vector<double> levels = draw_inflow_log_levels(u, years, seed, rep);
  const std::vector<double> w = group_weights(s);
  const std::size_t groups = s.groups.size();
  // Each group's own log drift, keyed by its name (independent of the order of the groups).
  std::vector<std::vector<double>> mix(groups, std::vector<double>(levels.size(), 0.0));
  for (std::size_t g = 0; g < groups; ++g) {
    engine::RandomStream rng(seed, rep, "uncertainty.inflow_mix." + s.groups[g].name);
    double level = 0;
    for (std::size_t k = 0; k < levels.size(); ++k)
      mix[g][k] = level += u.mix_sigma * u.scale * engine::standard_normal(rng);
  }
  std::vector<std::vector<double>> out(groups, std::vector<double>(levels.size(), 1.0));
  // Mean-centred: the log level is shifted down by half its variance (a log-normal's mean is 1).
  const bool mean_centred = u.centre == scenario::InflowUncertainty::Centre::kMean;
  const std::vector<double> var = inflow_log_level_variance(u, years);
  for (std::size_t k = 0; k < levels.size(); ++k) {
    const double shift = mean_centred ? -var[k] / 2 : 0.0;
    // The mix is normalised so that the total moves by exactly the drawn change.
    double norm = 0;
    for (std::size_t g = 0; g < groups; ++g) norm += w[g] * std::exp(mix[g][k]);
    for (std::size_t g = 0; g < groups; ++g)
      out[g][k] = std::exp(levels[k] + shift + mix[g][k]) / norm;
  }
  return out;
}

void apply_inflow_path(scenario::Scenario& s, std::uint64_t seed, std::uint64_t rep) {
  if (!s.inflow_uncertainty.active()) return;
  const auto factors = draw_inflow_multipliers(s, seed, rep);
  const engine::Calendar cal = s.calendar();
  auto& table = s.inflow.first_applications_by_month;
  for (std::size_t k = 0; k < (factors.empty() ? 0 : factors[0].size()); ++k) {
    const engine::Date first = years_after(s.inflow_uncertainty.from, static_cast<int>(k));
    const engine::Date next = years_after(s.inflow_uncertainty.from, static_cast<int>(k) + 1);
    const engine::Tick t0 = cal.to_tick(first);
    const engine::Tick t1 = next > s.end ? engine::kNever : cal.to_tick(next);
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
      const double f = factors[g][k];
      s.groups[g].first_applications_per_year.modify(t0, t1, [f](double v) { return v * f; });
      const int m0 = cal.month_index(first);
      for (int m = m0; m < m0 + 12 && m < static_cast<int>(table.size()); ++m)
        if (!table[static_cast<std::size_t>(m)].empty()) table[static_cast<std::size_t>(m)][g] *= f;
    }
  }
}

InflowEstimate estimate_inflow_model(const std::vector<double>& counts) {
  InflowEstimate e;
  std::vector<double> d;
  for (std::size_t i = 1; i < counts.size(); ++i) d.push_back(std::log(counts[i] / counts[i - 1]));
  e.changes = static_cast<int>(d.size());
  if (d.size() < 3) throw std::invalid_argument("at least four yearly counts are needed");
  for (double x : d) e.mean_change += x / static_cast<double>(d.size());
  double ss = 0, lag = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    ss += (d[i] - e.mean_change) * (d[i] - e.mean_change);
    if (i > 0) lag += (d[i] - e.mean_change) * (d[i - 1] - e.mean_change);
  }
  e.sigma = std::sqrt(ss / static_cast<double>(d.size() - 1));
  e.autocorrelation = lag / ss;
  return e;
}

std::vector<double> read_yearly_counts(const std::string& path, int first_year,
                                       std::vector<int>* years_out) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<double> counts;
  std::vector<int> years;
  std::string line;
  std::getline(in, line);  // header: year,persons,...
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string year, persons;
    if (!std::getline(fields, year, ',') || !std::getline(fields, persons, ',')) continue;
    const int y = std::stoi(year);
    if (y < first_year) continue;
    if (!years.empty() && y != years.back() + 1)
      throw std::runtime_error(path + ": year " + std::to_string(years.back() + 1) + " missing");
    years.push_back(y);
    counts.push_back(std::stod(persons));
  }
  if (years_out) *years_out = years;
  return counts;
}

}  // namespace asylumsim::model
