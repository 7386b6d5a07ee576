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
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "asylumsim/scenario/measure_reader.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/schema.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario::detail {

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
  double number(const YamlView& v, double fallback, const schema::Range& r) override;

  std::optional<engine::Date> date(const YamlView& v);

  // A date that must lie inside the simulated horizon.
  Tick dated_tick(const YamlView& v, Tick fallback);

  // A number, or a list of {from: DATE, value: X} steps starting on the scenario's start date.
  Schedule schedule(const YamlView& v, double fallback, const schema::Range& r);

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
                         std::array<Schedule, N>& out, double fallback, const schema::Range& r) {
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

  // --- sections, read by walking their tables (schema.hpp)
  // ----------------------------------------------------------
  // Reads a section whose keys are the table's; false when it is absent or not a mapping.
  template <class S>
  bool read_section(const YamlView& v, S& out, schema::Table<S> table) {
    return v.defined() && read_fields(v, out, table);
  }

  // Reads a mapping whose keys are the table's, in the table's order; false when not a mapping.
  template <class S>
  bool read_fields(const YamlView& v, S& out, schema::Table<S> table) {
    if (!v.expect_map(schema::keys_of(table))) return false;
    for (const auto& f : table) {
      const YamlView value =
          f.presence == schema::Presence::kRequired ? v.required(f.key) : v.child(f.key);
      std::visit([&](const auto& target) { read_value(v.has(f.key), value, f.range, out, target); },
                 f.target);
    }
    return true;
  }

  // One key's value into the section's member. A schedule's default is its initial value.
  template <class S>
  void read_value(bool, const YamlView& v, const schema::Range& r, S& out, double S::*m) {
    out.*m = number(v, out.*m, r);
  }
  template <class S>
  void read_value(bool given, const YamlView& v, const schema::Range&, S& out, bool S::*m) {
    if (given) out.*m = v.as_bool(out.*m);
  }
  template <class S>
  void read_value(bool given, const YamlView& v, const schema::Range&, S& out, Tick S::*m) {
    if (given) out.*m = dated_tick(v, out.*m);
  }
  template <class S>
  void read_value(bool, const YamlView& v, const schema::Range& r, S& out, Schedule S::*m) {
    out.*m = schedule(v, initial(out.*m), r);
  }
  template <class S>
  void read_value(bool, const YamlView& v, const schema::Range&, S& out, DistSchedule S::*m) {
    out.*m = distribution(v, out.*m);
  }
  template <class S>
  void read_value(bool given, const YamlView& v, const schema::Range&, S& out,
                  std::optional<DistSchedule> S::*m) {
    if (given) out.*m = distribution(v, DistSchedule{Distribution::fixed(0)});
  }
  template <class S>
  void read_value(bool, const YamlView& v, const schema::Range& r, S& out, PerTrack<double> S::*m) {
    if (!v.defined() || !v.expect_map(names_of(kTrackNames))) return;
    for (int t = 0; t < kTracks; ++t) (out.*m)[t] = number(v.child(kTrackNames[t]), (out.*m)[t], r);
  }
  template <class S, std::size_t N>
  void read_value(bool, const YamlView& v, const schema::Range& r, S& out,
                  std::array<Schedule, N> S::*m) {
    const std::vector<std::string> names = key_names<N>();
    if (v.defined() && !v.expect_map(names)) return;
    for (std::size_t i = 0; i < N; ++i)
      (out.*m)[i] = schedule(v.child(names[i]), initial((out.*m)[i]), r);
  }
  template <class S>
  void read_value(bool, const YamlView& v, const schema::Range&, S& out,
                  PerTrack<DistSchedule> S::*m) {
    if (!v.defined() || !v.expect_map(names_of(kTrackNames))) return;
    for (int t = 0; t < kTracks; ++t)
      (out.*m)[t] = distribution(v.child(kTrackNames[t]), (out.*m)[t]);
  }
  template <class S>
  void read_value(bool, const YamlView& v, const schema::Range&, S& out,
                  schema::CustomReader<S> read) {
    (this->*read)(v, out);
  }
  template <class S>
  void read_value(bool, const YamlView&, const schema::Range&, S&, schema::ReadBySection) {}

  static double initial(const Schedule& s) { return s.steps().front().value; }

  // The keys of a mapping of N schedules: the tracks, or the COA place types.
  template <std::size_t N>
  static std::vector<std::string> key_names() {
    static_assert(N == std::size_t{kTracks} || N == std::size_t{kLocations});
    if constexpr (N == std::size_t{kLocations})
      return names_of(kLocationNames);
    else
      return names_of(kTrackNames);
  }

  bool read_header(const YamlView& v);

  // `uncertainty:` (issue 26; docs/uncertainty.md): its `inflow` and `levels` blocks.
  void read_uncertainty(const YamlView& v);

  int group_ref(const YamlView& v);
  void read_groups(const YamlView& v);

  // A route's time to departure: `duration` is drawn when the case enters the route; `mean_days`
  // is an exponential whose mean in force at each moment sets the pace (calendar time).
  void read_route_timing(const YamlView& route, int r);

 public:
  // --- keys of kind 'custom': their table rows name these (sim/scenario/schema_*.cpp)
  void read_seasonality(const YamlView& v, InflowParams& in);
  void read_inflow_file(const YamlView& v, InflowParams& in);
  void read_track_shares(const YamlView& v, GroupParams& g);
  void read_size_shares(const YamlView& v, std::vector<double>& shares, std::string_view what);
  void read_family_size(const YamlView& v, GroupParams& g);
  void read_household_size(const YamlView& v, GroupParams& g);
  void read_dwellings(const YamlView& v, HousingParams& h);
  void read_moratoria(const YamlView& v, IndParams& ind);
  void read_re_registration(const YamlView& v, ReceptionParams& r);
  void read_direct_family_housing(const YamlView& v, HousingParams& h);
  void read_municipalities(const YamlView& v, HousingParams& h);
  void read_routes(const YamlView& v, DepartureParams& d);
  void read_non_asylum(const YamlView& v, DepartureParams& d);
  void read_non_asylum_entries(const YamlView& v, NonAsylumParams& n);
  void read_activated_group(const YamlView& v, UkraineParams& u);
  void read_activated_reception(const YamlView& v, UkraineParams& u);
  void read_uncertainty_from(const YamlView& v, InflowUncertainty& u);
  void read_levels_from(const YamlView& v, LevelUncertainty& u);
  void read_levels_centre(const YamlView& v, LevelUncertainty& u);
  void read_centre(const YamlView& v, InflowUncertainty::Centre& centre);
  void read_future_start(const YamlView& v, engine::Date& from);
  void read_uncertainty_centre(const YamlView& v, InflowUncertainty& u);

 private:
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
