// The convergence criterion of --until-precision. A key indicator is precise enough when the Monte
// Carlo standard error of the quantiles its bands show (P5 and P95, the larger) is below `relative`
// times its mean OR below an absolute floor for its unit: a relative criterion alone never settles
// on a stock near zero (a nareis backlog of 18 persons would need thousands of replications for
// ±0.5%, when ±10 persons is plainly enough).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// The standard error below which an indicator counts as precise whatever its mean: 10 persons,
// 1 day (durations), half a percentage point (shares), 1,000 euros; 0 for other units.
double absolute_floor(const indicators::Indicator& ind);

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

// --until-precision: while the key indicators are not precise enough (and the batch was not
// interrupted), the batch doubles, up to `max_replications`. The decision uses only aggregated
// results, broadcast from the root, so every MPI rank takes the same path. `on_raise` hears why
// the target grows, before each extension; bo.first_replication and bo.replications are updated.
// Returns the last status (on the root).
struct PrecisionGoal {
  double relative = 0;
  int max_replications = 100000;
};
PrecisionStatus extend_until_precise(const scenario::Scenario& s, montecarlo::BatchOptions& bo,
                                     montecarlo::BatchResult& r, const PrecisionGoal& goal,
                                     const std::function<void(const PrecisionStatus&)>& on_raise);

// One line for the user: which indicator holds the batch back and what it would take.
std::string precision_line(const PrecisionStatus& p, std::uint64_t replications);

}  // namespace asylumsim::output
