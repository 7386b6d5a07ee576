// A checked view of a YAML document. Each accessor knows its key path and source position, reports
// problems to a shared Diagnostics instead of throwing, and returns a harmless value so reading can
// go on and find further problems. Unknown keys are reported with a 'did you mean' suggestion.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asylumsim/scenario/diagnostics.hpp"

namespace asylumsim::scenario {

struct InputLimits {
  std::size_t max_bytes = 8u << 20;  // 8 MiB
  int max_nesting = 64;              // flow and block nesting levels
};

// Loads a YAML file with limits checked before yaml-cpp sees it (yaml-cpp recurses per nesting
// level and would overflow the stack on hostile input). Throws InputError on failure.
YAML::Node load_yaml_file(const std::string& path, const InputLimits& limits = {});
YAML::Node load_yaml_text(const std::string& text, const std::string& name,
                          const InputLimits& limits = {});

std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

class YamlView {
 public:
  YamlView(YAML::Node node, std::string path, const std::string* file, Diagnostics* diag)
      : node_(std::move(node)), path_(std::move(path)), file_(file), diag_(diag) {}

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  bool defined() const { return node_.IsDefined() && !node_.IsNull(); }
  // yaml-cpp throws when a missing ('zombie') node is asked its type, so every query checks first.
  bool is_map() const { return node_.IsDefined() && node_.IsMap(); }
  bool is_sequence() const { return node_.IsDefined() && node_.IsSequence(); }
  bool is_scalar() const { return node_.IsDefined() && node_.IsScalar(); }
  bool has(std::string_view key) const;

  // Child accessors. A missing required key is reported at this node's position.
  YamlView child(std::string_view key) const;
  YamlView required(std::string_view key) const;
  YamlView element(std::size_t i) const;
  std::size_t size() const { return node_.IsDefined() ? node_.size() : 0; }
  std::vector<std::string> keys() const;

  // Scalars. Report a type error and return the fallback when the value does not convert.
  double as_number(double fallback = 0.0) const;
  std::int64_t as_integer(std::int64_t fallback = 0) const;
  bool as_bool(bool fallback = false) const;
  std::string as_string(std::string fallback = {}) const;

  // Checks that this node is a map and that it has no keys other than `allowed`; also reports
  // duplicate keys. Returns false when the node is not a map.
  bool expect_map(std::initializer_list<std::string_view> allowed) const;
  bool expect_map(const std::vector<std::string>& allowed) const;
  bool expect_sequence() const;

  void error(const std::string& message) const;
  void error_at_key(std::string_view key, const std::string& message) const;
  Diagnostics& diagnostics() const { return *diag_; }
  const std::string& file() const { return *file_; }

 private:
  std::string join(std::string_view key) const;
  YAML::Node node_;
  std::string path_;
  const std::string* file_;
  Diagnostics* diag_;
};

}  // namespace asylumsim::scenario
