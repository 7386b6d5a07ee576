#include "asylumsim/scenario/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "asylumsim/engine/rng.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

std::vector<SourceFile> extends_chain(const std::string& path) {
  std::vector<SourceFile> chain{{path, load_yaml_file(path)}};
  while (chain.size() < 9) {
    const YAML::Node& root = chain.back().root;
    if (!root.IsMap() || !root["extends"] || !root["extends"].IsScalar()) break;
    const auto base =
        std::filesystem::path(chain.back().path).parent_path() / root["extends"].as<std::string>();
    chain.push_back({base.string(), load_yaml_file(base.string())});
  }
  return chain;
}

namespace {

std::string join(const std::vector<std::string>& p) {
  std::string out;
  for (const auto& k : p) out += (out.empty() ? "" : ".") + k;
  return out;
}

// The node at `path` in `root`, undefined when a step is missing (never adds to the tree).
YAML::Node lookup(const YAML::Node& root, const std::vector<std::string>& path) {
  YAML::Node cur = root;
  for (const auto& key : path) {
    if (!cur.IsDefined() || !cur.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node& c = cur;
    YAML::Node next = c[key];
    if (!next.IsDefined()) return YAML::Node(YAML::NodeType::Undefined);  // reset() would throw
    cur.reset(next);
  }
  return cur;
}

}  // namespace

Diagnostic locate(const std::vector<SourceFile>& chain, const std::vector<std::string>& path,
                  std::string message, bool warning) {
  for (std::size_t len = path.size(); len > 0; --len) {
    const std::vector<std::string> prefix(path.begin(),
                                          path.begin() + static_cast<std::ptrdiff_t>(len));
    for (const auto& f : chain) {
      const YAML::Node n = lookup(f.root, prefix);
      if (!n.IsDefined()) continue;
      const YAML::Mark m = n.Mark();
      return {f.path, m.line + 1, m.column + 1, join(path), std::move(message), warning};
    }
  }
  return {chain.empty() ? "" : chain.front().path, 0, 0, join(path), std::move(message), warning};
}

std::string value_text(const std::vector<SourceFile>& chain, const std::vector<std::string>& path) {
  for (const auto& f : chain) {
    const YAML::Node n = lookup(f.root, path);
    if (n.IsDefined() && n.IsScalar()) return n.Scalar();
  }
  return {};
}

namespace {

// "measures.shock.factor" -> {"measures", "shock", "factor"}; empty for paths with list indexes.
std::vector<std::string> split_keys(const std::string& key_path) {
  std::vector<std::string> out;
  if (key_path.empty() || key_path.find('[') != std::string::npos) return out;
  std::size_t pos = 0;
  while (pos <= key_path.size()) {
    const std::size_t dot = std::min(key_path.find('.', pos), key_path.size());
    out.push_back(key_path.substr(pos, dot - pos));
    pos = dot + 1;
  }
  return out;
}

// The base file of the chain whose value at the diagnostic's key path is the one the diagnostic
// points at (same line and column); empty when the top file gives it, or when the diagnostic
// points elsewhere (a check that places a composed value at the measure that changed it).
std::string giver(const std::vector<SourceFile>& chain, const Diagnostic& d) {
  const std::vector<std::string> keys = split_keys(d.key_path);
  if (keys.empty() || lookup(chain.front().root, keys).IsDefined()) return {};
  const auto at = [&](const YAML::Mark& m) {
    return m.line + 1 == d.line && m.column + 1 == d.column;
  };
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const YAML::Node n = lookup(chain[i].root, keys);
    if (!n.IsDefined()) continue;
    if (at(n.Mark())) return chain[i].path;
    // Or at the key itself (unknown and duplicate keys are reported there).
    const YAML::Node parent =
        lookup(chain[i].root, std::vector<std::string>(keys.begin(), keys.end() - 1));
    for (const auto& kv : parent)
      if (kv.first.Scalar() == keys.back() && at(kv.first.Mark())) return chain[i].path;
    return {};
  }
  return {};
}

}  // namespace

Scenario load_resolved(const YAML::Node& resolved, const std::string& path,
                       const Completion& complete) {
  try {
    return scenario_from_tree(resolved, path, complete);
  } catch (const InputError& e) {
    const std::vector<SourceFile> chain = extends_chain(path);
    if (chain.size() < 2) throw;
    Diagnostics moved;
    for (Diagnostic d : e.diagnostics().list()) {
      const std::string base = d.file == path ? giver(chain, d) : "";
      if (!base.empty()) d.file = base;
      moved.add(std::move(d));
    }
    throw InputError(std::move(moved));
  }
}

std::string scenario_hash(const YAML::Node& resolved) {
  YAML::Node copy = YAML::Clone(resolved);
  if (copy.IsMap() && copy["scenario"].IsMap()) {
    copy["scenario"].remove("seed");
    copy["scenario"].remove("replications");
  }
  YAML::Emitter out;
  out << copy;
  return fmt::format("{:016x}", engine::fnv1a64(out.c_str()));
}

namespace {

// Whether the file itself (not its base) gives scenario.KEY.
bool own_key(const YAML::Node& own, const char* key) {
  const YAML::Node& header = own["scenario"];
  return header.IsDefined() && header.IsMap() && header[key].IsDefined();
}

}  // namespace

void stamp_identity(Scenario& s, const YAML::Node& own, const YAML::Node& resolved,
                    const std::string& path) {
  s.hash = scenario_hash(resolved);
  if (!own.IsMap() || !own["extends"]) return;
  const std::string base_name = s.name;
  if (!own_key(own, "name")) s.name = std::filesystem::path(path).stem().string();
  if (!own_key(own, "description"))
    s.description = fmt::format("Variant of '{}' defined in {} (it gives no description).",
                                base_name, std::filesystem::path(path).filename().string());
}

}  // namespace asylumsim::scenario
