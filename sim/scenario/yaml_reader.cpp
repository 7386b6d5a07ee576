#include "asylumsim/scenario/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace asylumsim::scenario {

std::string Diagnostic::format() const {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}:{}", line, column);
  if (warning) where += ": warning";
  if (key_path.empty()) return fmt::format("{}: {}", where, message);
  return fmt::format("{}: {}: {}", where, key_path, message);
}

std::string Diagnostics::format(std::size_t limit) const {
  std::string out;
  for (std::size_t i = 0; i < list_.size() && i < limit; ++i) {
    if (!out.empty()) out += '\n';
    out += list_[i].format();
  }
  if (list_.size() > limit)
    out += fmt::format("\n{}: ... and {} more problems not shown ({} in all)", list_[limit].file,
                       list_.size() - limit, list_.size());
  return out;
}

namespace {

// A key's position. A key a variant adds to its base (`extends`) is a new node of the merged tree
// without a position; its value is shared with the variant's file and has one: the same line.
YAML::Mark key_mark(const std::pair<YAML::Node, YAML::Node>& kv) {
  const YAML::Mark m = kv.first.Mark();
  return m.line >= 0 ? m : kv.second.Mark();
}

[[noreturn]] void fail(const std::string& file, int line, int col, const std::string& msg) {
  Diagnostics d;
  d.add({file, line, col, "", msg});
  throw InputError(std::move(d));
}

// Rejects inputs yaml-cpp should never see: oversized, binary, or nested deeper than the limit.
void check_text(const std::string& text, const std::string& name, const InputLimits& limits) {
  if (text.size() > limits.max_bytes)
    fail(name, 0, 0,
         fmt::format("file is {} bytes, above the limit of {} bytes", text.size(),
                     limits.max_bytes));
  int line = 1, col = 1, flow_depth = 0;
  bool at_line_start = true;
  int indent = 0;
  bool in_comment = false;
  for (unsigned char c : text) {
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
      fail(name, line, col, "file contains binary data (control byte), not YAML text");
    if (c == '\n') {
      ++line;
      col = 1;
      at_line_start = true;
      indent = 0;
      in_comment = false;
      continue;
    }
    if (at_line_start && c == ' ') {
      ++indent;
      if (indent / 2 > limits.max_nesting * 2)
        fail(name, line, col,
             fmt::format("indentation nests deeper than {} levels", limits.max_nesting));
    } else {
      at_line_start = false;
    }
    if (c == '#') in_comment = true;
    if (!in_comment) {
      if (c == '[' || c == '{') {
        if (++flow_depth > limits.max_nesting)
          fail(name, line, col,
               fmt::format("nesting deeper than {} levels (limit for scenario files)",
                           limits.max_nesting));
      } else if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
      }
    }
    ++col;
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

YAML::Node load_yaml_text(const std::string& text, const std::string& name,
                          const InputLimits& limits) {
  check_text(text, name, limits);
  bool blank = std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  });
  if (blank) fail(name, 0, 0, "file is empty (expected a YAML mapping)");
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsDefined() || root.IsNull())
      fail(name, 0, 0, "file holds no YAML document (expected a YAML mapping)");
    return root;
  } catch (const YAML::Exception& e) {
    fail(name, e.mark.line + 1, e.mark.column + 1, fmt::format("YAML syntax error: {}", e.msg));
  }
}

YAML::Node load_yaml_file(const std::string& path, const InputLimits& limits) {
  // A directory opens as a stream on Linux and reads as empty: say what it is instead.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    fail(path, 0, 0, "is a directory, not a YAML file (expected the path of a .yaml file)");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(path, 0, 0,
         fmt::format("cannot open the file: {} (expected the path of a readable .yaml file)",
                     std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) fail(path, 0, 0, fmt::format("cannot read the file: {}", std::strerror(errno)));
  return load_yaml_text(ss.str(), path, limits);
}

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = std::numeric_limits<std::size_t>::max();
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  if (best.empty() || best_d > std::max<std::size_t>(2, word.size() / 3)) return {};
  return best;
}

std::string YamlView::join(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

bool YamlView::has(std::string_view key) const {
  return is_map() && node_[std::string(key)].IsDefined();
}

YamlView YamlView::child(std::string_view key) const {
  // Copy-construct: assigning a YAML::Node writes through to the node it refers to.
  const YAML::Node& self = node_;
  return {is_map() ? self[std::string(key)] : YAML::Node(), join(key), file_, diag_};
}

YamlView YamlView::required(std::string_view key) const {
  YamlView v = child(key);
  if (!v.defined() && is_map()) {
    const auto m = node_.Mark();
    diag_->add({*file_, m.line + 1, m.column + 1, join(key), "required key is missing"});
  }
  return v;
}

YamlView YamlView::element(std::size_t i) const {
  return {node_[i], fmt::format("{}[{}]", path_, i), file_, diag_};
}

std::vector<std::string> YamlView::keys() const {
  std::vector<std::string> out;
  if (!is_map()) return out;
  for (const auto& kv : node_) out.push_back(kv.first.Scalar());
  return out;
}

void YamlView::error(const std::string& message) const {
  const auto m = node_.IsDefined() ? node_.Mark() : YAML::Mark::null_mark();
  const int line = m.line >= 0 ? m.line + 1 : 0;
  const int col = m.column >= 0 ? m.column + 1 : 0;
  diag_->add({*file_, line, col, path_, message});
}

void YamlView::error_at_key(std::string_view key, const std::string& message) const {
  if (is_map())
    for (const auto& kv : node_) {
      if (kv.first.Scalar() == key) {
        const auto m = key_mark(kv);
        diag_->add({*file_, m.line + 1, m.column + 1, join(key), message});
        return;
      }
    }
  error(message);
}

double YamlView::as_number(double fallback) const {
  if (!is_scalar()) {
    error("expected a number");
    return fallback;
  }
  try {
    const double v = node_.as<double>();
    if (!std::isfinite(v)) {
      error(fmt::format("'{}' is not a finite number", node_.Scalar()));
      return fallback;
    }
    return v;
  } catch (const YAML::Exception&) {
    error(fmt::format("'{}' is not a number", node_.Scalar()));
    return fallback;
  }
}

std::int64_t YamlView::as_integer(std::int64_t fallback) const {
  if (!is_scalar()) {
    error("expected an integer");
    return fallback;
  }
  try {
    return node_.as<std::int64_t>();
  } catch (const YAML::Exception&) {
    error(fmt::format("'{}' is not an integer", node_.Scalar()));
    return fallback;
  }
}

bool YamlView::as_bool(bool fallback) const {
  if (!is_scalar()) {
    error("expected true or false");
    return fallback;
  }
  try {
    return node_.as<bool>();
  } catch (const YAML::Exception&) {
    error(fmt::format("'{}' is not true or false", node_.Scalar()));
    return fallback;
  }
}

std::string YamlView::as_string(std::string fallback) const {
  if (!is_scalar()) {
    error("expected a text value");
    return fallback;
  }
  return node_.Scalar();
}

bool YamlView::expect_map(const std::vector<std::string>& allowed) const {
  if (!is_map()) {
    error("expected a mapping (key: value pairs)");
    return false;
  }
  std::set<std::string> seen;
  for (const auto& kv : node_) {
    const std::string key = kv.first.Scalar();
    const auto m = key_mark(kv);
    if (!seen.insert(key).second) {
      diag_->add({*file_, m.line + 1, m.column + 1, join(key), "duplicate key"});
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      const std::string s = suggest(key, allowed);
      diag_->add({*file_, m.line + 1, m.column + 1, join(key),
                  s.empty() ? std::string("unknown key")
                            : fmt::format("unknown key (did you mean '{}'?)", s)});
    }
  }
  return true;
}

bool YamlView::expect_map(std::initializer_list<std::string_view> allowed) const {
  std::vector<std::string> v;
  for (auto a : allowed) v.emplace_back(a);
  return expect_map(v);
}

bool YamlView::expect_sequence() const {
  if (!is_sequence()) {
    error("expected a list");
    return false;
  }
  return true;
}

}  // namespace asylumsim::scenario
