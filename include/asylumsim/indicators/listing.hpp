// `asylumsim indicators`: every indicator the model computes, the ids of series.csv and of
// targets files, with its kind, unit and meaning; the per-group ones as patterns.
#pragma once

#include <string>

#include "asylumsim/indicators/indicator.hpp"

namespace asylumsim::indicators {

// "flow", "stock", "duration", "share", "stock ratio", "stock change" or "stock-days".
const char* kind_label(Indicator::Kind k);

std::string catalogue_listing();

}  // namespace asylumsim::indicators
