// Drifting policy and behaviour levels: see include/asylumsim/model/level_uncertainty.hpp and
// docs/uncertainty.md for the model and where its numbers come from.
#include "asylumsim/model/level_uncertainty.hpp"

#include <cmath>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/model/inflow_uncertainty.hpp"
#include "asylumsim/model/reverting_walk.hpp"

namespace asylumsim::model {

namespace {

using scenario::PerTrack;
using scenario::Schedule;

std::vector<Schedule*> every_track(PerTrack<Schedule>& per_track) {
  std::vector<Schedule*> out;
  for (auto& s : per_track) out.push_back(&s);
  return out;
}

}  // namespace

std::vector<DriftingLevel> drifting_levels(scenario::Scenario& s) {
  std::vector<DriftingLevel> levels;
  for (auto& g : s.groups) {
    levels.push_back(
        {"groups." + g.name + ".grant_rate", LevelScale::kLogOdds, every_track(g.grant_rate)});
    levels.push_back({"groups." + g.name + ".nareis_apply_share",
                      LevelScale::kLogOdds,
                      {&g.nareis_apply_share}});
  }
  levels.push_back({"inflow.repeat_per_year", LevelScale::kLog, {&s.inflow.repeat_per_year}});
  levels.push_back(
      {"inflow.resettlement_per_year", LevelScale::kLog, {&s.inflow.resettlement_per_year}});
  levels.push_back(
      {"ind.capacity_per_week", LevelScale::kLog, every_track(s.ind.capacity_per_week)});
  levels.push_back({"ind.not_in_time_appeal_share", LevelScale::kLogOdds,
                    every_track(s.ind.not_in_time_appeal_share)});
  levels.push_back(
      {"appeals.appeal_share", LevelScale::kLogOdds, every_track(s.appeals.appeal_share)});
  levels.push_back(
      {"appeals.court_upheld_share", LevelScale::kLogOdds, {&s.appeals.court_upheld_share}});
  levels.push_back({"nareis.capacity_per_week", LevelScale::kLog, {&s.nareis.capacity_per_week}});
  // The stated taakstelling and a fixed municipal capacity move together, so the backlog between
  // them comes from the model, not from two independent walks. A quota the model forecasts from
  // permits follows its rule and does not drift: the government sets it from the permit forecast.
  levels.push_back({"housing.taakstelling",
                    LevelScale::kLog,
                    {&s.housing.quota_per_half_year, &s.housing.realisation_per_half_year}});
  // How much of their task municipalities realise: municipal performance, a behaviour level.
  levels.push_back({"housing.realisation_share_of_obligation",
                    LevelScale::kLogOdds,
                    {&s.housing.realisation_share_of_obligation}});
  return levels;
}

std::vector<double> draw_level_walk(const scenario::LevelUncertainty& u, const std::string& name,
                                    int years, std::uint64_t seed, std::uint64_t rep) {
  engine::RandomStream rng(seed, rep, "uncertainty.levels." + name);
  return draw_reverting_walk(u.sigma * u.scale, u.reversion, years, rng);
}

double shift_level(double value, double change, LevelScale scale) {
  if (scale == LevelScale::kLog) return value * std::exp(change);
  if (value <= 0 || value >= 1) return value;
  const double odds = value / (1 - value) * std::exp(change);
  return odds / (1 + odds);
}

void apply_level_drift(scenario::Scenario& s, std::uint64_t seed, std::uint64_t rep) {
  const auto& u = s.level_uncertainty;
  if (!u.active()) return;
  const engine::Calendar cal = s.calendar();
  const int years = forecast_years(s, u.from);
  for (const DriftingLevel& level : drifting_levels(s)) {
    const std::vector<double> walk = draw_level_walk(u, level.name, years, seed, rep);
    for (int k = 0; k < years; ++k) {
      const engine::Date next = u.from + std::chrono::years(k + 1);
      const engine::Tick t0 = cal.to_tick(u.from + std::chrono::years(k));
      const engine::Tick t1 = next > s.end ? engine::kNever : cal.to_tick(next);
      // Mean-centred counts: shifted down by half the walk's variance (a log-normal's mean is 1).
      const double shift =
          u.centre == scenario::InflowUncertainty::Centre::kMean && level.scale == LevelScale::kLog
              ? -0.5 * reverting_walk_variance(u.sigma * u.scale, u.reversion, k + 1)
              : 0.0;
      const double change = walk[static_cast<std::size_t>(k)] + shift;
      for (Schedule* schedule : level.schedules)
        schedule->modify(t0, t1, [&](double v) { return shift_level(v, change, level.scale); });
    }
  }
}

}  // namespace asylumsim::model
