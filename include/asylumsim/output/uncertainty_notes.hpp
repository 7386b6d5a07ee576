// What the report's bands include (docs/uncertainty.md): chance alone, or chance with the
// calibrated parameters and the future inflow.
#pragma once

#include <string>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// One sentence for the reading note of the fan charts.
std::string uncertainty_sentence(const scenario::Scenario& s);

}  // namespace asylumsim::output
