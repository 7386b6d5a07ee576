// run, validate and compare: the commands that run Monte Carlo batches of a scenario.
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace asylumsim::cli {

struct BatchCli {
  const std::atomic<bool>* stop = nullptr;  // set by SIGINT/SIGTERM: write what is complete
  std::string scenario_path;
  std::string targets_path;
  std::string out_dir;
  std::int64_t seed = -1;
  int replications = 0;
  int threads = 0;
  bool quiet = false;
  bool force = false;
  bool strict = false;  // plausibility warnings are errors
  bool keep_replications = false;
  bool require_acceptance = false;
  bool xlsx = false;  // --xlsx: results.xlsx too
  double until_precision = 0;
  int max_replications = 100000;
  std::string checkpoint;
  std::vector<std::string> variant_paths;
  std::vector<std::string> sets;  // --set KEY.PATH=VALUE, in order
  bool independent = false;
  std::string uncertainty;  // --uncertainty (empty: every source the scenario carries)
};

// Whether this process writes results: always without MPI, rank 0 under mpirun.
bool is_root();

// The options of run and validate; `out_default` names the default output directory.
void add_batch_options(CLI::App* cmd, BatchCli& o, const std::string& out_default);

int cmd_run(const BatchCli& o, const std::string& command_line);
int cmd_validate(const BatchCli& o, const std::string& command_line);
int cmd_compare(const BatchCli& o);

}  // namespace asylumsim::cli
