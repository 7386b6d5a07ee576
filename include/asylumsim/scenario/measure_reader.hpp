// What a measure type reads its block with (sim/measures/types/): the loader's typed reads, which
// record each problem at the value's FILE:LINE:COLUMN with its key path and what is expected, so a
// type's reader is as precise as the rest of the scenario's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/schema.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

// The ranges by the names the readers use (Range::kCount: persons, places or a flow per period,
// 0 to kMaxCount); schema.hpp defines them.
struct Range {
  static constexpr const schema::Range& kAny = schema::kAny;
  static constexpr const schema::Range& kNonNegative = schema::kNonNegative;
  static constexpr const schema::Range& kPositive = schema::kPositive;
  static constexpr const schema::Range& kProbability = schema::kProbability;
  static constexpr const schema::Range& kCount = schema::kCount;
};

class MeasureReader {
 public:
  // The scenario as read so far: every section before measures: (groups, horizon, ukraine).
  virtual const Scenario& scenario() const = 0;
  // A number in range r; `fallback` when v is absent.
  virtual double number(const YamlView& v, double fallback, const schema::Range& r) = 0;
  // A window date: one before the start counts from the start; an end after the horizon never
  // comes; nullopt after an error.
  virtual std::optional<Tick> window_date(const YamlView& v, bool is_end) = 0;
  // The position of v's text in names; -1 after an error that suggests the nearest name.
  virtual int named_index(const YamlView& v, const std::vector<std::string>& names,
                          const char* what) = 0;
  // A distribution in days; nullopt when v is absent.
  virtual std::optional<engine::Distribution> optional_distribution(const YamlView& v) = 0;
  // `first` (the default: held cases are decided before the line) or `back`.
  virtual bool resume_first(const YamlView& v) = 0;

  std::vector<std::string> group_names() const;
  // A nationality group by name; 0 after an error (which stops the load).
  int group(const YamlView& v);
  // An optional `group` key of block b: -1 (every group) when absent.
  int optional_group(const YamlView& b);
  // A track (spoor) by name; 0 after an error. optional_track: -1 (every track) when absent.
  int track(const YamlView& v);
  int optional_track(const YamlView& b);
  // A reception location type by name; 0 after an error.
  int location(const YamlView& v);

 protected:
  ~MeasureReader() = default;
};

}  // namespace asylumsim::scenario
