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

namespace {

class ProjectionReader {
 public:
  ProjectionReader(YAML::Node root, const std::string& start, const YamlView& from,
                   engine::Date from_date)
      : root_(std::move(root)), start_(start), from_(from), from_date_(from_date) {}

  // Walks the block like the scenario it mirrors: a mapping with `value` is one assumption.
  void read(const YamlView& v, const std::string& key) {
    if (!v.is_map()) {
      v.error("expected {value, source} or a mapping of the scenario's keys below this one");
      return;
    }
    if (v.has("value")) {
      read_assumption(v, key);
      return;
    }
    for (const std::string& k : v.keys())
      if (!(key.empty() && k == "from")) read(v.child(k), key.empty() ? k : key + "." + k);
  }
  std::vector<ProjectionAssumption> take() { return std::move(out_); }

 private:
  void read_assumption(const YamlView& entry, const std::string& key) {
    if (!entry.expect_map({"value", "source", "from"})) return;
    const YamlView value = entry.required("value");
    const YamlView source = entry.required("source");
    if (!value.defined() || !source.defined()) return;
    if (source.as_string().empty()) {
      source.error("say where the value comes from (the brief's figure, or the reasoning)");
      return;
    }
    // An entry may start on its own date (a documented restart, for example).
    const YamlView own_from = entry.has("from") ? entry.child("from") : from_;
    const auto date = entry.has("from") ? engine::parse_date(own_from.as_string()) : from_date_;
    if (!date) {
      own_from.error("expected a date (YYYY-MM-DD)");
      return;
    }
    YAML::Node target = resolve_key_path(root_, key);
    const std::string replaced = target.IsDefined() && target.IsScalar() ? target.Scalar() : "";
    std::string why = "names no schedule of this scenario";
    if (!target.IsDefined() ||
        !append_step(target, own_from.node(), *date, value.node(), start_, &why)) {
      entry.error(fmt::format("{} {}", key, why));
      return;
    }
    out_.push_back(
        {key, engine::format_date(*date), emitted(value.node()), source.as_string(), replaced});
  }

  YAML::Node root_;
  const std::string& start_;
  const YamlView& from_;
  engine::Date from_date_;
  std::vector<ProjectionAssumption> out_;
};

}  // namespace

std::vector<ProjectionAssumption> apply_projection(YAML::Node root, const YamlView& block,
                                                   const std::string& start) {
  if (!block.defined() || !block.is_map()) {
    if (block.defined()) block.error("expected a mapping: from, and the assumptions by key");
    return {};
  }
  const YamlView from = block.required("from");
  const auto from_date = from.defined() ? engine::parse_date(from.as_string()) : std::nullopt;
  if (from.defined() && !from_date) from.error("expected a date (YYYY-MM-DD)");
  if (!from_date) return {};
  ProjectionReader reader(root, start, from, *from_date);
  reader.read(block, "");
  return reader.take();
}

}  // namespace asylumsim::scenario
