#include "asylumsim/output/precision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "asylumsim/montecarlo/distributed.hpp"
#include "asylumsim/output/writers.hpp"

namespace asylumsim::output {

double absolute_floor(const indicators::Indicator& ind) {
  if (ind.unit == "persons") return 10.0;
  if (ind.unit == "days") return 1.0;
  if (ind.unit == "share") return 0.005;
  if (ind.unit == "EUR") return 1000.0;
  return 0.0;
}

// The Monte Carlo standard error of the bands' edges (P5 and P95), the larger of the two. The
// p-quantile's is sqrt(p (1 - p) / n) / f(q_p); the density there is that of a normal whose
// spread on that side matches the band (sd (P50 - P5) / 1.645 below, (P95 - P50) / 1.645 above),
// which is exact for a normal and follows a skewed distribution's longer tail.
double band_edge_standard_error(const montecarlo::Summary& sm, std::uint64_t n) {
  if (n < 2) return INFINITY;
  constexpr double kZ = 1.6448536269514722, kDensityAtZ = 0.10313564037537128;
  const double side = std::max(sm.p50 - sm.p05, sm.p95 - sm.p50) / kZ;
  return std::sqrt(0.05 * 0.95 / static_cast<double>(n)) * side / kDensityAtZ;
}

PrecisionStatus precision_status(const scenario::Scenario& s, const montecarlo::BatchResult& r,
                                 double relative) {
  PrecisionStatus worst;
  double worst_ratio = -1;
  const auto n = r.replications();
  for (std::size_t c : key_indicator_cells(s, r)) {
    const auto sm = r.aggregator.summary(c);  // exact quantiles while they are kept
    const indicators::Indicator& ind = *r.grid[c].indicator;
    const double target = std::max(relative * std::abs(sm.mean), absolute_floor(ind));
    const double se = band_edge_standard_error(sm, n);
    const double ratio = target > 0 ? se / target : (se > 0 ? INFINITY : 0);
    if (ratio <= worst_ratio) continue;
    worst_ratio = ratio;
    worst.worst = fmt::format("{} {}", ind.id, r.grid[c].when.label());
    worst.se = se;
    worst.mean = sm.mean;
    worst.target_se = target;
    worst.met = ratio <= 1;
    worst.needed =
        std::isfinite(ratio)
            ? static_cast<std::uint64_t>(std::ceil(static_cast<double>(n) * ratio * ratio))
            : 0;
  }
  // One replication has no standard error: never precise.
  if (n < 2) worst.met = false;
  return worst;
}

std::string precision_line(const PrecisionStatus& p, std::uint64_t replications) {
  if (p.worst.empty()) return "no key indicator to measure precision on";
  const std::string where = fmt::format(
      "{} (standard error of its P5-P95 band's edges {:.3g} on a mean of {:.6g}; "
      "precise enough below {:.3g})",
      p.worst, p.se, p.mean, p.target_se);
  if (p.met)
    return fmt::format("precision reached after {} replications; the last to get there: {}",
                       replications, where);
  return fmt::format(
      "precision not reached after {} replications: held back by {}; about {} "
      "replications would be needed",
      replications, where, p.needed);
}

PrecisionStatus extend_until_precise(const scenario::Scenario& s, montecarlo::BatchOptions& bo,
                                     montecarlo::BatchResult& r, const PrecisionGoal& goal,
                                     const std::function<void(const PrecisionStatus&)>& on_raise) {
  using montecarlo::Distributed;
  const bool root = Distributed::rank() == 0;
  const auto max = static_cast<std::uint64_t>(goal.max_replications);
  PrecisionStatus precision;
  while (!r.interrupted) {
    if (root) precision = precision_status(s, r, goal.relative);
    const bool more = root && !precision.met && r.replications() < max;
    int extra =
        more ? static_cast<int>(std::min<std::uint64_t>(r.replications(), max - r.replications()))
             : 0;
    Distributed::broadcast_int(&extra);
    if (extra == 0) break;
    on_raise(precision);
    bo.first_replication = r.replications();
    bo.replications = extra;
    montecarlo::extend_batch(s, bo, r);
  }
  return precision;
}

}  // namespace asylumsim::output
