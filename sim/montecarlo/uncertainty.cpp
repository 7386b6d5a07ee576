// The sources of uncertainty and the pick-freeze keys:
// include/asylumsim/montecarlo/uncertainty.hpp.
#include "asylumsim/montecarlo/uncertainty.hpp"

#include <algorithm>

namespace asylumsim::montecarlo {

std::string UncertaintySources::label() const {
  std::string s = "chance";
  if (parameters) s += "+parameters";
  if (inflow) s += "+inflow";
  if (levels) s += "+levels";
  return s;
}

std::vector<std::string> UncertaintySources::names() const {
  std::vector<std::string> n{"chance"};
  if (parameters) n.push_back("parameters");
  if (inflow) n.push_back("inflow");
  if (levels) n.push_back("levels");
  return n;
}

std::optional<UncertaintySources> parse_uncertainty(const std::string& words) {
  UncertaintySources in;
  std::size_t begin = 0;
  while (begin <= words.size()) {
    const std::size_t end = std::min(words.find_first_of("+,", begin), words.size());
    const std::string word = words.substr(begin, end - begin);
    if (word == "parameters")
      in.parameters = true;
    else if (word == "inflow")
      in.inflow = true;
    else if (word == "levels")
      in.levels = true;
    else if (word == "all")
      in = UncertaintySources{true, true, true};
    else if (word != "chance")
      return std::nullopt;
    begin = end + 1;
  }
  return in;
}

std::uint64_t parameter_key(std::uint64_t rep) {
  return rep % 4 == 3 ? rep : rep - rep % 4;
}

std::uint64_t inflow_key(std::uint64_t rep) {
  return rep % 4 == 2 ? rep : rep - rep % 4;
}

}  // namespace asylumsim::montecarlo
