// The convergence criterion of --until-precision. A key indicator is precise enough when the Monte
// Carlo standard error of the quantiles its bands show (P5 and P95, the larger) is below `relative`
// times its mean OR below an absolute floor for its unit: a relative criterion alone never settles
// on a stock near zero (a nareis backlog of 18 persons would need thousands of replications for
// ±0.5%, when ±10 persons is plainly enough).
#pragma once

#include <cstdint>
#include <string>

#include "asylumsim/model/metrics.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// The standard error below which an indicator counts as precise whatever its mean: 10 persons,
// 1 day (durations), half a percentage point (shares), 1,000 euros; 0 for other units.
double absolute_floor(const model::Indicator& ind);

struct PrecisionStatus {
  bool met = true;
  std::string worst;         // "id when" of the key indicator furthest from its target
  double se = 0;             // the standard error of its band's edges (P5, P95)
  double mean = 0;           // its mean
  double target_se = 0;      // max(relative × |mean|, floor)
  std::uint64_t needed = 0;  // replications it needs, estimated as n × (se / target)²
};

// The standard error of the P5 and P95 of an indicator over n replications (the larger).
double band_edge_standard_error(const montecarlo::Summary& sm, std::uint64_t n);

// The key indicators of the horizon's last year against the criterion.
PrecisionStatus precision_status(const scenario::Scenario& s, const montecarlo::BatchResult& r,
                                 double relative);

// One line for the user: which indicator holds the batch back and what it would take.
std::string precision_line(const PrecisionStatus& p, std::uint64_t replications);

}  // namespace asylumsim::output
