// The progress line on stderr (only when stderr is a terminal). With --until-precision the target
// grows while the batch runs: the line counts all replications so far against the current
// target and says why the target grew, so it never jumps back.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace asylumsim::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  // `done` of `total` replications, both counted from the first replication of the command.
  void update(std::uint64_t done, std::uint64_t total);
  // Shown after the counts, e.g. "target raised: nareis.waiting_abroad 2031-01-01 not precise yet".
  void set_note(std::string note);

 private:
  using clock = std::chrono::steady_clock;
  bool enabled_;
  clock::time_point start_;
  std::uint64_t first_done_ = 0;  // replications done when timing started (resumed ones)
  bool timing_ = false;
  std::string note_;
  std::mutex mu_;
};

}  // namespace asylumsim::cli
