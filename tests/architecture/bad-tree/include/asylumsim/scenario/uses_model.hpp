// A deliberate violation for the layering check's own test: the scenario module comes before the
// model, so it may not include it.
#pragma once

#include "asylumsim/model/metrics.hpp"
