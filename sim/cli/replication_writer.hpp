// Streams every replication's values, in replication order, to DIR/replications.csv (written to
// a temporary name, renamed when the batch ends). Rows carry the scenario's identity (name, hash,
// seed) like every tidy file; each row is a whole replication, so there is no `complete` column.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::cli {

class ReplicationWriter {
 public:
  ReplicationWriter(const std::filesystem::path& dir, const std::vector<montecarlo::Cell>& grid,
                    const scenario::Scenario& s);
  void write(std::uint64_t rep, const std::vector<double>& row);
  void commit();

 private:
  std::filesystem::path final_, partial_;
  std::string prefix_;
  const std::vector<montecarlo::Cell>& grid_;
  std::ofstream out_;
};

}  // namespace asylumsim::cli
