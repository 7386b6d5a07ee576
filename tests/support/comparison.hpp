// Paired comparisons of small test scenarios, and looking up one cell of the result.
#pragma once

#include <catch2/catch.hpp>

#include "asylumsim/montecarlo/compare.hpp"
#include "fixtures.hpp"

namespace asylumsim::test {

inline const montecarlo::Difference& cell(const montecarlo::Comparison& c, const std::string& id,
                                          const std::string& when) {
  for (std::size_t i = 0; i < c.grid.size(); ++i)
    if (c.grid[i].indicator->id == id && c.grid[i].when.label() == when) return c.cells[i];
  FAIL("no cell " << id << " @ " << when);
  return c.cells.front();
}

// Base and variant (YAML trees) over the yearly grid, with or without common random numbers.
inline montecarlo::Comparison compare(const YAML::Node& base_y, const YAML::Node& variant_y,
                                      bool crn = true, int reps = 6) {
  const auto base = scenario_from(base_y, "base.yaml");
  const auto variant = scenario_from(variant_y, "variant.yaml");
  montecarlo::BatchOptions o;
  o.replications = reps;
  o.threads = 2;
  return montecarlo::run_comparison(base, variant, montecarlo::yearly_grid(base), o, crn);
}

}  // namespace asylumsim::test
