#include "asylumsim/scenario/projection.hpp"

#include <fmt/format.h>

#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/scenario/key_path.hpp"

namespace asylumsim::scenario {

namespace {

YAML::Node step(const YAML::Node& from, const YAML::Node& value) {
  YAML::Node s(YAML::NodeType::Map);
  s["from"] = from;
  s["value"] = value;
  return s;
}

std::string emitted(const YAML::Node& n) {
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << n;
  return out.c_str();
}

// The date of a schedule step, when it has one that parses.
std::optional<engine::Date> step_date(const YAML::Node& s) {
  if (!s.IsMap() || !s["from"] || !s["from"].IsScalar()) return std::nullopt;
  return engine::parse_date(s["from"].Scalar());
}

// Appends the dated value to the schedule at `target`; false with the reason when it is not one.
bool append_step(YAML::Node target, const YAML::Node& from, engine::Date from_date,
                 const YAML::Node& value, const std::string& start, std::string* why) {
  if (target.IsScalar()) {
    YAML::Node steps(YAML::NodeType::Sequence);
    steps.push_back(step(YAML::Node(start), YAML::Clone(target)));
    steps.push_back(step(from, value));
    target = steps;  // writes through into the tree
    return true;
  }
  if (!target.IsSequence() || target.size() == 0 || !step_date(target[target.size() - 1])) {
    *why = "is not a schedule (a number, or a list of {from, value} steps)";
    return false;
  }
  const YAML::Node last_step = target[target.size() - 1];
  const engine::Date last = *step_date(last_step);
  if (last == from_date && last_step["value"].is(value)) return true;  // this tree, loaded again
  if (!(last < from_date)) {
    *why = fmt::format(
        "already has a step from {}, not before the projection's start: keep the fitted past in "
        "the schedule and the future in the projection block",
        engine::format_date(last));
    return false;
  }
  target.push_back(step(from, value));
  return true;
}

}  // namespace

std::vector<ProjectionAssumption> apply_projection(YAML::Node root, const YamlView& block,
                                                   const std::string& start) {
  std::vector<ProjectionAssumption> out;
  if (!block.defined() || !block.expect_map({"from", "assumptions"})) return out;
  const YamlView from = block.required("from");
  const auto from_date = from.defined() ? engine::parse_date(from.as_string()) : std::nullopt;
  if (from.defined() && !from_date) from.error("expected a date (YYYY-MM-DD)");
  const YamlView list = block.required("assumptions");
  if (!from_date || !list.defined() || !list.is_map()) {
    if (list.defined() && !list.is_map())
      list.error("expected a mapping of key paths to {value, source}");
    return out;
  }
  for (const std::string& key : list.keys()) {
    const YamlView entry = list.child(key);
    if (!entry.expect_map({"value", "source", "from"})) continue;
    const YamlView value = entry.required("value");
    const YamlView source = entry.required("source");
    if (!value.defined() || !source.defined()) continue;
    // An entry may start on its own date (a documented restart, for example).
    const YamlView own_from = entry.has("from") ? entry.child("from") : from;
    const auto date = engine::parse_date(own_from.as_string());
    if (!date) {
      own_from.error("expected a date (YYYY-MM-DD)");
      continue;
    }
    if (source.as_string().empty()) {
      source.error("say where the value comes from (the brief's figure, or the reasoning)");
      continue;
    }
    YAML::Node target = resolve_key_path(root, key);
    std::string why = "names no key of this scenario";
    if (!target.IsDefined() ||
        !append_step(target, own_from.node(), *date, value.node(), start, &why)) {
      list.error_at_key(key, fmt::format("{} {}", key, why));
      continue;
    }
    out.push_back({key, engine::format_date(*date), emitted(value.node()), source.as_string()});
  }
  return out;
}

}  // namespace asylumsim::scenario
