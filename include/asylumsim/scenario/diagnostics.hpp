// Diagnostics for scenario files: every problem carries FILE:LINE:COLUMN and the key path, so a
// planner can go straight to the offending line. Problems are collected, not thrown one by one,
// so a file with five mistakes reports all five.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace asylumsim::scenario {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  std::string key_path;
  std::string message;
  bool warning = false;  // legal but implausible (scenario/plausibility.hpp), not an error

  std::string format() const;  // FILE:LINE:COLUMN: key.path: message ("warning: " before the path)
};

// Like a compiler, at most this many diagnostics are printed, then a count of the rest: a file
// with 100,000 unknown keys must not bury the first mistake.
inline constexpr std::size_t kMaxPrintedDiagnostics = 50;

class Diagnostics {
 public:
  void add(Diagnostic d) { list_.push_back(std::move(d)); }
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  // One diagnostic per line, at most `limit`, then "... and N more (M in all)".
  std::string format(std::size_t limit = kMaxPrintedDiagnostics) const;

 private:
  std::vector<Diagnostic> list_;
};

// Thrown when a scenario (or targets file) cannot be used; what() holds every diagnostic.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics d) : std::runtime_error(d.format()), diagnostics_(std::move(d)) {}
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

}  // namespace asylumsim::scenario
