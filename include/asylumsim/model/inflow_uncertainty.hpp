// Future-inflow uncertainty (docs/uncertainty.md): a multiplicative path on each group's first
// applications from `uncertainty.inflow.from` on, drawn per replication from its own keyed streams
// ("uncertainty.inflow", "uncertainty.inflow_mix.<group>"), so no other process's numbers change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

// The yearly changes of log first applications for `years` years: an AR(1) started from its
// stationary distribution (mean 0: the path is centred on the scenario's own assumption).
std::vector<double> draw_inflow_log_changes(const scenario::InflowUncertainty& u, int years,
                                            std::uint64_t seed, std::uint64_t rep);

// The log level after each of `years` years: the sum of the changes above, or with reversion < 1
// the pulled-back path of model/reverting_walk.hpp (from the same stream).
std::vector<double> draw_inflow_log_levels(const scenario::InflowUncertainty& u, int years,
                                           std::uint64_t seed, std::uint64_t rep);

// The variance of the log level after each of `years` years.
std::vector<double> inflow_log_level_variance(const scenario::InflowUncertainty& u, int years);

// Per group (outer) and forecast year (inner): the factor on first applications.
std::vector<std::vector<double>> draw_inflow_multipliers(const scenario::Scenario& s,
                                                         std::uint64_t seed, std::uint64_t rep);

// Multiplies each group's first applications (schedule and inflow file) by its drawn path.
void apply_inflow_path(scenario::Scenario& s, std::uint64_t seed, std::uint64_t rep);

// Whole or part years from `from` (uncertainty.inflow.from when not given) to the scenario's end.
int forecast_years(const scenario::Scenario& s, engine::Date from);
int forecast_years(const scenario::Scenario& s);

// Estimates of the yearly model from a series of yearly counts (oldest first): the standard
// deviation and lag-1 autocorrelation of the log changes, as the scenario block takes them.
struct InflowEstimate {
  int changes = 0;
  double mean_change = 0, sigma = 0, autocorrelation = 0;
};
InflowEstimate estimate_inflow_model(const std::vector<double>& yearly_counts);
// Reads a history CSV with columns year,persons,... (first-applications-year.csv) from
// `first_year` on; throws when a year is missing (the changes must be yearly). `years`, when
// given, receives the years.
std::vector<double> read_yearly_counts(const std::string& csv_path, int first_year,
                                       std::vector<int>* years = nullptr);

}  // namespace asylumsim::model
