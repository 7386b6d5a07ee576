// Checks of option values that say what is wrong and what is expected ("'abc' is not a whole
// number (expected 1 to 10,000,000)"), where CLI11's own ranges print "not in range" or a
// 309-digit bound.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>

namespace asylumsim::cli {

// A whole number in [min, max]; max = INT64_MAX reads as "0 or more".
CLI::Validator whole_number(std::int64_t min, std::int64_t max);
// A decimal number in [min, max].
CLI::Validator decimal_number(double min, double max);

}  // namespace asylumsim::cli
