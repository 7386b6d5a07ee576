// Loading a scenario for a command: errors refuse it (exit code 3), plausibility warnings are
// printed (even with --quiet: they are about the input, not progress) and kept for the report, and
// --strict turns them into errors.
#pragma once

#include <string>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::cli {

struct InputOptions {
  bool strict = false;  // warnings are errors
  bool print = true;    // print warnings on stderr (false on MPI ranks other than the root)
};

// Loads `path` with the --set overrides `sets`; throws scenario::InputError on errors, and on
// warnings under `strict`.
scenario::Scenario load_checked(const std::string& path, const std::vector<std::string>& sets,
                                const InputOptions& o);

}  // namespace asylumsim::cli
