// How much of each key indicator's variance each source of uncertainty contributes (issue 26,
// docs/uncertainty.md). Replications come in blocks of four (montecarlo/uncertainty.hpp): 4k and
// 4k+1 differ by chance only, 4k+2 shares only the parameter set with 4k, 4k+3 only the inflow
// path. By the law of total variance, chance contributes E[Var(Y | parameters, inflow)], estimated
// from the first pair; the parameters' first-order part Var(E[Y | parameters]) is Cov(Y_4k,
// Y_4k+2), the inflow's Cov(Y_4k, Y_4k+3) (pick-freeze estimators); what is left is their
// interaction. No extra replications are run.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"

namespace asylumsim::output {

struct VarianceShares {
  std::string id, when;
  double variance = 0;  // of the indicator over all replications
  double chance = 0, parameters = 0, inflow = 0, interaction = 0;  // fractions of it
};

class VarianceDecomposition {
 public:
  // Tracks the key indicators (writers.hpp) of every year of the grid.
  explicit VarianceDecomposition(const std::vector<montecarlo::Cell>& grid);
  // Rows in replication order from replication 0.
  void add(std::uint64_t rep, const std::vector<double>& row);
  std::vector<VarianceShares> shares() const;
  std::size_t blocks() const { return blocks_.empty() ? 0 : blocks_[0].size(); }

 private:
  struct Tracked {
    std::size_t cell;
    std::string id, when;
  };
  std::vector<Tracked> tracked_;
  std::vector<std::vector<std::array<double, 4>>> blocks_;  // per tracked cell, complete blocks
  std::vector<std::array<double, 4>> pending_;
};

// summary.json with "uncertainty" and "variance_decomposition" filled in.
std::string with_decomposition(const std::string& summary_json, const VarianceDecomposition& d);
// A report section (a table of the shares for the key indicators).
std::string decomposition_html(const VarianceDecomposition& d);
// `html` with the section inserted before its footer.
std::string insert_before_footer(const std::string& html, const std::string& section);

}  // namespace asylumsim::output
