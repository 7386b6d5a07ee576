#include "asylumsim/scenario/key_path.hpp"

#include <cctype>

namespace asylumsim::scenario {

namespace {
// "[i]" with at most 9 digits: no list in a scenario is longer, and stoul cannot overflow.
bool is_index(const std::string& part) {
  if (part.size() < 3 || part.size() > 11) return false;
  for (std::size_t i = 1; i + 1 < part.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(part[i]))) return false;
  return true;
}
}  // namespace

std::vector<std::string> split_key_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '.') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else if (c == '[') {
      if (!cur.empty()) parts.push_back(cur);
      const std::size_t close = path.find(']', i);
      if (close == std::string::npos) return {};
      parts.push_back(path.substr(i, close - i + 1));
      if (!is_index(parts.back())) return {};
      i = close;
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

// Copy-constructed nodes only: assigning one YAML::Node to another would write into the tree.
YAML::Node resolve_key_path(const YAML::Node& root, const std::string& path) {
  const auto parts = split_key_path(path);
  if (parts.empty()) return YAML::Node(YAML::NodeType::Undefined);
  std::vector<YAML::Node> chain{root};
  for (const auto& p : parts) {
    const YAML::Node& cur = chain.back();
    if (p.front() == '[') {
      if (!cur.IsDefined() || !cur.IsSequence()) return YAML::Node(YAML::NodeType::Undefined);
      const auto idx = static_cast<std::size_t>(std::stoul(p.substr(1, p.size() - 2)));
      if (idx >= cur.size()) return YAML::Node(YAML::NodeType::Undefined);
      chain.push_back(cur[idx]);
    } else {
      if (!cur.IsDefined() || !cur.IsMap() || !cur[p].IsDefined())
        return YAML::Node(YAML::NodeType::Undefined);
      chain.push_back(cur[p]);
    }
  }
  return chain.back();
}

}  // namespace asylumsim::scenario
