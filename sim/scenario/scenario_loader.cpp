// Reads a scenario file into a Scenario, checking every key: unknown keys, types, ranges, dates
// inside the horizon, shares that sum to one. All problems are collected and thrown together.
#include <fmt/format.h>

#include "asylumsim/scenario/inflow_file.hpp"
#include "asylumsim/scenario/projection.hpp"
#include "asylumsim/scenario/resolve.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/uncertainty.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"
#include "loader.hpp"

namespace asylumsim::scenario {

Tick Scenario::horizon_ticks() const {
  return calendar().to_tick(engine::Date{std::chrono::sys_days{end} + std::chrono::days{1}});
}

int Scenario::months() const {
  const engine::Date after{std::chrono::sys_days{end} + std::chrono::days{1}};
  return calendar().month_index(after);
}

int Scenario::group_index(std::string_view n) const {
  for (std::size_t i = 0; i < groups.size(); ++i)
    if (groups[i].name == n) return static_cast<int>(i);
  return -1;
}

namespace detail {

Scenario Loader::load() {
  s_.file = file_;
  YAML::Emitter canonical;
  canonical << root_.node();
  s_.resolved_digest = engine::fnv1a64(canonical.c_str());
  if (!root_.expect_map({"scenario", "groups", "inflow", "registration", "ind", "appeals",
                         "reception", "housing", "nareis", "departure", "ukraine", "initial",
                         "costs", "measures", "calibration", "uncertainty", "extends",
                         "projection"}))
    throw InputError(diag_);
  if (root_.has("extends"))  // resolved (and removed) only when a scenario is loaded from a file
    root_.child("extends").error("extends needs a scenario file: load it by its path");
  if (!read_header(root_.required("scenario"))) throw InputError(diag_);
  s_.projection = apply_projection(root_.node(), root_.child("projection"),
                                   root_.child("scenario").child("start").as_string());
  read_groups(root_.required("groups"));
  read_section(root_.child("inflow"), s_.inflow, schema::inflow_fields());
  read_section(root_.child("registration"), s_.registration, schema::registration_fields());
  read_section(root_.child("ind"), s_.ind, schema::ind_fields());
  read_section(root_.child("appeals"), s_.appeals, schema::appeal_fields());
  read_section(root_.required("reception"), s_.reception, schema::reception_fields());
  read_section(root_.required("housing"), s_.housing, schema::housing_fields());
  read_section(root_.child("nareis"), s_.nareis, schema::nareis_fields());
  read_section(root_.required("departure"), s_.departure, schema::departure_fields());
  s_.ukraine.enabled = read_section(root_.child("ukraine"), s_.ukraine, schema::ukraine_fields());
  read_section(root_.child("initial"), s_.initial, schema::initial_fields());
  read_section(root_.child("costs"), s_.costs, schema::cost_fields());
  read_measures(root_.child("measures"));
  read_uncertainty(root_.child("uncertainty"));
  if (!diag_.empty()) throw InputError(diag_);
  complete_.complete(s_);
  return std::move(s_);
}

}  // namespace detail

Scenario scenario_from_tree(const YAML::Node& root, const std::string& file,
                            const Completion& complete) {
  return detail::Loader(root, file, complete).load();
}

Scenario read_scenario(const std::string& path, const Completion& complete) {
  const YAML::Node own = load_yaml_file(path);
  const YAML::Node resolved = scenario_tree(path, complete);
  Scenario s = load_resolved(resolved, path, complete);
  stamp_identity(s, own, resolved, path);
  return s;
}

Scenario read_scenario_text(const std::string& text, const std::string& name,
                            const Completion& complete) {
  const YAML::Node root = load_yaml_text(text, name);
  Scenario s = detail::Loader(root, name, complete).load();
  stamp_identity(s, root, root, name);
  return s;
}

}  // namespace asylumsim::scenario
