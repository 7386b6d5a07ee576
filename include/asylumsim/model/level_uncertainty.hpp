// Drifting policy and behaviour levels (docs/uncertainty.md, "Policy and behaviour levels"): from
// `uncertainty.levels.from` on, each level below moves by a yearly random walk of its own (pulled
// back with `reversion` < 1: model/reverting_walk.hpp), drawn
// per replication from the stream "uncertainty.levels.<name>", so no other process's numbers
// change and adding a level leaves the others' draws as they were.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

// A count (persons, decisions per week) moves on the log scale; a share on the log-odds scale, so
// it stays inside (0, 1).
enum class LevelScale { kLog, kLogOdds };

// One level: the schedules one walk moves together (a group's grant rate on every spoor moves
// with the country policy for that group).
struct DriftingLevel {
  std::string name;  // stream key and docs name, e.g. groups.Syria.grant_rate
  LevelScale scale;
  std::vector<scenario::Schedule*> schedules;
};

// The levels of `s` that drift, in a fixed order (docs/uncertainty.md lists them).
std::vector<DriftingLevel> drifting_levels(scenario::Scenario& s);

// The walk of one level: its cumulative change after each of `years` years from `from`.
std::vector<double> draw_level_walk(const scenario::LevelUncertainty& u, const std::string& name,
                                    int years, std::uint64_t seed, std::uint64_t rep);

// Moves every level of `s` along its drawn walk (a no-op when the source is off).
void apply_level_drift(scenario::Scenario& s, std::uint64_t seed, std::uint64_t rep);

// `value` moved by `change` on `scale` (a share of exactly 0 or 1 stays where it is).
double shift_level(double value, double change, LevelScale scale);

}  // namespace asylumsim::model
