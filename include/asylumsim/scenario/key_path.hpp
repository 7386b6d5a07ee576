// Key paths into a scenario's YAML tree, e.g. `ind.capacity_per_week.aa[1].value`: the syntax of
// the calibration block's `path:`, of `--set KEY.PATH=VALUE` and of `sweep --vary`.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace asylumsim::scenario {

// Splits "a.b[2].c" into keys and indices; an index is kept as "[2]". Empty when malformed.
std::vector<std::string> split_key_path(const std::string& path);

// The node at `path`, or an undefined node. The result shares the tree's memory: assigning to it
// writes through into `root`.
YAML::Node resolve_key_path(const YAML::Node& root, const std::string& path);

}  // namespace asylumsim::scenario
