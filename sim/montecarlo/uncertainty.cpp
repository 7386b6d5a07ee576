// The sources of uncertainty and the pick-freeze keys:
// include/asylumsim/montecarlo/uncertainty.hpp.
#include "asylumsim/montecarlo/uncertainty.hpp"

#include <algorithm>

namespace asylumsim::montecarlo {

std::string UncertaintySources::label() const {
  std::string s = "chance";
  if (parameters) s += "+parameters";
  if (inflow) s += "+inflow";
  return s;
}

std::vector<std::string> UncertaintySources::names() const {
  std::vector<std::string> n{"chance"};
  if (parameters) n.push_back("parameters");
  if (inflow) n.push_back("inflow");
  return n;
}

std::optional<UncertaintySources> parse_uncertainty(const std::string& word) {
  if (word == "chance") return UncertaintySources{false, false};
  if (word == "parameters") return UncertaintySources{true, false};
  if (word == "inflow") return UncertaintySources{false, true};
  if (word == "all") return UncertaintySources{true, true};
  return std::nullopt;
}

std::uint64_t parameter_key(std::uint64_t rep) {
  return rep % 4 == 3 ? rep : rep - rep % 4;
}

std::uint64_t inflow_key(std::uint64_t rep) {
  return rep % 4 == 2 ? rep : rep - rep % 4;
}

}  // namespace asylumsim::montecarlo
