// Forecast uncertainty beyond chance (docs/uncertainty.md): the scenario's `uncertainty:` block
// (future first applications, drifting policy and behaviour levels) and the hook through which a
// batch gives each replication its own draw of the uncertain inputs (calibrated parameters, inflow
// path).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "asylumsim/engine/calendar.hpp"

namespace asylumsim::scenario {

struct Scenario;
class YamlView;

// uncertainty.inflow: a multiplicative path on the scenario's own first applications from `from`
// on. The log level is a random walk whose yearly changes follow an AR(1) (persistent shocks), or
// with `reversion` < 1 a stationary AR(1) of the log level seen from where it stands at `from`
// (model/reverting_walk.hpp); each nationality group's share drifts by a random walk of its own
// (mix variation).
struct InflowUncertainty {
  bool enabled = false;
  engine::Date from{};           // first day of the uncertain future (after the calibration period)
  double scale = 1.0;            // multiplies both standard deviations; 0 switches the source off
  double sigma = 0.0;            // sd of the yearly change of log first applications
  double autocorrelation = 0.0;  // lag-1 autocorrelation of the yearly changes
  double reversion = 1.0;  // yearly AR(1) coefficient of the log level; 1: no pull back (a walk)
  double mix_sigma = 0.0;  // sd of a group's yearly log change relative to the total
  // median: the scenario's inflow is the median path (each year's factor has median 1);
  // mean: it is the expected path (each year's factor has mean 1, its median below 1).
  enum class Centre { kMedian, kMean } centre = Centre::kMedian;
  bool active() const { return enabled && scale > 0 && (sigma > 0 || mix_sigma > 0); }
};

// uncertainty.levels: the policy and behaviour levels the scenario holds or states from `from` on
// (grant rates by group, IND production, appeal behaviour, the taakstelling and municipal
// realisation, nareis applications and decisions, repeat applications, resettlement) drift from
// year to year: each level's log (a count) or log-odds (a share) is a random walk of its own,
// centred on the scenario's value. The set of levels is fixed in model/level_uncertainty.hpp.
struct LevelUncertainty {
  bool enabled = false;
  engine::Date from{};     // first day of the uncertain future
  double scale = 1.0;      // multiplies sigma; 0 switches the source off
  double sigma = 0.0;      // sd of a level's yearly change (log or log-odds)
  double reversion = 1.0;  // yearly AR(1) coefficient of the level; 1: no pull back (a walk)
  // median: each count level's walk has median 1; mean: mean 1 (a share's walk is always centred
  // on its median: a log-odds shift has no closed-form mean).
  InflowUncertainty::Centre centre = InflowUncertainty::Centre::kMedian;
  bool active() const { return enabled && scale > 0 && sigma > 0; }
};

// Gives replication `rep` its scenario: the same numbers as the loaded one except for the
// uncertain inputs, drawn from streams keyed by (seed, rep, source) so that every other process
// keeps its random numbers. Set by the command line (--uncertainty); unset: chance only.
class ReplicationDraws {
 public:
  virtual ~ReplicationDraws() = default;
  virtual Scenario scenario_for(const Scenario& loaded, std::uint64_t rep) const = 0;
};

}  // namespace asylumsim::scenario
