// Costs and trade-offs of a comparison, per year and over the horizon. A cost per extra exit is a
// ratio of two noisy differences: it means something only when both are distinguishable from zero
// and point the same way. Otherwise the table says why there is none, instead of printing
// "19,904 EUR per extra exit" for a measure that saves money and moves fewer people out.
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

#include "asylumsim/indicators/tags.hpp"
#include "asylumsim/output/comparison.hpp"
#include "asylumsim/output/svg_plot.hpp"

namespace asylumsim::output {

namespace {

// The indicators of the trade-offs, each named by its role tag (indicators/tags.hpp).
struct Roles {
  const std::string& cost;
  const std::string& exits;
  const std::string& bed_days;
  const std::string& emergency;
  const std::string& within_14w;
};
const std::string& id_tagged(const char* tag) {
  return indicators::tagged(tag).front().indicator->id;
}
const Roles& roles() {
  static const Roles r{id_tagged("tradeoff.cost"), id_tagged("tradeoff.exits"),
                       id_tagged("tradeoff.bed_days"), id_tagged("tradeoff.emergency_bed_days"),
                       id_tagged("tradeoff.exits_within_norm")};
  return r;
}

// Fills the cost per extra exit, or the reason there is none.
void per_exit(TradeoffRow& row) {
  const auto& cost = row.cost;
  const auto& exits = row.exits;
  row.cost_per_extra_exit = std::numeric_limits<double>::quiet_NaN();
  if (!exits.distinguishable) {
    row.per_exit_note = "exits: no difference distinguishable from 0";
  } else if (!cost.distinguishable) {
    row.per_exit_note = "cost: no difference distinguishable from 0";
  } else if (cost.diff.mean < 0 && exits.diff.mean > 0) {
    row.per_exit_note = "cheaper and more exits: no trade-off";
  } else if (cost.diff.mean > 0 && exits.diff.mean < 0) {
    row.per_exit_note = "dearer and fewer exits";
  } else {
    row.cost_per_extra_exit = cost.diff.mean / exits.diff.mean;
    if (cost.diff.mean < 0) row.per_exit_note = "saving per exit fewer";
  }
}

// The difference a row shows as "saved": base - variant.
montecarlo::Difference saved(montecarlo::Difference d) {
  d.diff.mean = -d.diff.mean;
  std::swap(d.ci_low, d.ci_high);
  d.ci_low = -d.ci_low;
  d.ci_high = -d.ci_high;
  return d;
}

std::string interval(const montecarlo::Difference& d) {
  return fmt::format("[{}, {}]", plot::format_number(std::round(d.ci_low)),
                     plot::format_number(std::round(d.ci_high)));
}

std::string per_exit_text(const TradeoffRow& r) {
  if (std::isnan(r.cost_per_extra_exit)) return "—";
  return plot::format_number(std::round(r.cost_per_extra_exit));
}

}  // namespace

const std::vector<std::string>& tradeoff_total_ids() {
  static const std::vector<std::string> ids = {roles().cost, roles().exits, roles().bed_days,
                                               roles().emergency};
  return ids;
}

std::vector<TradeoffRow> tradeoffs(const montecarlo::Comparison& c) {
  std::map<int, TradeoffRow> by_year;
  for (std::size_t i = 0; i < c.grid.size() && i < c.cells.size(); ++i) {
    const auto& when = c.grid[i].when;
    if (!when.period || when.period->kind != engine::Period::Kind::kYear) continue;
    const std::string& id = c.grid[i].indicator->id;
    const montecarlo::Difference& d = c.cells[i];
    TradeoffRow& row = by_year[when.period->year];
    row.year = when.period->year;
    if (id == roles().cost) row.cost = d;
    if (id == roles().exits) row.exits = d;
    if (id == roles().bed_days) row.bed_days = saved(d);
    if (id == roles().emergency) row.emergency_days = saved(d);
    if (id == roles().within_14w) row.within_14w_change = d.diff.mean;
  }
  std::vector<TradeoffRow> rows;
  for (auto& [year, row] : by_year) {
    per_exit(row);
    rows.push_back(row);
  }
  if (c.totals.size() != tradeoff_total_ids().size()) return rows;
  TradeoffRow total;
  for (const auto& [id, d] : c.totals) {
    if (id == roles().cost) total.cost = d;
    if (id == roles().exits) total.exits = d;
    if (id == roles().bed_days) total.bed_days = saved(d);
    if (id == roles().emergency) total.emergency_days = saved(d);
  }
  total.within_14w_change = std::numeric_limits<double>::quiet_NaN();
  per_exit(total);
  rows.push_back(total);
  return rows;
}

std::string tradeoff_table(const std::vector<TradeoffRow>& rows) {
  std::string out = fmt::format("{:<6} {:>16} {:>12} {:>14} {:>16} {:>16} {:>8}  {}\n", "year",
                                "extra cost EUR", "extra exits", "EUR per exit", "bed-days saved",
                                "emergency saved", "14w pts", "note");
  std::string totals;
  for (const auto& r : rows) {
    if (r.year == 0) {
      totals = fmt::format(
          "Total over the horizon (mean, 95% interval):\n"
          "  extra cost EUR              {:>16} {}\n  extra exits                 {:>16} {}\n"
          "  EUR per extra exit          {:>16} {}\n  COA bed-days saved          {:>16} {}\n"
          "  emergency-place days saved  {:>16} {}\n",
          plot::format_number(std::round(r.cost.diff.mean)), interval(r.cost),
          plot::format_number(std::round(r.exits.diff.mean)), interval(r.exits), per_exit_text(r),
          r.per_exit_note, plot::format_number(std::round(r.bed_days.diff.mean)),
          interval(r.bed_days), plot::format_number(std::round(r.emergency_days.diff.mean)),
          interval(r.emergency_days));
      continue;
    }
    out += fmt::format("{:<6} {:>16} {:>12} {:>14} {:>16} {:>16} {:>+8.1f}  {}\n", r.year,
                       plot::format_number(std::round(r.cost.diff.mean)),
                       plot::format_number(std::round(r.exits.diff.mean)), per_exit_text(r),
                       plot::format_number(std::round(r.bed_days.diff.mean)),
                       plot::format_number(std::round(r.emergency_days.diff.mean)),
                       100 * r.within_14w_change, r.per_exit_note);
  }
  return out +
         "(mean paired differences, variant - base; exits = permit holders leaving COA; EUR per "
         "exit only where both differences are distinguishable from 0 and of the same sign)\n" +
         totals;
}

std::string tradeoff_html(const std::vector<TradeoffRow>& rows) {
  std::string html =
      "<section id=\"tradeoffs\"><h2>Costs and trade-offs</h2>\n<table class=\"tradeoffs\">"
      "<tr><th>year</th><th>extra cost (EUR)</th><th>extra permit holders out of COA</th>"
      "<th>EUR per extra exit</th><th>COA bed-days saved</th><th>emergency-place days "
      "saved</th><th>housed within 14 weeks (points)</th></tr>\n";
  for (const auto& t : rows) {
    const bool total = t.year == 0;
    const auto cell = [&](const montecarlo::Difference& d) {
      const std::string mean = plot::format_number(std::round(d.diff.mean));
      return total ? fmt::format("{}<br><span class=\"band\">{}</span>", mean, interval(d)) : mean;
    };
    const std::string per_exit =
        per_exit_text(t) + (t.per_exit_note.empty()
                                ? std::string()
                                : fmt::format("<br><span class=\"band\">{}</span>",
                                              plot::escape_xml(t.per_exit_note)));
    html += fmt::format(
        "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "</tr>\n",
        total ? " class=\"total\"" : "", total ? "total" : std::to_string(t.year), cell(t.cost),
        cell(t.exits), per_exit, cell(t.bed_days), cell(t.emergency_days),
        total ? std::string("–") : fmt::format("{:+.1f}", 100 * t.within_14w_change));
  }
  return html +
         "</table>\n<p class=\"meta\">Mean paired differences per calendar year (variant − "
         "base); the total row sums each replication's years, with its 95% interval below the "
         "mean. The cost per extra exit is shown only where the extra cost and the extra exits "
         "are both distinguishable from 0 and of the same sign; otherwise the cell says why. "
         "Costs: COA place-days at the scenario's rates, HAR+ and doorstroomlocatie contributions "
         "and the running costs measures declare (docs/measures.md); a measure whose cost is not "
         "set counts as free (see the warnings at the top).</p></section>\n";
}

}  // namespace asylumsim::output
