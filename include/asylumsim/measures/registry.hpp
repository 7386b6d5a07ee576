// The measure types: one file each in sim/measures/types/, listed once in
// sim/measures/registry.cpp. A type's file holds its parameters, the keys and reading of its block
// (a scenario::MeasureSchema the loader uses at load time), its plausibility checks, how it changes
// the chain's mechanics and its words in the reports. docs/extending.md, "A measure type", shows
// how to add one.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::measures {

// A block's parameters with what they do: what a type's reader returns.
class MeasureEffect : public scenario::MeasureParams {
 public:
  // Changes the parameters of s inside the window [m.from, m.until) of the block m.
  virtual void apply(scenario::Scenario& s, const scenario::Measure& m) const = 0;
  // The parameters in words for reports ("legal decision term 120 days").
  virtual std::string describe(const scenario::Scenario& s) const = 0;
};

// Every measure type, in the order of the registration list.
const std::vector<const scenario::MeasureSchema*>& measure_types();

// The effects of a block read by one of measure_types(); throws std::logic_error for another.
const MeasureEffect& effect_of(const scenario::Measure& m);

}  // namespace asylumsim::measures
