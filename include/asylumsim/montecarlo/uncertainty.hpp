// Which sources of uncertainty a batch's bands include (--uncertainty, docs/uncertainty.md):
// chance (always), the calibrated parameters (calibration.posterior), the future inflow
// (uncertainty.inflow) and drifting policy and behaviour levels (uncertainty.levels). Each
// replication draws its parameter set, inflow path and level walks from streams keyed
// by (seed, replication, source), so two scenarios run with the same seed (compare's arms) draw the
// same parameters and paths: common random numbers for every source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::montecarlo {

struct UncertaintySources {
  bool parameters = false;
  bool inflow = false;
  bool levels = false;
  bool beyond_chance() const { return parameters || inflow || levels; }
  // "chance", then each source in, joined by '+': e.g. "chance+parameters+inflow+levels".
  std::string label() const;
  std::vector<std::string> names() const;  // ["chance", ...]
};

// Replications come in blocks of four that share draws (a pick-freeze design, docs/uncertainty.md):
// 4k and 4k+1 share the parameter set and the inflow path (they differ by chance only), 4k+2
// shares only the parameter set with 4k, 4k+3 only the inflow path. Every replication on its own
// is a draw from the full joint distribution; the pairs give the variance decomposition. The level
// walks are part of the future, drawn with the inflow path's key: "inflow" in the decomposition is
// the future (inflow and levels) when both are in.
std::uint64_t parameter_key(std::uint64_t rep);
std::uint64_t inflow_key(std::uint64_t rep);

// chance | parameters | inflow | levels | all, or several joined by '+' or ',' (for example
// parameters+inflow); chance is always in. Nullopt for an unknown word.
std::optional<UncertaintySources> parse_uncertainty(const std::string& word);

// Drawing them (calibration/uncertainty.hpp) needs the calibration's posterior.

}  // namespace asylumsim::montecarlo
