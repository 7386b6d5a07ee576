#include "asylumsim/output/variance_decomposition.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "asylumsim/output/writers.hpp"

namespace asylumsim::output {

VarianceDecomposition::VarianceDecomposition(const std::vector<montecarlo::Cell>& grid) {
  for (const KeyIndicator& k : key_indicators())
    for (std::size_t c = 0; c < grid.size(); ++c) {
      if (grid[c].indicator->id != k.id) continue;
      const std::string when = grid[c].when.label();
      // One cell per year: the calendar year's flow, or the stock on 1 January after it.
      const bool yearly =
          when.size() == 4 || (k.stock && when.size() == 10 && when.substr(4) == "-01-01");
      if (yearly) tracked_.push_back({c, k.id, when});
    }
  blocks_.resize(tracked_.size());
  pending_.resize(tracked_.size());
}

void VarianceDecomposition::add(std::uint64_t rep, const std::vector<double>& row) {
  const auto slot = static_cast<std::size_t>(rep % 4);
  for (std::size_t i = 0; i < tracked_.size(); ++i) {
    pending_[i][slot] = row[tracked_[i].cell];
    if (slot == 3) blocks_[i].push_back(pending_[i]);
  }
}

std::vector<VarianceShares> VarianceDecomposition::shares() const {
  std::vector<VarianceShares> out;
  for (std::size_t i = 0; i < tracked_.size(); ++i) {
    const auto& b = blocks_[i];
    VarianceShares s{tracked_[i].id, tracked_[i].when};
    if (b.size() < 2) {
      out.push_back(s);
      continue;
    }
    const double k = static_cast<double>(b.size());
    double mean = 0;
    for (const auto& y : b) mean += (y[0] + y[1] + y[2] + y[3]) / (4 * k);
    double ss = 0, chance = 0, params = 0, inflow = 0;
    for (const auto& y : b) {
      for (double v : y) ss += (v - mean) * (v - mean);
      chance += (y[0] - y[1]) * (y[0] - y[1]) / 2;
      params += (y[0] - mean) * (y[2] - mean);
      inflow += (y[0] - mean) * (y[3] - mean);
    }
    s.variance = ss / (4 * k - 1);
    if (s.variance > 0) {
      s.chance = chance / k / s.variance;
      s.parameters = params / k / s.variance;
      s.inflow = inflow / k / s.variance;
      s.interaction = 1 - s.chance - s.parameters - s.inflow;
    }
    out.push_back(s);
  }
  return out;
}

std::string with_decomposition(const std::string& summary, const VarianceDecomposition& d) {
  auto j = nlohmann::ordered_json::parse(summary);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& s : d.shares())
    rows.push_back({{"id", s.id},
                    {"when", s.when},
                    {"variance", s.variance},
                    {"chance", s.chance},
                    {"parameters", s.parameters},
                    {"inflow", s.inflow},
                    {"interaction", s.interaction}});
  j["variance_decomposition"] = {
      {"method",
       "law of total variance over blocks of four replications (pick-freeze): shares of each "
       "key indicator's variance; docs/uncertainty.md"},
      {"blocks", d.blocks()},
      {"indicators", rows}};
  return j.dump(2) + "\n";
}

std::string decomposition_html(const VarianceDecomposition& d) {
  std::string rows;
  for (const auto& s : d.shares()) {
    if (s.variance <= 0) continue;
    const auto pct = [](double x) { return fmt::format("{:.0f}%", 100 * x); };
    rows += fmt::format(
        "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{:.0f}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td></tr>\n",
        s.id, s.when, std::sqrt(s.variance), pct(s.chance), pct(s.parameters), pct(s.inflow),
        pct(s.interaction));
  }
  return fmt::format(
      "<section id=\"variance-decomposition\"><h2>Where the uncertainty comes from</h2>\n"
      "<p class=\"meta\">Share of each key indicator's variance over replications due to chance, "
      "the calibrated parameters and the future (the inflow path and, where drawn, the drift of "
      "policy and behaviour levels; law of total variance over {} blocks of four replications; "
      "docs/uncertainty.md). Shares are estimates: with few blocks they are rough, "
      "and a small negative share is noise.</p>\n<table><tr><th class=\"l\">indicator</th>"
      "<th class=\"l\">when</th><th>sd</th><th>chance</th><th>parameters</th><th>future</th>"
      "<th>interaction</th></tr>\n{}</table></section>\n",
      d.blocks(), rows);
}

std::string insert_before_footer(const std::string& html, const std::string& section) {
  const auto at = html.rfind("<footer>");
  if (at == std::string::npos) return html + section;
  return html.substr(0, at) + section + html.substr(at);
}

}  // namespace asylumsim::output
