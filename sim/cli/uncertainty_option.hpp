// --uncertainty chance|parameters|inflow|levels|all (or several joined by '+') for run, compare and
// sweep (docs/uncertainty.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "asylumsim/calibration/forecast_scores.hpp"
#include "asylumsim/calibration/uncertainty.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::cli {

void add_uncertainty_option(CLI::App* cmd, std::string& word);

// Attaches the requested sources to `s` (loaded from `path` with `sets`); an empty `word` means
// every source the scenario carries. A source asked for by name that the scenario lacks is an
// input error. Records the sources in s.uncertainty_sources (summary.json and the report say them).
montecarlo::UncertaintySources attach_sources(scenario::Scenario& s, const std::string& path,
                                              const std::vector<std::string>& sets,
                                              const std::string& word,
                                              const std::vector<std::string>& held = {});

// backtest --history: the inflow model's 1- and 2-year-ahead forecasts from each year of the CSV
// from 2007 (first applications only from then) with at least five changes known.
std::vector<calibration::InflowForecastScore> score_history(const std::string& csv_path);

// The --uncertainty word that asks for exactly `in` (compare asks the variants for the base's).
std::string source_word(const montecarlo::UncertaintySources& in);

}  // namespace asylumsim::cli
