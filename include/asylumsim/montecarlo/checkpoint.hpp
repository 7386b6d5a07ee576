// Checkpoints of a Monte Carlo batch: an append-only binary log of the rows fed to the aggregator,
// in replication order. Resuming replays the log through a fresh aggregator and continues with
// the next replication, so a resumed batch gives the same bytes as an uninterrupted one (the
// aggregation sees the same rows in the same order). A row torn by a kill is ignored on resume.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::montecarlo {

// Names a run for its checkpoint: the resolved scenario (a base it extends included), the seed,
// the number of output cells, the content of the targets file (none: empty path) and the binary
// that computes the rows.
std::string checkpoint_identity(const scenario::Scenario& s, std::size_t cells,
                                const std::string& targets_path);

class Checkpoint {
 public:
  // `identity` names the run (scenario digest, seed, grid); a log with another identity is
  // refused rather than silently mixed in.
  Checkpoint(std::filesystem::path path, std::string identity, std::size_t cells);

  // Replays complete rows already in the log (replication 0, 1, ...) and returns how many.
  // Throws std::runtime_error when the file belongs to another run.
  std::uint64_t replay(const std::function<void(std::uint64_t, const std::vector<double>&)>& sink);
  // Appends one row (in replication order) and flushes it to the operating system.
  void append(std::uint64_t replication, const std::vector<double>& row);
  // The batch completed: the log is no longer needed.
  void remove();

 private:
  std::filesystem::path path_;
  std::string identity_;
  std::size_t cells_;
  std::ofstream out_;
};

}  // namespace asylumsim::montecarlo
