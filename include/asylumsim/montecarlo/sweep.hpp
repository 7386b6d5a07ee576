// Sweeps: one scenario at many values of one or more of its numbers (`asylumsim sweep`). Every
// point runs the same replications on the same random streams (common random numbers), so the
// response from one point to the next is the parameter's effect, not chance.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "asylumsim/montecarlo/batch.hpp"

namespace asylumsim::montecarlo {

// --vary KEY.PATH=FROM:TO:N: N evenly spaced values from FROM to TO (both included).
struct VaryRange {
  std::string text;  // as given
  std::string path;
  double from = 0, to = 0;
  int n = 0;
  std::vector<double> values() const;
};

// Parses KEY.PATH=FROM:TO:N; throws scenario::InputError naming the option and what is expected.
VaryRange parse_vary(const std::string& text);

enum class SweepDesign { kGrid, kLatinHypercube };

// The points: one value per range. Grid: every combination (the first range varies slowest).
// Latin hypercube: N points (all ranges must have the same N) taking each range's N values once
// each, paired by permutations drawn from `seed` (deterministic). Throws InputError when the
// design cannot be made (differing N for lhs, more than kMaxSweepPoints points).
inline constexpr std::size_t kMaxSweepPoints = 10000;
std::vector<std::vector<double>> sweep_points(const std::vector<VaryRange>& ranges,
                                              SweepDesign design, std::uint64_t seed);

struct SweepPoint {
  std::vector<double> values;  // one per range
  std::vector<Summary> cells;  // over the replications, per grid cell
};

struct SweepResult {
  std::vector<VaryRange> ranges;
  std::vector<Cell> grid;
  std::vector<SweepPoint> points;  // in point order; fewer than planned when interrupted
  std::uint64_t replications = 0;
  SweepDesign design = SweepDesign::kGrid;
  bool interrupted = false;
};

// point,<each varied key>,metric,when,mean,p05,p95: one row per point, indicator and period.
std::string sweep_csv(const SweepResult& r);

}  // namespace asylumsim::montecarlo
