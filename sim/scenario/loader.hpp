// The scenario reader's machinery (internal to sim/scenario): typed readers with range checks
// and one member function per section. Defined in scenario_loader.cpp (load and the entry points),
// loader_values.cpp (numbers, dates, schedules, distributions), read_chain.cpp (header to
// reception), read_exits.cpp (housing to costs) and read_measures.cpp (the measures: blocks).
#pragma once

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "asylumsim/scenario/measure_reader.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario::detail {

const char* range_text(Range r);
bool in_range(double v, Range r);

std::vector<std::string> names_of(const auto& arr) {
  return std::vector<std::string>(arr.begin(), arr.end());
}

// A MeasureReader for the measure types' readers (read_measures.cpp).
class Loader final : private MeasureReader {
 public:
  Loader(YAML::Node root, std::string file, const Completion& complete)
      : file_(std::move(file)), root_(root, "", &file_, &diag_), complete_(complete) {}

  Scenario load();

 private:
  // --- scalars
  // ----------------------------------------------------------------------------------
  double number(const YamlView& v, double fallback, Range r) override;

  std::optional<engine::Date> date(const YamlView& v);

  // A date that must lie inside the simulated horizon.
  Tick dated_tick(const YamlView& v, Tick fallback);

  // A number, or a list of {from: DATE, value: X} steps starting on the scenario's start date.
  Schedule schedule(const YamlView& v, double fallback, Range r);

  // A list of {from: DATE, value: V} steps: the first on the start date, dates increasing.
  template <class T, class ParseValue>
  engine::StepSchedule<T> dated_steps(const YamlView& v, const T& fallback,
                                      ParseValue parse_value) {
    engine::StepSchedule<T> out(fallback);
    Tick prev = std::numeric_limits<Tick>::min();
    for (std::size_t i = 0; i < v.size(); ++i) {
      const YamlView step = v.element(i);
      if (!step.expect_map({"from", "value"})) continue;
      const Tick t = dated_tick(step.required("from"), 0);
      const T x = parse_value(step.required("value"));
      if (i == 0 && t != 0)
        step.child("from").error(
            fmt::format("the first step must start on the scenario start date {}",
                        engine::format_date(s_.start)));
      if (i > 0 && t <= prev) step.child("from").error("steps must be in increasing date order");
      prev = t;
      out.set_from(t, x);
    }
    return out;
  }

  Distribution single_distribution(const YamlView& v, Distribution fallback);

  // A distribution, or a list of {from: DATE, value: DISTRIBUTION} steps (dated changes).
  DistSchedule distribution(const YamlView& v, const DistSchedule& fallback);

  template <std::size_t N>
  void per_key_schedules(const YamlView& v, const std::array<const char*, N>& names,
                         std::array<Schedule, N>& out, double fallback, Range r) {
    if (v.defined() && !v.expect_map(names_of(names))) return;
    for (std::size_t i = 0; i < N; ++i) out[i] = schedule(v.child(names[i]), fallback, r);
  }

  // The ticks at which any of the shares except shares[skip] changes (the lowest tick stands for
  // 'from the start'), and their sum at a tick: what both share checks below walk through.
  template <std::size_t N>
  static std::set<Tick> change_times(const std::array<Schedule, N>& shares, std::size_t skip = N) {
    std::set<Tick> times{std::numeric_limits<Tick>::min()};
    for (std::size_t i = 0; i < N; ++i)
      if (i != skip)
        for (const auto& st : shares[i].steps()) times.insert(st.from);
    return times;
  }
  template <std::size_t N>
  static double sum_at(const std::array<Schedule, N>& shares, Tick t, std::size_t skip = N) {
    double sum = 0;
    for (std::size_t i = 0; i < N; ++i)
      if (i != skip) sum += shares[i].at(t);
    return sum;
  }

  // Checks that shares sum to 1 at every date one of them changes (from the start date on).
  template <std::size_t N>
  void check_sum_to_one(const YamlView& v, const std::array<Schedule, N>& shares) {
    for (Tick t : change_times(shares)) {
      t = std::max<Tick>(t, 0);
      const double sum = sum_at(shares, t);
      if (std::abs(sum - 1.0) > 1e-6) {
        v.error(fmt::format("shares sum to {:.6g} on {} (expected 1)", sum,
                            engine::format_date(cal_.to_date(t))));
        return;
      }
    }
  }

  // Sets shares[rest] to 1 minus the other shares at every date one of them changes; reports a
  // date where they already exceed 1.
  template <std::size_t N>
  void take_rest(const YamlView& v, std::array<Schedule, N>& shares, std::size_t rest) {
    Schedule out;
    for (Tick t : change_times(shares, rest)) {
      const double others = sum_at(shares, t, rest);
      if (others > 1.0 + 1e-6) {
        v.error(fmt::format("the other shares sum to {:.6g} on {}: nothing is left for 'rest'",
                            others, engine::format_date(cal_.to_date(std::max<Tick>(t, 0)))));
        return;
      }
      out.set_from(t, std::max(0.0, 1.0 - others));
    }
    shares[rest] = out;
  }

  // --- sections
  // ---------------------------------------------------------------------------------
  bool read_header(const YamlView& v);

  int group_ref(const YamlView& v);
  void read_groups(const YamlView& v);

  void read_inflow(const YamlView& v);

  // A distribution per track (spoor); tracks not named keep `fallback`.
  void per_track_distributions(const YamlView& v, PerTrack<DistSchedule>& out,
                               const Distribution& fallback);

  void read_registration(const YamlView& v);

  void read_ind(const YamlView& v);

  void read_appeals(const YamlView& v);

  void read_reception(const YamlView& v);

  void read_re_registration(const YamlView& v);

  void read_housing(const YamlView& v);

  void read_nareis(const YamlView& v);

  void read_departure(const YamlView& v);

  // A route's time to departure: `duration` is drawn when the case enters the route; `mean_days`
  // is an exponential whose mean in force at each moment sets the pace (calendar time).
  void read_route_timing(const YamlView& route, int r);

  void read_non_asylum(const YamlView& v);

  void read_ukraine(const YamlView& v);

  void read_initial(const YamlView& v);

  void read_costs(const YamlView& v);

  // --- measures
  // ----------------------------------------------------------------------------------
  const Scenario& scenario() const override { return s_; }
  std::optional<Tick> window_date(const YamlView& v, bool is_end) override;
  int named_index(const YamlView& v, const std::vector<std::string>& names,
                  const char* what) override;
  std::optional<engine::Distribution> optional_distribution(const YamlView& v) override;
  bool resume_first(const YamlView& v) override;

  // The generic part of a block (type, window, cost); the type's schema reads the rest.
  void read_measures(const YamlView& v);

  std::string file_;
  Diagnostics diag_;
  YamlView root_;
  Scenario s_;
  engine::Calendar cal_{engine::Date{}};
  const Completion& complete_;
};

}  // namespace asylumsim::scenario::detail
