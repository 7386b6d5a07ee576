// Exit codes of the asylumsim command: the one table. The --help footers are generated from it and
// a test checks that docs/cli.md lists the same codes with the same meanings.
#pragma once

#include <cstddef>
#include <string>

namespace asylumsim::cli {

enum ExitCode : int {
  kOk = 0,
  kRuntimeError = 1,    // unexpected failure
  kUsageError = 2,      // bad command line
  kInputError = 3,      // scenario or targets file missing, unreadable or invalid (or --strict)
  kInvariantError = 4,  // the model broke an invariant (conservation): a bug, please report
  kOutputError = 5,     // results could not be written (or the directory is refused)
  kInterrupted = 6,     // stopped by SIGINT/SIGTERM: partial results written, marked incomplete
  kNotAccepted = 7,     // validate --require-acceptance: a figure outside its acceptance band
};

struct ExitCodeInfo {
  ExitCode code;
  const char* brief;    // a few words, for the --help footer
  const char* meaning;  // the sentence of docs/cli.md's table
};

inline constexpr ExitCodeInfo kExitCodes[] = {
    {kOk, "ok", "success"},
    {kRuntimeError, "runtime error", "unexpected runtime error"},
    {kUsageError, "usage error",
     "usage error (unknown command or option, bad option value such as `--seed -1` or "
     "`--replications abc`)"},
    {kInputError, "invalid input",
     "invalid input: a scenario, targets or inflow CSV file is missing, unreadable or has errors "
     "(each printed as `FILE:LINE:COLUMN: key.path: message`), two scenarios of `compare` do not "
     "fit together, a `--set`/`--vary` option names a key that does not exist or a value the "
     "scenario refuses (printed as `--set KEY.PATH=VALUE: key.path: message`), or `--strict` "
     "found warnings"},
    {kInvariantError, "model invariant violated",
     "the model broke an invariant (conservation): a bug — please report it with the scenario"},
    {kOutputError, "output not written",
     "results could not be written, or the output directory was refused"},
    {kInterrupted, "interrupted (partial results)",
     "interrupted by SIGINT (Ctrl-C) or SIGTERM: the replications completed so far are written "
     "and marked partial (`summary.json`: `\"complete\": false`, `complete` column `false`, a "
     "banner in the report)"},
    {kNotAccepted, "figure outside acceptance band",
     "`validate --require-acceptance`: at least one figure is outside its acceptance band "
     "(results written; the figures named on stderr)"},
};

// "Exit codes: 0 ok, 1 runtime error, ... See docs/cli.md." for every command's --help.
inline std::string exit_code_footer() {
  std::string out = "Exit codes:";
  const std::size_t n = sizeof kExitCodes / sizeof kExitCodes[0];
  for (std::size_t i = 0; i < n; ++i) {
    out += ' ';
    out += std::to_string(static_cast<int>(kExitCodes[i].code));
    out += ' ';
    out += kExitCodes[i].brief;
    out += i + 1 < n ? "," : ".";
  }
  return out + " See docs/cli.md.";
}

}  // namespace asylumsim::cli
