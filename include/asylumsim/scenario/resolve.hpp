// How a scenario file becomes one scenario: `extends` chains merged into one YAML tree, and the
// identity its results carry (a name of its own and a hash of the resolved tree).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::scenario {

// Loads the resolved tree of the file at `path`. An error in a value that a base file gives (and
// the file itself does not) names that base file: the value's line and column are in it.
Scenario load_resolved(const YAML::Node& resolved, const std::string& path,
                       const Completion& complete);

// A file of an `extends` chain with its own (unmerged) tree.
struct SourceFile {
  std::string path;
  YAML::Node root;
};
// The chain of a scenario file, the file itself first and its furthest base last.
std::vector<SourceFile> extends_chain(const std::string& path);

// A diagnostic at the value of `path` (keys from the root) in the file of the chain that gives it
// (the first from the top); a key left out is placed at its nearest enclosing block.
Diagnostic locate(const std::vector<SourceFile>& chain, const std::vector<std::string>& path,
                  std::string message, bool warning);
// The scalar text at `path` as the chain gives it, or empty.
std::string value_text(const std::vector<SourceFile>& chain, const std::vector<std::string>& path);

// 16 hex digits of FNV-1a over the resolved tree as YAML text, without scenario.seed and
// scenario.replications: the same scenario gives the same hash whatever its comments, layout or
// file; a changed parameter gives another.
std::string scenario_hash(const YAML::Node& resolved);

// Sets s.hash; a variant (a file with `extends`) that does not name itself gets the name of its
// file (never its base's, whose results it would otherwise overwrite) and, without a description
// of its own, one that says what it is a variant of.
void stamp_identity(Scenario& s, const YAML::Node& own, const YAML::Node& resolved,
                    const std::string& path);

}  // namespace asylumsim::scenario
