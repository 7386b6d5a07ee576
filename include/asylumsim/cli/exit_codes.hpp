// Exit codes of the asylumsim command (documented in docs/cli.md).
#pragma once

namespace asylumsim::cli {

enum ExitCode : int {
  kOk = 0,
  kRuntimeError = 1,    // unexpected failure
  kUsageError = 2,      // bad command line
  kInputError = 3,      // scenario or targets file invalid
  kInvariantError = 4,  // the model broke an invariant (conservation): a bug, please report
  kOutputError = 5,     // results could not be written (or the directory is refused)
  kInterrupted = 6,     // stopped by SIGINT/SIGTERM: partial results written, marked incomplete
  kNotAccepted = 7,     // validate --require-acceptance: a figure outside its acceptance band
};

}  // namespace asylumsim::cli
