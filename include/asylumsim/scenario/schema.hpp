// Each scenario section's schema, written once: a table of fields (key, value type, range, unit,
// meaning) per section. The loader reads and checks a section by walking its table (unknown keys,
// required keys, ranges); `asylumsim schema --markdown` writes the reference tables of
// docs/scenario.md from the same tables. A default is the initial value of the member in the
// Scenario struct (scenario.hpp), so it too is written once. Adding a key: docs/extending.md.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::scenario {

class YamlView;
namespace detail {
class Loader;
}

namespace schema {

// The values a number may take. `expected` completes "value X is out of range (expected ...)".
struct Range {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool low_open = false;  // (low, high] rather than [low, high]
  std::string_view expected = "a number";
  std::string_view docs = "";  // the range column of docs/scenario.md
  bool share = false;          // a fraction: 30 probably meant 0.3

  bool contains(double v) const { return (low_open ? v > low : v >= low) && v <= high; }
};

inline constexpr Range kAny{};
inline constexpr Range kNonNegative{0, std::numeric_limits<double>::infinity(), false,
                                    "a number >= 0", "≥ 0"};
inline constexpr Range kPositive{0, std::numeric_limits<double>::infinity(), true, "a number > 0",
                                 "> 0"};
inline constexpr Range kProbability{0, 1, false, "a probability between 0 and 1", "0–1", true};
inline constexpr Range kCount{0, kMaxCount, false, "a count between 0 and 10,000,000",
                              "0–10,000,000"};

enum class Presence { kOptional, kRequired };

// A key whose structure needs code of its own (a list of moratoria, route shares with `rest`):
// the named loader function reads it into the section; its row still documents it.
template <class S>
using CustomReader = void (detail::Loader::*)(const YamlView&, S&);

// A key the section's own reader reads (the scenario header, whose dates set the calendar).
struct ReadBySection {};

// Where a key's value goes in the section's struct; the member's type gives the value form.
template <class S>
using Target = std::variant<double S::*, bool S::*, Tick S::*, Schedule S::*, DistSchedule S::*,
                            std::optional<DistSchedule> S::*, PerTrack<double> S::*,
                            PerTrack<Schedule> S::*, PerTrack<DistSchedule> S::*,
                            std::array<Schedule, kLocations> S::*, CustomReader<S>, ReadBySection>;

template <class S>
struct Field {
  std::string_view key;
  Target<S> target;
  Range range = kAny;
  Presence presence = Presence::kOptional;
  std::string_view unit = "";
  std::string_view form = "";      // docs: the value form, where the member's type says too little
  std::string_view fallback = "";  // docs: the default, where the initial value says too little
  std::string_view meaning = "";
};

template <class S>
using Table = std::span<const Field<S>>;

// The tables (sim/scenario/schema_*.cpp), in the order the keys are read.
Table<Scenario> header_fields();
Table<GroupParams> group_fields();
Table<InflowParams> inflow_fields();
Table<RegistrationParams> registration_fields();
Table<IndParams> ind_fields();
Table<AppealParams> appeal_fields();
Table<ReceptionParams> reception_fields();
Table<ReceptionParams::ReRegistration> re_registration_fields();
Table<HousingParams> housing_fields();
Table<NareisParams> nareis_fields();
Table<DepartureParams> departure_fields();
Table<NonAsylumParams> non_asylum_fields();
Table<UkraineParams> ukraine_fields();
Table<InitialState> initial_fields();
Table<CostParams> cost_fields();
Table<InflowUncertainty> inflow_uncertainty_fields();
Table<LevelUncertainty> level_uncertainty_fields();

template <class S>
std::vector<std::string> keys_of(Table<S> table) {
  std::vector<std::string> keys;
  for (const auto& f : table) keys.emplace_back(f.key);
  return keys;
}

// One table of docs/scenario.md: `name` names the block between
// `<!-- generated:begin NAME -->` and `<!-- generated:end -->`.
struct DocBlock {
  std::string name;
  std::string markdown;
};

// Every reference table, in the order of docs/scenario.md (sim/scenario/schema_docs.cpp).
std::vector<DocBlock> reference_blocks();

// All blocks, each between its markers: what `asylumsim schema --markdown` prints.
std::string reference_markdown();

// `text` (docs/scenario.md) with every generated block replaced by the tables' current one.
// Throws std::runtime_error when a block is unknown, missing or not closed.
std::string regenerate(const std::string& text);

}  // namespace schema
}  // namespace asylumsim::scenario
