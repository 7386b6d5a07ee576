// What every measure type's file uses: the reader and plausibility checks of the scenario module,
// the effect interface, and the edits of a schedule inside a window that measures compose by
// (adding, multiplying or setting a value, in the order the blocks are listed).
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>

#include "asylumsim/measures/registry.hpp"
#include "asylumsim/scenario/measure_reader.hpp"
#include "asylumsim/scenario/plausibility.hpp"

namespace asylumsim::measures::types {

using engine::kNever;
using scenario::Measure;
using scenario::MeasureReader;
using scenario::MeasureSchema;
using scenario::MeasureWarner;
using scenario::Range;
using scenario::Scenario;
using scenario::Schedule;
using scenario::Tick;
using scenario::YamlView;

inline void add(Schedule& s, Tick from, Tick until, double delta) {
  s.modify(from, until, [delta](double v) { return v + delta; });
}
inline void scale(Schedule& s, Tick from, Tick until, double factor) {
  s.modify(from, until, [factor](double v) { return v * factor; });
}
inline void set(Schedule& s, Tick from, Tick until, double value) {
  s.modify(from, until, [value](double) { return value; });
}
inline void set(scenario::DistSchedule& s, Tick from, Tick until, const engine::Distribution& d) {
  s.modify(from, until, [&d](const engine::Distribution&) { return d; });
}

// Applies f to every group, or to group `group` only.
template <class F>
void for_groups(Scenario& s, int group, F f) {
  for (int g = 0; g < static_cast<int>(s.groups.size()); ++g)
    if (group < 0 || g == group) f(s.groups[static_cast<std::size_t>(g)]);
}

// "all groups" or "group 'syria'", for descriptions.
inline std::string group_name(const Scenario& s, int g) {
  return g < 0 ? std::string("all groups")
               : "group '" + s.groups[static_cast<std::size_t>(g)].name + "'";
}

}  // namespace asylumsim::measures::types
