// The settings digest of the reports (internal to sim/output): the settings a planner checks
// first, and every measure the scenario switches on, each described in words.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output::detail {

using Digest = std::vector<std::pair<std::string, std::string>>;

// `compare` leaves out the seed and replications (with_batch false), which the base sets for both.
Digest settings_digest(const scenario::Scenario& s, bool with_batch = true);
std::string digest_table(const Digest& d);

}  // namespace asylumsim::output::detail
