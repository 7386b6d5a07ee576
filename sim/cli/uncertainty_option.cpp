#include "uncertainty_option.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "asylumsim/model/inflow_uncertainty.hpp"

namespace asylumsim::cli {

void add_uncertainty_option(CLI::App* cmd, std::string& word) {
  cmd->add_option("--uncertainty", word,
                  "Sources in the bands: chance, parameters (calibration.posterior), inflow "
                  "(uncertainty.inflow) or all (default: every source the scenario carries)")
      ->check(CLI::IsMember({"chance", "parameters", "inflow", "all"}));
}

montecarlo::UncertaintySources attach_sources(scenario::Scenario& s, const std::string& path,
                                              const std::vector<std::string>& sets,
                                              const std::string& word,
                                              const std::vector<std::string>& held) {
  const auto wanted = montecarlo::parse_uncertainty(word.empty() ? "all" : word);
  if (!wanted) throw std::invalid_argument(fmt::format("--uncertainty {}: unknown source", word));
  const montecarlo::UncertaintySources in =
      calibration::attach_uncertainty(s, path, sets, *wanted, held);
  if (!word.empty() && word != "all" &&
      (wanted->parameters != in.parameters || wanted->inflow != in.inflow))
    throw std::invalid_argument(
        fmt::format("--uncertainty {}: {} has no {}", word, path,
                    wanted->parameters ? "calibration.posterior block (asylumsim posterior)"
                                       : "active uncertainty.inflow block"));
  s.uncertainty_sources = in.names();
  return in;
}

std::vector<calibration::InflowForecastScore> score_history(const std::string& csv_path) {
  constexpr int kFirstYear = 2007, kMinChanges = 5;
  std::vector<int> years;
  const std::vector<double> counts = model::read_yearly_counts(csv_path, kFirstYear, &years);
  return calibration::score_inflow_forecasts(years, counts, kMinChanges, 2);
}

std::string source_word(const montecarlo::UncertaintySources& in) {
  if (in.parameters && in.inflow) return "all";
  if (in.parameters) return "parameters";
  return in.inflow ? "inflow" : "chance";
}

}  // namespace asylumsim::cli
