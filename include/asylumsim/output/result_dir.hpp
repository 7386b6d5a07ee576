// Results that cannot be mixed up. Every output directory holds `identity.json` naming what its
// results belong to (a scenario's name and the hash of the resolved scenario; for a comparison
// both scenarios), every tidy CSV carries the same identity in its leading columns, and a
// directory holding other results is refused without --force, which then clears them first.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

struct ResultIdentity {
  std::string command;  // run, validate, compare, calibrate, backtest
  std::string name;     // the scenario's name; "BASE vs VARIANT" for a comparison
  std::string hash;     // the scenario's hash; both, joined by '+', for a comparison
};
ResultIdentity identity_of(const std::string& command, const scenario::Scenario& s);
ResultIdentity identity_of(const scenario::Scenario& base, const scenario::Scenario& variant);
// A comparison of several variants with one base: "BASE vs V1, V2", hashes joined by '+'.
ResultIdentity identity_of(const scenario::Scenario& base,
                           const std::vector<scenario::Scenario>& variants);

// Refuses (OutputError, exit code 5) a directory that holds other results (another scenario, the
// same name with another hash, or files that are not asylumsim results) unless `force`; with
// `force`, removes the result files asylumsim writes there (other files are left). Creates the
// directory and writes identity.json. Returns a notice for the user ("replacing earlier results
// of the same scenario") or an empty string.
std::string prepare_output_dir(const std::filesystem::path& dir, const ResultIdentity& id,
                               bool force);

// Leading columns of every tidy file: name and value.
using IdentityColumns = std::vector<std::pair<std::string, std::string>>;
// scenario, scenario_hash, seed and complete (false for partial results of an interrupted batch).
IdentityColumns run_columns(const scenario::Scenario& s, bool complete);
// base_scenario, base_hash, variant_scenario, variant_hash, seed, complete.
IdentityColumns comparison_columns(const scenario::Scenario& base,
                                   const scenario::Scenario& variant, bool complete);
// The CSV with `cols` put into every line after its first `after` columns (0: before them all;
// kAtEnd: after them all); the header gets their names.
inline constexpr std::size_t kAtEnd = static_cast<std::size_t>(-1);
std::string with_columns(const std::string& csv, const IdentityColumns& cols,
                         std::size_t after = 0);
// The values of `cols` as the start of a CSV line ("nl-baseline,0123abcd,20240101,").
std::string column_prefix(const IdentityColumns& cols);

}  // namespace asylumsim::output
