#include "asylumsim/output/uncertainty_notes.hpp"

#include <algorithm>
#include <vector>

namespace asylumsim::output {

namespace {

// "a", "a and b", "a, b and c".
std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

}  // namespace

std::string uncertainty_sentence(const scenario::Scenario& s) {
  const auto& in = s.uncertainty_sources;
  const auto has = [&](const char* name) {
    return std::find(in.begin(), in.end(), name) != in.end();
  };
  const bool parameters = has("parameters"), inflow = has("inflow"), levels = has("levels");
  if (!parameters && !inflow && !levels)
    return "Bands show <strong>chance variation only</strong> (--uncertainty chance, or a "
           "scenario without calibration.posterior, uncertainty.inflow and uncertainty.levels): "
           "they leave out the uncertainty of the calibrated parameters, of future inflow and of "
           "future policy and behaviour, and are far too narrow for a forecast.";
  std::vector<std::string> included{"chance variation"}, left_out;
  (parameters ? included : left_out)
      .push_back(parameters ? "the uncertainty of the calibrated parameters (each replication "
                              "draws one parameter set from calibration.posterior)"
                            : "parameter uncertainty");
  (inflow ? included : left_out)
      .push_back(inflow ? "future first applications (each replication draws an inflow path "
                          "around the scenario's own assumption from uncertainty.inflow)"
                        : "future-inflow uncertainty");
  (levels ? included : left_out)
      .push_back(levels ? "drifting policy and behaviour levels (grant rates, IND production, "
                          "appeals, the taakstelling and housing, nareis: each replication draws "
                          "their yearly walks from uncertainty.levels)"
                        : "the drift of policy and behaviour levels");
  std::string s1 = "Bands include " + joined(included) + ".";
  s1 += levels ? " They do not include sudden policy changes beyond that drift."
               : " They do not include policy changes the scenario does not describe.";
  if (!left_out.empty()) s1 += " Left out: " + joined(left_out) + ".";
  return s1;
}

}  // namespace asylumsim::output
