// inflow.first_applications_file: a planner's monthly series of first applications, as a CSV
// (`month,persons`, split by the scenario's group shares, or `month,group,persons`).
#pragma once

#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

// Reads the file named by `v` (relative to the scenario file) into
// s.inflow.first_applications_by_month. Needs s.groups, s.start and s.end. Problems in the CSV are
// reported as FILE:LINE:COLUMN with the key path; a missing file at the key's own position.
void read_first_applications_file(const YamlView& v, Scenario& s);

}  // namespace asylumsim::scenario
