// The parameters measures compose, checked after composition: each block is valid on its own, but
// two logeerregeling blocks of 0.7 give a share of 1.4, and a capacity cut larger than the stock
// gives negative places. Checked at every date a schedule changes, so a base value that changes
// inside a measure's window is caught too.
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>

#include "asylumsim/measures/apply.hpp"

namespace asylumsim::measures {

using namespace scenario;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bounds {
  double lo, hi;
  bool open_lo = false;  // lo itself is not allowed
  const char* expected;
};
constexpr Bounds kProbability{0, 1, false, "a probability between 0 and 1"};
constexpr Bounds kCount{0, kMaxCount, false, "a count between 0 and 10,000,000"};
constexpr Bounds kPositive{0, kInf, true, "a number > 0"};
constexpr Bounds kNonNegative{0, kInf, false, "a number >= 0"};

bool within(double v, const Bounds& b) {
  return std::isfinite(v) && (b.open_lo ? v > b.lo : v >= b.lo) && v <= b.hi;
}

class ComposedCheck {
 public:
  explicit ComposedCheck(const Scenario& s) : s_(s), cal_(s.calendar()) {}

  void range(const std::string& key, const Schedule& sch, const Bounds& b) {
    for (const auto& step : sch.steps())
      if (!within(step.value, b)) {
        report(key, std::max<Tick>(step.from, 0),
               fmt::format("value {:g} (expected {})", step.value, b.expected));
        return;
      }
  }

  void sum_to_one(const std::string& key, const PerTrack<Schedule>& shares) {
    for (const auto& sch : shares)
      for (const auto& step : sch.steps()) {
        const Tick t = std::max<Tick>(step.from, 0);
        double sum = 0;
        for (const auto& x : shares) sum += x.at(t);
        if (std::abs(sum - 1.0) > 1e-6) {
          report(key, t, fmt::format("shares sum to {:.6g} (expected 1)", sum));
          return;
        }
      }
  }

  Diagnostics result() { return std::move(diag_); }

 private:
  // Names the blocks in force at t; the diagnostic points at the first of them.
  void report(const std::string& key, Tick t, const std::string& what) {
    Diagnostic d{s_.file, 0, 0, key, ""};
    std::string blocks;
    for (const Measure& m : s_.measures) {
      if (m.from > t || t >= m.until) continue;
      if (blocks.empty()) d = {m.where.file, m.where.line, m.where.column, key, ""};
      blocks += fmt::format("{}{} ({}:{}:{})", blocks.empty() ? "" : ", ", m.where.key_path,
                            m.where.file, m.where.line, m.where.column);
    }
    d.message = fmt::format("on {} the composed {}{}", engine::format_date(cal_.to_date(t)), what,
                            blocks.empty() ? "" : "; measures in force: " + blocks);
    diag_.add(std::move(d));
  }

  const Scenario& s_;
  engine::Calendar cal_;
  Diagnostics diag_;
};

}  // namespace

Diagnostics check_composed(const Scenario& s) {
  ComposedCheck c(s);
  for (const auto& g : s.groups) {
    const std::string at = "groups." + g.name + ".";
    c.range(at + "first_applications_per_year", g.first_applications_per_year, kCount);
    c.range(at + "voluntary_departure_factor", g.voluntary_departure_factor, kNonNegative);
    c.range(at + "nareis_apply_share", g.nareis_apply_share, kProbability);
    for (int t = 0; t < kTracks; ++t) {
      c.range(at + "grant_rate." + kTrackNames[t], g.grant_rate[t], kProbability);
      c.range(at + "track_share." + kTrackNames[t], g.track_share[t], kProbability);
    }
    c.sum_to_one(at + "track_share", g.track_share);
  }
  for (int t = 0; t < kTracks; ++t)
    c.range(fmt::format("ind.capacity_per_week.{}", kTrackNames[t]), s.ind.capacity_per_week[t],
            kCount);
  c.range("ind.legal_term_days", s.ind.legal_term_days, kPositive);
  c.range("ind.decision_speedup", s.ind.decision_speedup, kPositive);
  for (int l = 0; l < kLocations; ++l)
    c.range(fmt::format("reception.capacity.{}", kLocationNames[l]), s.reception.capacity[l],
            kCount);
  c.range("registration.ter_apel_cap", s.registration.ter_apel_cap, kCount);
  c.range("housing.logeer_share", s.housing.logeer_share, kProbability);
  c.range("housing.har_plus_per_month", s.housing.har_plus_per_month, kCount);
  c.range("housing.transit_places", s.housing.transit_places, kCount);
  c.range("nareis.subsidiary_share", s.nareis.subsidiary_share, kProbability);
  c.range("nareis.subsidiary_requirements_met", s.nareis.subsidiary_requirements_met, kProbability);
  c.range("ukraine.activation_share", s.ukraine.activation_share, kProbability);
  c.range("ukraine.transition_activation_share", s.ukraine.transition_activation_share,
          kProbability);
  return c.result();
}

}  // namespace asylumsim::measures
