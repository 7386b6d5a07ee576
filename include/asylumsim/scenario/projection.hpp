// The scenario's `projection:` block keeps the calibrated past apart from the assumptions that
// drive the future. It mirrors the scenario's keys; each assumption gives the value a schedule
// takes from the projection's start, with the source or reasoning behind it:
//
//   projection:
//     from: 2026-01-01
//     ind:
//       capacity_per_week:
//         va: {value: 167.6, source: "2024-2025 mean; 2025 was a one-off"}
//
// Loading appends a dated step to that schedule (a plain number becomes a two-step schedule), so
// the section readers, the range checks and the measures see an ordinary schedule. The fitted
// 2024-2025 steps stay where the calibration put them. Mirroring the keys lets `--set
// projection.ind.capacity_per_week.va.value=200` and `extends` change one assumption.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

// Rewrites the schedules named in `block` inside `root` (the tree the loader reads next); problems
// go to the block's diagnostics with their location. `start` is the scenario's start date.
std::vector<ProjectionAssumption> apply_projection(YAML::Node root, const YamlView& block,
                                                   const std::string& start);

}  // namespace asylumsim::scenario
