// Policy measures as named, dated scenario blocks (the `measures:` mapping). Each block has a
// type, a start date, an optional end date and its parameters. This module reads the generic part
// of a block (name, type, window, cost, position); the measures module owns the types: one file
// per type in sim/measures/types/ reads its parameters, checks them, changes the chain's mechanics
// (schedules, capacities, routing, never an output number) and describes itself for reports. The
// loader gets the types through Completion (scenario.hpp), so it needs no include of the measures
// module. docs/measures.md documents every type.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "asylumsim/engine/time.hpp"
#include "asylumsim/scenario/diagnostics.hpp"

namespace asylumsim::scenario {

using engine::Tick;

class MeasureReader;  // measure_reader.hpp
class MeasureWarner;  // plausibility.hpp
class YamlView;       // yaml_reader.hpp

// A block's parameters as its type read them (sim/measures/types/). Opaque here but for the
// plausibility warnings, which this module places in the files of the `extends` chain.
class MeasureParams {
 public:
  virtual ~MeasureParams() = default;
  // Legal values that are most likely a mistake, warned through w (scenario/plausibility.hpp).
  virtual void warn(const MeasureWarner& w) const { (void)w; }
  // Warnings about this block together with the blocks before it (two inflow shocks multiply);
  // given after every block's own warnings.
  virtual void warn_together(const MeasureWarner& w) const { (void)w; }
};

struct Measure;

// How the loader reads a block of one type: its YAML `type`, the keys its block takes besides
// type, description, from, until and cost_eur_per_month, and the reader of its parameters, which
// reports every problem through the reader (at the value's FILE:LINE:COLUMN) and still returns
// parameters so that reading goes on. The measures module defines one per type.
struct MeasureSchema {
  using Read = std::shared_ptr<const MeasureParams> (*)(MeasureReader& r, const YamlView& block,
                                                        const Measure& m);
  const char* type;
  std::vector<std::string> keys;
  Read read;
};

struct Measure {
  std::string name;  // the block's key
  std::string type;  // the YAML `type`: MeasureSchema::type
  std::string description;
  Tick from = 0;
  Tick until = engine::kNever;    // exclusive; kNever: open-ended
  double cost_eur_per_month = 0;  // any running cost the measure declares (staff, contracts)
  std::shared_ptr<const MeasureParams> params;  // never null once read
  Diagnostic where;  // the block's position in the file, for errors about composed parameters
};

}  // namespace asylumsim::scenario
