// Validation rows (montecarlo/validation.hpp) as CSV and as a table for the terminal.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/validation.hpp"

namespace asylumsim::output {

using montecarlo::ValidationRow;

std::string validation_csv(const std::vector<ValidationRow>& rows);
std::string validation_table(const std::vector<ValidationRow>& rows);

}  // namespace asylumsim::output
