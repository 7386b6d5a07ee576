#include "asylumsim/output/uncertainty_notes.hpp"

#include <algorithm>

namespace asylumsim::output {

std::string uncertainty_sentence(const scenario::Scenario& s) {
  const auto& in = s.uncertainty_sources;
  const bool parameters = std::find(in.begin(), in.end(), "parameters") != in.end();
  const bool inflow = std::find(in.begin(), in.end(), "inflow") != in.end();
  if (!parameters && !inflow)
    return "Bands show <strong>chance variation only</strong> (--uncertainty chance, or a "
           "scenario without calibration.posterior and uncertainty.inflow): they leave out the "
           "uncertainty of the calibrated parameters and of future inflow, and are far too narrow "
           "for a forecast.";
  std::string s1 = "Bands include chance variation";
  if (parameters)
    s1 +=
        ", the uncertainty of the calibrated parameters (each replication draws one "
        "parameter set from calibration.posterior)";
  if (inflow)
    s1 += std::string(parameters ? " and" : ",") +
          " future first applications (each replication draws an inflow path around "
          "the scenario's own assumption from uncertainty.inflow)";
  s1 += ". They do not include policy changes the scenario does not describe.";
  if (!parameters) s1 += " Parameter uncertainty is left out.";
  if (!inflow) s1 += " Future-inflow uncertainty is left out.";
  return s1;
}

}  // namespace asylumsim::output
