// Result files. Every file is written to a temporary name in the output directory and renamed
// when complete, so an interrupted run never leaves a file that looks whole but is not.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// Results could not be written, or the output directory was refused (exit code 5).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `content` to `path` atomically (write to path.tmp-XXXX, fsync-free rename).
void write_file_atomic(const std::filesystem::path& path, const std::string& content);

// Long, tidy CSV: metric,when,statistic,value (one row per indicator, period/date and statistic).
std::string series_csv(const montecarlo::BatchResult& r);

struct RunInfo {
  std::string command;
  double wall_seconds = 0;
  int threads = 1;
  bool complete = true;  // false when the batch was interrupted: summary.json says so
};

// Key indicators per year with their Monte Carlo distribution, plus run metadata.
std::string summary_json(const scenario::Scenario& s, const montecarlo::BatchResult& r,
                         const RunInfo& info);

// A short plain-text table of key indicators per year (printed after a run).
std::string summary_table(const scenario::Scenario& s, const montecarlo::BatchResult& r);

// The key indicators shown per year in the summary table, summary.json and the report: the
// catalogue's tag `summary` (indicators/tags.hpp), in its order.
struct KeyIndicator {
  const char* id;
  bool stock;  // evaluated at the year's end (the row dated 1 January of the next year)
  const char* label;
};
const std::vector<KeyIndicator>& key_indicators();
// The `when` label of a key indicator for a calendar year: "2026" or "2027-01-01".
std::string key_when(const KeyIndicator& k, int year);

// Grid cells of the key indicators in the horizon's last year, and the largest relative Monte
// Carlo standard error among them (the convergence criterion of --until-precision).
std::vector<std::size_t> key_indicator_cells(const scenario::Scenario& s,
                                             const montecarlo::BatchResult& r);
double max_relative_se(const scenario::Scenario& s, const montecarlo::BatchResult& r);

// The output directory itself (identity, --force): output/result_dir.hpp.

}  // namespace asylumsim::output
