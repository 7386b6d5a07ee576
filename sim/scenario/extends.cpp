// `extends:` — a scenario written as changes to one or more other scenario files.
#include <fmt/format.h>

#include <filesystem>

#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

namespace {

namespace fs = std::filesystem;
constexpr int kMaxDepth = 8;

// Overlays `top` on `base` in place: mappings merge key by key (recursively), anything else
// replaces. Nodes are shared, not copied, so every value keeps its line and column for errors.
void merge_into(YAML::Node base, const YAML::Node& top) {
  for (const auto& kv : top) {
    const std::string key = kv.first.as<std::string>();
    YAML::Node existing = base[key];
    if (existing.IsDefined() && existing.IsMap() && kv.second.IsMap())
      merge_into(existing, kv.second);
    else
      base[key] = kv.second;
  }
}

[[noreturn]] void fail(const std::string& path, const YAML::Node& at, const std::string& msg) {
  Diagnostics diag;
  diag.add({path, at.Mark().line + 1, at.Mark().column + 1, "extends", msg});
  throw InputError(diag);
}

// A file named in a tree is relative to that tree's file; seen from a file in another directory
// (`dir` relative to it) it must be rebased, or the merged scenario would look in the wrong place.
void rebase_relative_files(YAML::Node tree, const fs::path& dir) {
  if (dir.empty() || !tree.IsMap() || !tree["inflow"].IsDefined() || !tree["inflow"].IsMap())
    return;
  YAML::Node file = tree["inflow"]["first_applications_file"];
  if (!file.IsDefined() || !file.IsScalar() || fs::path(file.Scalar()).is_absolute()) return;
  file = (dir / file.Scalar()).lexically_normal().string();  // writes through
}

YAML::Node resolve(const YAML::Node& root, const std::string& path, int depth,
                   const Completion& complete);

// One entry of `extends`: the file's path, checked to exist and not to recurse without end.
fs::path base_path(const std::string& path, const YAML::Node& entry, int depth) {
  if (!entry.IsScalar()) fail(path, entry, "expected the path of a base scenario file");
  const fs::path base = fs::path(path).parent_path() / entry.Scalar();
  if (depth >= kMaxDepth)
    fail(path, entry, "scenarios extend each other more than 8 levels deep (a cycle?)");
  if (!fs::exists(base) || fs::is_directory(base))
    fail(path, entry, fmt::format("base scenario {} does not exist", base.string()));
  return base;
}

// The base's tree, resolved and checked on its own (its errors name its own file and lines), with
// its relative file names rebased to the extending file's directory.
YAML::Node load_base(const std::string& path, const YAML::Node& entry, int depth,
                     const Completion& complete) {
  const fs::path base = base_path(path, entry, depth);
  YAML::Node tree = resolve(load_yaml_file(base.string()), base.string(), depth + 1, complete);
  scenario_from_tree(tree, base.string(), complete);
  rebase_relative_files(tree, fs::path(entry.Scalar()).parent_path());
  return tree;
}

// A later entry of an `extends` list contributes only the keys written in it (its own base is
// checked, not applied again: it would undo the earlier entries' changes to the same keys).
YAML::Node own_keys(const std::string& path, const YAML::Node& entry, int depth,
                    const Completion& complete) {
  load_base(path, entry, depth, complete);
  const fs::path base = base_path(path, entry, depth);
  YAML::Node tree = load_yaml_file(base.string());
  tree.remove("extends");
  rebase_relative_files(tree, fs::path(entry.Scalar()).parent_path());
  return tree;
}

YAML::Node resolve(const YAML::Node& root, const std::string& path, int depth,
                   const Completion& complete) {
  if (!root.IsMap() || !root["extends"]) return root;
  const YAML::Node ext = root["extends"];
  if (ext.IsSequence() && ext.size() == 0)
    fail(path, ext, "expected at least one base scenario file");
  if (!ext.IsScalar() && !ext.IsSequence())
    fail(path, ext, "expected the path of a base scenario file, or a list of them");
  YAML::Node merged = load_base(path, ext.IsSequence() ? ext[0] : ext, depth, complete);
  if (!merged.IsMap()) return root;  // the base's own load reported it
  for (std::size_t i = 1; ext.IsSequence() && i < ext.size(); ++i)
    merge_into(merged, own_keys(path, ext[i], depth, complete));
  merge_into(merged, root);
  merged.remove("extends");
  return merged;
}

}  // namespace

YAML::Node scenario_tree(const std::string& path, const Completion& complete) {
  return resolve(load_yaml_file(path), path, 0, complete);
}

}  // namespace asylumsim::scenario
