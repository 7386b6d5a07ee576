#include "asylumsim/output/result_dir.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "asylumsim/output/writers.hpp"

namespace asylumsim::output {

namespace fs = std::filesystem;

namespace {

constexpr const char* kIdentityFile = "identity.json";

// The files asylumsim writes into an output directory; --force removes these and only these.
bool is_result_file(const fs::path& p) {
  static const char* const kNames[] = {"identity.json",    "series.csv",      "summary.json",
                                       "report.html",      "validation.csv",  "comparison.csv",
                                       "replications.csv", "calibration.csv", "backtest.csv",
                                       "sweep.csv",        "results.xlsx"};
  const std::string name = p.filename().string();
  for (const char* n : kNames)
    if (name == n) return true;
  const auto ends_with = [&](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".calibrated.yaml") || (name.front() == '.' && ends_with(".partial"));
}

struct Found {
  bool identified = false;  // identity.json, or (older directories) summary.json with a name
  ResultIdentity id;
  bool other_files = false;  // files asylumsim does not write
};

// What the directory holds now.
Found inspect(const fs::path& dir) {
  Found f;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (!is_result_file(e.path())) f.other_files = true;
  const auto read = [](const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in, nullptr, false);
  };
  if (fs::exists(dir / kIdentityFile)) {
    const auto j = read(dir / kIdentityFile);
    if (j.is_object()) {
      f.identified = true;
      f.id = {j.value("command", ""), j.value("scenario", ""), j.value("scenario_hash", "")};
    }
  } else if (fs::exists(dir / "summary.json")) {
    const auto j = read(dir / "summary.json");
    if (j.is_object() && j.contains("scenario") && j["scenario"].is_object()) {
      f.identified = true;
      f.id = {"", j["scenario"].value("name", ""), ""};
    }
  }
  return f;
}

bool same(const ResultIdentity& a, const ResultIdentity& b) {
  // Older directories record no command or hash: the name decides.
  return a.name == b.name && (a.hash.empty() || a.hash == b.hash) &&
         (a.command.empty() || a.command == b.command);
}

std::string describe(const ResultIdentity& id) {
  if (id.name.empty()) return "files that are not asylumsim results";
  return fmt::format("{} results of '{}'{}", id.command.empty() ? "the" : id.command, id.name,
                     id.hash.empty() ? "" : fmt::format(" (hash {})", id.hash));
}

void clear_results(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> doomed;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && is_result_file(e.path())) doomed.push_back(e.path());
  for (const auto& p : doomed) {
    fs::remove(p, ec);
    if (ec) throw OutputError(fmt::format("{}: cannot remove: {}", p.string(), ec.message()));
  }
}

std::string identity_json(const ResultIdentity& id) {
  nlohmann::ordered_json j;
  j["schema"] = "asylumsim.identity/1";
  j["command"] = id.command;
  j["scenario"] = id.name;
  j["scenario_hash"] = id.hash;
  return j.dump(2) + "\n";
}

// A CSV field, quoted when it must be.
std::string field(const std::string& v) {
  if (v.find_first_of(",\"\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

ResultIdentity identity_of(const std::string& command, const scenario::Scenario& s) {
  return {command, s.name, s.hash};
}

ResultIdentity identity_of(const scenario::Scenario& base, const scenario::Scenario& variant) {
  return identity_of(base, std::vector<scenario::Scenario>{variant});
}

ResultIdentity identity_of(const scenario::Scenario& base,
                           const std::vector<scenario::Scenario>& variants) {
  ResultIdentity id{"compare", base.name + " vs ", base.hash};
  for (std::size_t i = 0; i < variants.size(); ++i) {
    id.name += (i ? ", " : "") + variants[i].name;
    id.hash += "+" + variants[i].hash;
  }
  return id;
}

std::string prepare_output_dir(const fs::path& dir, const ResultIdentity& id, bool force) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw OutputError(fmt::format("{}: exists and is not a directory", dir.string()));
  std::string notice;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    const Found f = inspect(dir);
    const bool mine = f.identified && same(f.id, id);
    if (!mine && !force)
      throw OutputError(fmt::format(
          "{}: holds {}, not {}; use --out for a new directory or --force to replace them",
          dir.string(), f.identified ? describe(f.id) : describe({}), describe(id)));
    notice =
        mine ? fmt::format("asylumsim: replacing earlier {} in {}", describe(f.id), dir.string())
             : fmt::format("asylumsim: --force: removing {} from {}",
                           f.identified ? describe(f.id) : "the result files", dir.string());
    clear_results(dir);
  }
  fs::create_directories(dir, ec);
  if (ec)
    throw OutputError(fmt::format("{}: cannot create directory: {}", dir.string(), ec.message()));
  write_file_atomic(dir / kIdentityFile, identity_json(id));
  return notice;
}

IdentityColumns run_columns(const scenario::Scenario& s, bool complete) {
  return {{"scenario", s.name},
          {"scenario_hash", s.hash},
          {"seed", std::to_string(s.seed)},
          {"complete", complete ? "true" : "false"}};
}

IdentityColumns comparison_columns(const scenario::Scenario& base,
                                   const scenario::Scenario& variant, bool complete) {
  return {{"base_scenario", base.name},        {"base_hash", base.hash},
          {"variant_scenario", variant.name},  {"variant_hash", variant.hash},
          {"seed", std::to_string(base.seed)}, {"complete", complete ? "true" : "false"}};
}

std::string column_prefix(const IdentityColumns& cols) {
  std::string out;
  for (const auto& [name, value] : cols) out += field(value) + ",";
  return out;
}

std::string with_columns(const std::string& csv, const IdentityColumns& cols, std::size_t after) {
  std::string header;
  for (const auto& [name, value] : cols) header += name + ",";
  const std::string prefix = column_prefix(cols);
  std::string out;
  out.reserve(csv.size() + (prefix.size() + 1) * 1024);
  std::size_t pos = 0;
  bool first = true;
  while (pos < csv.size()) {
    std::size_t nl = csv.find('\n', pos);
    if (nl == std::string::npos) nl = csv.size() - 1;
    const std::string& insert = first ? header : prefix;
    // Where the columns go: after `after` fields, or at the end of the line.
    std::size_t at = pos;
    for (std::size_t k = 0; k < after && at <= nl; ++k) {
      const std::size_t comma = csv.find(',', at);
      at = comma == std::string::npos || comma > nl ? nl + 1 : comma + 1;
    }
    if (at > nl) {  // at the end: ",a,b" before the line break
      out.append(csv, pos, nl - pos);
      out += ',';
      out.append(insert, 0, insert.size() - 1);
      out += '\n';
    } else {
      out.append(csv, pos, at - pos);
      out += insert;
      out.append(csv, at, nl - at + 1);
    }
    pos = nl + 1;
    first = false;
  }
  return out;
}

}  // namespace asylumsim::output
