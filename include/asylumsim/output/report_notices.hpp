// Notices every report shows near its top: which scenario (name and hash) the results belong to,
// the plausibility warnings that applied, and a banner when the results are partial.
#pragma once

#include <cstdint>
#include <string>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// "Scenario hash ..." and, when there are any, the warnings as a list (HTML).
std::string scenario_notices_html(const scenario::Scenario& s);
// The partial-results banner: `done` of `planned` replications (HTML; empty when complete).
std::string partial_banner_html(bool interrupted, std::uint64_t done, std::uint64_t planned,
                                const std::string& where_said);

}  // namespace asylumsim::output
