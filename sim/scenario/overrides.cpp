#include "asylumsim/scenario/overrides.hpp"

#include <fmt/format.h>

#include "asylumsim/scenario/key_path.hpp"
#include "asylumsim/scenario/resolve.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

namespace {

[[noreturn]] void fail(const Override& o, const std::string& message) {
  Diagnostics diag;
  diag.add({o.option + " " + o.text, 0, 0, o.path, message});
  throw InputError(diag);
}

std::string join_parts(const std::vector<std::string>& parts, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i)
    out += (i > 0 && parts[i].front() != '[' ? "." : "") + parts[i];
  return out;
}

void apply_one(YAML::Node root, const Override& o) {
  const auto parts = split_key_path(o.path);
  if (parts.empty() || parts.front().front() == '[')
    fail(o,
         "not a key path (expected keys separated by '.' and list elements as [i], e.g. "
         "ind.capacity_per_week.aa)");
  const std::string parent_path = join_parts(parts, parts.size() - 1);
  YAML::Node parent = parent_path.empty() ? root : resolve_key_path(root, parent_path);
  if (!parent.IsDefined())
    fail(o, fmt::format("'{}' does not exist in this scenario (expected an existing key path; "
                        "docs/scenario.md lists the keys)",
                        parent_path));
  const YAML::Node value = load_yaml_text(o.value, o.option + " " + o.text);
  const std::string& last = parts.back();
  if (last.front() == '[') {
    const auto idx = static_cast<std::size_t>(std::stoul(last.substr(1, last.size() - 2)));
    if (!parent.IsSequence())
      fail(o, fmt::format("'{}' is not a list, so it has no element {}", parent_path, last));
    if (idx >= parent.size())
      fail(o, fmt::format("'{}' has {} elements (expected an index below {})", parent_path,
                          parent.size(), parent.size()));
    YAML::Node element = parent[idx];
    element = value;  // writes through into the tree
    return;
  }
  if (!parent.IsMap())
    fail(o, fmt::format("'{}' is not a mapping, so it has no key '{}'", parent_path, last));
  parent[last] = value;
}

// A diagnostic about an overridden key (or below it) names the option, not a line of the file.
bool under(const std::string& key_path, const std::string& path) {
  if (key_path.rfind(path, 0) != 0) return false;
  return key_path.size() == path.size() || key_path[path.size()] == '.' ||
         key_path[path.size()] == '[';
}

InputError attribute(const InputError& e, const std::vector<Override>& overrides) {
  Diagnostics out;
  for (Diagnostic d : e.diagnostics().list()) {
    for (auto o = overrides.rbegin(); o != overrides.rend(); ++o)
      if (under(d.key_path, o->path)) {
        d.file = o->option + " " + o->text;
        d.line = d.column = 0;
        break;
      }
    out.add(d);
  }
  return InputError(out);
}

}  // namespace

std::optional<Override> parse_override(const std::string& text, std::string* why) {
  const std::size_t eq = text.find('=');
  auto reject = [&](const std::string& reason) -> std::optional<Override> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (eq == std::string::npos)
    return reject(
        fmt::format("'{}': expected KEY.PATH=VALUE (e.g. scenario.replications=50)", text));
  if (eq == 0) return reject(fmt::format("'{}': the key path before '=' is empty", text));
  if (eq + 1 == text.size()) return reject(fmt::format("'{}': the value after '=' is empty", text));
  if (split_key_path(text.substr(0, eq)).empty())
    return reject(
        fmt::format("'{}': '{}' is not a key path (expected keys separated by '.' and "
                    "list elements as [i])",
                    text, text.substr(0, eq)));
  return Override{text, text.substr(0, eq), text.substr(eq + 1)};
}

std::vector<Override> parse_overrides(const std::vector<std::string>& texts) {
  std::vector<Override> out;
  Diagnostics diag;
  for (const auto& t : texts) {
    std::string why;
    if (auto o = parse_override(t, &why))
      out.push_back(*o);
    else
      diag.add({"--set", 0, 0, "", why});
  }
  if (!diag.empty()) throw InputError(diag);
  return out;
}

void apply_overrides(YAML::Node root, const std::vector<Override>& overrides) {
  for (const auto& o : overrides) apply_one(root, o);
}

Scenario read_scenario(const std::string& path, const std::vector<Override>& overrides,
                       const Completion& complete) {
  if (overrides.empty()) return read_scenario(path, complete);
  const YAML::Node root = scenario_tree(path, complete);
  apply_overrides(root, overrides);
  try {
    Scenario s = load_resolved(root, path, complete);
    stamp_identity(s, load_yaml_file(path), root, path);  // the hash covers the overrides
    for (const auto& o : overrides) s.overrides.push_back(o.text);
    return s;
  } catch (const InputError& e) {
    throw attribute(e, overrides);
  }
}

std::string text_with_overrides(const std::string& text, const std::string& file,
                                const std::vector<std::string>& overrides) {
  if (overrides.empty()) return text;
  const YAML::Node root = load_yaml_text(text, file);
  apply_overrides(root, parse_overrides(overrides));
  YAML::Emitter e;
  e << root;
  return std::string(e.c_str()) + "\n";
}

}  // namespace asylumsim::scenario
