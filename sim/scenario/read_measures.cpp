// The measures: blocks, read as data (what each measure does is in sim/measures).
#include "loader.hpp"

namespace asylumsim::scenario::detail {

std::optional<Tick> Loader::window_date(const YamlView& v, bool is_end) {
  auto d = date(v);
  if (!d) return std::nullopt;
  if (*d < s_.start) {
    if (is_end)
      v.error(
          fmt::format("the measure ends {}, before the scenario starts {} (expected a later "
                      "date, or no until)",
                      engine::format_date(*d), engine::format_date(s_.start)));
    return is_end ? std::nullopt : std::optional<Tick>(0);
  }
  if (*d > s_.end) {
    if (!is_end)
      v.error(fmt::format(
          "the measure starts {}, after the scenario ends {}: it would never apply "
          "(expected a date up to {})",
          engine::format_date(*d), engine::format_date(s_.end), engine::format_date(s_.end)));
    return is_end ? std::optional<Tick>(engine::kNever) : std::nullopt;
  }
  return cal_.to_tick(*d);
}

int Loader::named_index(const YamlView& v, const std::vector<std::string>& names,
                        const char* what) {
  const std::string name = v.as_string();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  const std::string sug = suggest(name, names);
  v.error(fmt::format("unknown {} '{}'{}", what, name,
                      sug.empty() ? "" : fmt::format(" (did you mean '{}'?)", sug)));
  return -1;
}

bool Loader::resume_first(const YamlView& v) {
  if (!v.defined()) return true;
  const std::vector<std::string> options = {"first", "back"};
  return named_index(v, options, "resume order") != 1;
}

std::optional<engine::Distribution> Loader::optional_distribution(const YamlView& v) {
  if (!v.defined()) return std::nullopt;
  return single_distribution(v, engine::Distribution::fixed(0));
}

namespace {

// The keys every block takes, then the type's own.
std::vector<std::string> block_keys(const MeasureSchema& type) {
  std::vector<std::string> out = {"type", "description", "from", "until", "cost_eur_per_month"};
  out.insert(out.end(), type.keys.begin(), type.keys.end());
  return out;
}

}  // namespace

void Loader::read_measures(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.is_map()) {
    v.error("expected a mapping from measure name to measure block");
    return;
  }
  const auto& schemas = complete_.measure_types();
  std::vector<std::string> types;
  for (const MeasureSchema* t : schemas) types.emplace_back(t->type);
  for (const std::string& name : v.keys()) {
    const YamlView b = v.child(name);
    if (!b.is_map()) {
      b.error("a measure is a mapping with type, from, until (optional) and its parameters");
      continue;
    }
    const YamlView type_node = b.required("type");
    if (!type_node.defined()) continue;
    const int type = named_index(type_node, types, "measure type");
    if (type < 0) continue;
    const MeasureSchema& schema = *schemas[static_cast<std::size_t>(type)];
    if (!b.expect_map(block_keys(schema))) continue;
    Measure m;
    m.name = name;
    m.type = schema.type;
    const YAML::Mark mark = b.node().Mark();
    m.where = {b.file(), mark.line + 1, mark.column + 1, b.path(), ""};
    m.description = b.has("description") ? b.child("description").as_string() : "";
    const std::size_t before = diag_.size();
    m.from = window_date(b.required("from"), false).value_or(0);
    if (b.has("until")) m.until = window_date(b.child("until"), true).value_or(engine::kNever);
    if (diag_.size() == before && m.until <= m.from)
      b.child("until").error("the end date (until) is not after the start date (from)");
    m.cost_eur_per_month = number(b.child("cost_eur_per_month"), 0, Range::kNonNegative);
    m.params = schema.read(*this, b, m);
    s_.measures.push_back(std::move(m));
  }
}

}  // namespace asylumsim::scenario::detail

namespace asylumsim::scenario {

std::vector<std::string> MeasureReader::group_names() const {
  std::vector<std::string> names;
  for (const auto& g : scenario().groups) names.push_back(g.name);
  return names;
}

int MeasureReader::group(const YamlView& v) {
  return std::max(0, named_index(v, group_names(), "nationality group"));
}

int MeasureReader::optional_group(const YamlView& b) {
  return b.has("group") ? named_index(b.child("group"), group_names(), "nationality group") : -1;
}

int MeasureReader::track(const YamlView& v) {
  return std::max(0, named_index(v, detail::names_of(kTrackNames), "track"));
}

int MeasureReader::optional_track(const YamlView& b) {
  return b.has("track") ? named_index(b.child("track"), detail::names_of(kTrackNames), "track")
                        : -1;
}

int MeasureReader::location(const YamlView& v) {
  return std::max(0, named_index(v, detail::names_of(kLocationNames), "location type"));
}

}  // namespace asylumsim::scenario
