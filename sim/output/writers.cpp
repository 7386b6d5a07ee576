#include "asylumsim/output/writers.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/indicators/tags.hpp"
#include "asylumsim/output/report_projection.hpp"
#include "asylumsim/version.hpp"

namespace asylumsim::output {

namespace fs = std::filesystem;

void write_file_atomic(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.parent_path() / fmt::format(".{}.partial", path.filename().string());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError(fmt::format("cannot write {}", tmp.string()));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) throw OutputError(fmt::format("error while writing {}", tmp.string()));
  }
  fs::rename(tmp, path);
}

namespace {

// Shortest representation that round-trips, so files are byte-identical across runs and exact.
const char* kStatNames[] = {"mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max"};

std::array<double, 9> stat_values(const montecarlo::Summary& s) {
  return {s.mean, s.sd, s.min, s.p05, s.p25, s.p50, s.p75, s.p95, s.max};
}

using Key = KeyIndicator;

std::map<std::string, std::size_t> index_cells(const montecarlo::BatchResult& r) {
  std::map<std::string, std::size_t> idx;
  for (std::size_t c = 0; c < r.grid.size(); ++c)
    idx[r.grid[c].indicator->id + "@" + r.grid[c].when.label()] = c;
  return idx;
}

}  // namespace

const std::vector<KeyIndicator>& key_indicators() {
  static const std::vector<KeyIndicator> keys = [] {
    using K = indicators::Indicator::Kind;
    std::vector<KeyIndicator> out;
    for (const auto& t : indicators::tagged("summary")) {
      const K kind = t.indicator->kind;
      out.push_back(
          {t.indicator->id.c_str(), kind == K::kStock || kind == K::kStockRatio, t.label.c_str()});
    }
    return out;
  }();
  return keys;
}

std::string key_when(const KeyIndicator& k, int year) {
  return k.stock ? fmt::format("{:04d}-01-01", year + 1) : fmt::format("{:04d}", year);
}

std::string series_csv(const montecarlo::BatchResult& r) {
  const auto sums = r.summaries();
  std::string out = "metric,when,statistic,value\n";
  out.reserve(r.grid.size() * 9 * 48);
  for (std::size_t c = 0; c < r.grid.size(); ++c) {
    const auto vals = stat_values(sums[c]);
    const std::string prefix =
        fmt::format("{},{},", r.grid[c].indicator->id, r.grid[c].when.label());
    for (int k = 0; k < 9; ++k) {
      out += prefix;
      out += kStatNames[k];
      out += ',';
      out += indicators::csv_value(vals[static_cast<std::size_t>(k)]);
      out += '\n';
    }
  }
  return out;
}

std::string summary_json(const scenario::Scenario& s, const montecarlo::BatchResult& r,
                         const RunInfo& info) {
  using nlohmann::ordered_json;
  const auto sums = r.summaries();
  const auto idx = index_cells(r);
  ordered_json j;
  j["schema"] = "asylumsim.summary/1";
  j["asylumsim"] = {{"version", kVersion}, {"commit", kGitCommit}};
  j["scenario"] = {{"name", s.name},
                   {"file", s.file},
                   {"start", engine::format_date(s.start)},
                   {"end", engine::format_date(s.end)},
                   {"seed", s.seed},
                   {"hash", s.hash}};
  j["warnings"] = s.warnings;
  if (!s.overrides.empty()) j["scenario"]["overrides"] = s.overrides;  // --set, in order
  if (!s.inflow.first_applications_file.empty())
    j["scenario"]["first_applications_file"] = s.inflow.first_applications_file;
  j["replications"] = r.replications();
  j["percentiles"] = r.aggregator.exact() ? "exact" : "streaming (P-square)";
  j["uncertainty"] = s.uncertainty_sources;  // sources in the bands (docs/uncertainty.md)
  j["complete"] = info.complete;
  j["command"] = info.command;
  ordered_json years = ordered_json::array();
  for (int y = static_cast<int>(s.start.year()); y <= static_cast<int>(s.end.year()); ++y) {
    ordered_json row;
    row["year"] = y;
    for (const Key& k : key_indicators()) {
      const std::string when = key_when(k, y);
      auto it = idx.find(std::string(k.id) + "@" + when);
      if (it == idx.end()) continue;
      const auto& sm = sums[it->second];
      row[k.id] = {{"when", when}, {"mean", sm.mean}, {"se", sm.standard_error()},
                   {"sd", sm.sd},  {"p05", sm.p05},   {"p50", sm.p50},
                   {"p95", sm.p95}};
    }
    years.push_back(row);
  }
  j["years"] = years;
  j["capacity"] = capacity_shortfall_json(capacity_shortfall(r));
  if (!s.projection.empty()) {
    ordered_json assumptions = ordered_json::array();
    for (const auto& a : s.projection)
      assumptions.push_back(
          {{"key", a.key}, {"from", a.from}, {"value", a.value}, {"source", a.source}});
    j["projection_assumptions"] = assumptions;
  }
  return j.dump(2) + "\n";
}

std::string summary_table(const scenario::Scenario& s, const montecarlo::BatchResult& r) {
  const auto sums = r.summaries();
  const auto idx = index_cells(r);
  std::string out = fmt::format("{:<6}", "year");
  for (const Key& k : key_indicators()) out += fmt::format(" {:>15}", k.label);
  out += '\n';
  for (int y = static_cast<int>(s.start.year()); y <= static_cast<int>(s.end.year()); ++y) {
    out += fmt::format("{:<6}", y);
    for (const Key& k : key_indicators()) {
      const std::string when = key_when(k, y);
      auto it = idx.find(std::string(k.id) + "@" + when);
      out += it == idx.end() ? fmt::format(" {:>15}", "-")
                             : fmt::format(" {:>15.0f}", sums[it->second].mean);
    }
    out += '\n';
  }
  out += "(means over replications; flows per calendar year, stocks on 31 December)\n";
  if (r.replications() > 1)
    out +=
        fmt::format("Largest relative Monte Carlo standard error of the {} key values: {:.2f}%\n",
                    static_cast<int>(s.end.year()), 100.0 * max_relative_se(s, r));
  else
    out += "Monte Carlo standard error: n/a with one replication\n";
  return out;
}

std::vector<std::size_t> key_indicator_cells(const scenario::Scenario& s,
                                             const montecarlo::BatchResult& r) {
  const auto idx = index_cells(r);
  const int y = static_cast<int>(s.end.year());
  std::vector<std::size_t> cells;
  for (const Key& k : key_indicators()) {
    const std::string when = key_when(k, y);
    auto it = idx.find(std::string(k.id) + "@" + when);
    if (it != idx.end()) cells.push_back(it->second);
  }
  return cells;
}

double max_relative_se(const scenario::Scenario& s, const montecarlo::BatchResult& r) {
  double worst = 0;
  for (std::size_t c : key_indicator_cells(s, r)) {
    const auto sm = r.aggregator.streaming_summary(c);
    if (std::abs(sm.mean) > 0) worst = std::max(worst, sm.standard_error() / std::abs(sm.mean));
  }
  return worst;
}

}  // namespace asylumsim::output
