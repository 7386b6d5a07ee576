#include "uncertainty_option.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "asylumsim/model/inflow_uncertainty.hpp"

namespace asylumsim::cli {

void add_uncertainty_option(CLI::App* cmd, std::string& word) {
  cmd->add_option("--uncertainty", word,
                  "Sources in the bands: chance, parameters (calibration.posterior), inflow "
                  "(uncertainty.inflow), levels (uncertainty.levels), several joined by '+' "
                  "(parameters+inflow) or all (default: every source the scenario carries)")
      ->check(CLI::Validator(
          [](const std::string& w) {
            return montecarlo::parse_uncertainty(w)
                       ? std::string()
                       : "expected chance, parameters, inflow, levels or all, or several "
                         "joined by '+', not '" +
                             w + "'";
          },
          "SOURCES"));
}

namespace {

// The first source asked for by name that the scenario does not carry, with what it lacks.
std::string missing_source(const montecarlo::UncertaintySources& wanted,
                           const montecarlo::UncertaintySources& in) {
  if (wanted.parameters && !in.parameters)
    return "no calibration.posterior block (asylumsim posterior)";
  if (wanted.inflow && !in.inflow) return "no active uncertainty.inflow block";
  if (wanted.levels && !in.levels) return "no active uncertainty.levels block";
  return {};
}

}  // namespace

montecarlo::UncertaintySources attach_sources(scenario::Scenario& s, const std::string& path,
                                              const std::vector<std::string>& sets,
                                              const std::string& word,
                                              const std::vector<std::string>& held) {
  const auto wanted = montecarlo::parse_uncertainty(word.empty() ? "all" : word);
  if (!wanted) throw std::invalid_argument(fmt::format("--uncertainty {}: unknown source", word));
  const montecarlo::UncertaintySources in =
      calibration::attach_uncertainty(s, path, sets, *wanted, held);
  // Only `all` (or no word) means "what the scenario carries"; sources named one by one must exist.
  const bool every = word.empty() || word == "all";
  if (const std::string lack = missing_source(*wanted, in); !every && !lack.empty())
    throw std::invalid_argument(fmt::format("--uncertainty {}: {} has {}", word, path, lack));
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
  return in.label();
}

}  // namespace asylumsim::cli
