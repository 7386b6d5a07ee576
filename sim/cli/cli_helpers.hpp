// Pieces of the command line shared by several commands, kept out of main.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "asylumsim/output/result_dir.hpp"
#include "asylumsim/output/xlsx.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "scenario_input.hpp"

namespace asylumsim::cli {

// Worker threads when the user gives none: every core.
int default_threads();

// Claims the output directory (refusing other results without --force) and says on stderr when it
// replaces earlier results (unless quiet).
void claim_output_dir(const std::filesystem::path& out, const output::ResultIdentity& id,
                      bool force, bool quiet);

// --set KEY.PATH=VALUE (repeatable); the form is checked here (a usage error), the path and value
// when the scenario is loaded (an input error naming the option).
void add_set_option(CLI::App* cmd, std::vector<std::string>& sets);

// The variants of `compare`, each with the base's seed and checked to be comparable with it; two
// variants with the same scenario name are refused (comparison.csv tells them apart by name).
std::vector<scenario::Scenario> load_variants(const scenario::Scenario& base,
                                              const std::vector<std::string>& paths,
                                              const std::vector<std::string>& sets,
                                              const InputOptions& input);

// out/<base>-vs-<variant>[-<variant>...]
std::string compare_dir_name(const scenario::Scenario& base,
                             const std::vector<scenario::Scenario>& variants);

// --xlsx: results.xlsx beside the other files, with the settings and the run's warnings.
void write_results_xlsx(const std::string& out_dir, std::vector<output::XlsxSheet> sheets,
                        const scenario::Scenario& s, std::uint64_t replications, bool interrupted,
                        bool exact_percentiles);

// `asylumsim sweep`: the scenario at a grid or Latin hypercube of values of one or more keys.
struct SweepCli {
  std::string scenario_path;
  std::vector<std::string> sets;
  std::vector<std::string> varies;  // KEY.PATH=FROM:TO:N
  std::string design = "grid";
  std::string out_dir;
  std::int64_t seed = -1;
  int replications = 0;
  int threads = 1;
  bool quiet = false;
  bool force = false;
  bool xlsx = false;
  std::string uncertainty;  // --uncertainty (docs/uncertainty.md)
  const std::atomic<bool>* stop = nullptr;
};
void add_sweep_options(CLI::App* cmd, SweepCli& o);
int cmd_sweep(const SweepCli& o);

}  // namespace asylumsim::cli
