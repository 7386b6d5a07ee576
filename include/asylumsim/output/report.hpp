// The HTML report every run, validate and compare leaves as DIR/report.html: one self-contained
// file (inline CSS and SVG; no scripts, fonts or images from anywhere) that opens offline in any
// browser. Same inputs give the same bytes: the report carries no clock time.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/output/validation.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// Cells the report's charts read (monthly stocks, half-yearly flows of the charted indicators).
// `compare` adds them to its yearly grid so base and variant can be drawn over each other.
std::vector<montecarlo::Cell> report_chart_grid(const scenario::Scenario& s);

// `run`: settings digest, fan charts, key indicators per year.
std::string run_report(const scenario::Scenario& s, const montecarlo::BatchResult& r);

// `validate`: the documented figures against the model (mean and 90% band) per target.
std::string validation_report(const scenario::Scenario& s, const std::string& targets_file,
                              const std::vector<ValidationRow>& rows, std::uint64_t replications);

// `compare`: base and variant overlaid, and the paired differences with 95% intervals. The
// comparison's grid must hold the yearly grid followed by report_chart_grid(base).
std::string comparison_report(const scenario::Scenario& base, const scenario::Scenario& variant,
                              const montecarlo::Comparison& c);

}  // namespace asylumsim::output
