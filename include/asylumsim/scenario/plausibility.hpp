// Plausibility warnings: values that are legal but most likely a mistake (a factor of 30 meant as
// +30%, a measure dated before the scenario starts, a cost left at its default of 0, a capacity
// change larger than the whole stock). Each warning has FILE:LINE:COLUMN, the key path, a one-line
// reason and, where one can be guessed, a suggestion. They do not stop a run; `--strict` makes
// them errors. docs/reliability.md lists every check and its threshold.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/resolve.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::scenario {

// Warnings for the loaded scenario `s`, located in the files of its `extends` chain (the file
// that gives a value is the one named).
Diagnostics plausibility_warnings(const Scenario& s, const std::vector<SourceFile>& chain);

// The same for the scenario file at `path` (which must load without errors).
Diagnostics plausibility_warnings(const std::string& path, const Scenario& s);

}  // namespace asylumsim::scenario
