#include "asylumsim/output/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "asylumsim/output/compare_indicators.hpp"
#include "asylumsim/output/comparison.hpp"
#include "asylumsim/output/report_notices.hpp"
#include "asylumsim/output/report_projection.hpp"
#include "asylumsim/output/svg_plot.hpp"
#include "asylumsim/output/uncertainty_notes.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/version.hpp"
#include "report_charts.hpp"
#include "report_settings.hpp"

namespace asylumsim::output {

namespace {

using montecarlo::Cell;
using montecarlo::Summary;
using plot::escape_xml;

// ---- what the charts show -------------------------------------------------------------------

using detail::chart_specs;
using detail::ChartSpec;
using detail::SeriesSpec;

bool is_stock(const indicators::Indicator& ind) {
  using K = indicators::Indicator::Kind;
  return ind.kind == K::kStock || ind.kind == K::kStockRatio;
}

// The cells a series is drawn from: month boundaries for stocks, half-years for flows.
std::vector<Cell> series_cells(const scenario::Scenario& s, const indicators::Indicator& ind) {
  std::vector<Cell> cells;
  const engine::Calendar cal = s.calendar();
  const int months = s.months();
  if (is_stock(ind)) {
    for (int b = 0; b <= months; ++b)
      cells.push_back({&ind, {std::nullopt, cal.month_first_day(b)}});
    return cells;
  }
  for (int y = static_cast<int>(s.start.year()); y <= static_cast<int>(s.end.year()); ++y)
    for (int h = 1; h <= 2; ++h) {
      const engine::Period p{engine::Period::Kind::kHalf, y, h};
      if (cal.month_index(p.first_day()) >= 0 && cal.month_index(p.end_day()) <= months)
        cells.push_back({&ind, {p, std::nullopt}});
    }
  return cells;
}

double x_of(const indicators::When& w) {
  if (w.date) return plot::day_number(*w.date);
  return (plot::day_number(w.period->first_day()) + plot::day_number(w.period->end_day())) / 2;
}

// Looks cells up by indicator id and `when` label in a result grid.
class CellIndex {
 public:
  explicit CellIndex(const std::vector<Cell>& grid) {
    for (std::size_t c = 0; c < grid.size(); ++c)
      index_.emplace(grid[c].indicator->id + "@" + grid[c].when.label(), c);
  }
  std::optional<std::size_t> find(const std::string& id, const std::string& when) const {
    auto it = index_.find(id + "@" + when);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::size_t> index_;
};

// A result to draw from: a grid's summaries (a run, or one side of a comparison).
struct Source {
  const CellIndex* index;
  const std::vector<Summary>* sums;
};

plot::FanSeries fan_series(const scenario::Scenario& s, const Source& src, const SeriesSpec& spec,
                           std::string label, int style) {
  plot::FanSeries f{std::move(label), {}, {}, {}, {}, {}, {}, style};
  const indicators::Indicator* ind = indicators::find_indicator(spec.id);
  if (!ind) return f;
  for (const Cell& cell : series_cells(s, *ind)) {
    const auto c = src.index->find(spec.id, cell.when.label());
    if (!c) continue;
    const Summary& sm = (*src.sums)[*c];
    f.x.push_back(x_of(cell.when));
    f.p05.push_back(sm.p05);
    f.p25.push_back(sm.p25);
    f.p50.push_back(sm.p50);
    f.p75.push_back(sm.p75);
    f.p95.push_back(sm.p95);
  }
  return f;
}

plot::LineSeries line_series(const scenario::Scenario& s, const Source& src, const SeriesSpec& spec,
                             std::string label, int style) {
  const plot::FanSeries f = fan_series(s, src, spec, {}, 0);
  return {std::move(label), f.x, f.p50, style};
}

plot::Chart make_chart(const ChartSpec& spec) {
  plot::Chart chart;
  chart.title = spec.title;
  chart.y_label = spec.unit;
  if (spec.small) {
    chart.width = 460;
    chart.height = 260;
  }
  return chart;
}

std::string figure(const std::string& svg, bool small) {
  return fmt::format("<figure class=\"{}\">{}</figure>\n", small ? "small" : "wide", svg);
}

// ---- page furniture -------------------------------------------------------------------------

constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
 color:#111;background:#fff;margin:0 auto;max-width:1180px;padding:16px 24px;line-height:1.4}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #999}
.meta{color:#333}.note{background:#f3f3f3;border-left:4px solid #555;padding:8px 12px}
table{border-collapse:collapse;font-size:.9em;margin:8px 0}
th,td{border:1px solid #bbb;padding:3px 7px;text-align:right;vertical-align:top}
th{background:#eee}td.l,th.l{text-align:left}.band{color:#444;font-size:.85em}
.charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figure.wide{flex:1 1 100%}
figure.small{flex:0 1 calc(50% - 6px);min-width:380px}svg.chart{width:100%;height:auto}
svg text{font-size:11px;fill:#111}svg .chart-title{font-size:13px;font-weight:600}
svg .grid{stroke:#ddd}svg .axis-line,svg .tick-mark{stroke:#444}
.yes{font-weight:600}.no{color:#444}
@media print{body{max-width:none}figure{break-inside:avoid}}
)";

std::string page_head(const std::string& title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
      "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
      "name=\"generator\" content=\"asylumsim {} ({})\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      kVersion, kGitCommit, escape_xml(title), kStyle);
}

std::string page_foot() {
  return fmt::format(
      "<footer><p class=\"meta\">Made by asylumsim {} (commit {}). Same scenario, seed and "
      "replications give the same numbers on any machine, thread count or number of MPI "
      "ranks.</p></footer>\n</body>\n</html>\n",
      kVersion, kGitCommit);
}

constexpr const char* kHowToReadFan =
    "<p>Each chart shows the Monte Carlo distribution over replications: the dark line is the "
    "median (P50), the darker band holds the middle half of the replications (P25–P75) and the "
    "light band nine in ten (P5–P95). {} Stocks are "
    "counted on the first day of each month; flows are totals per half-year, drawn at the "
    "middle of the half-year. Dashed lines are capacities and quotas as the scenario sets them "
    "(their median over replications where the model forecasts them).</p>";

std::string how_to_read(const std::string& body) {
  return "<section id=\"how-to-read\"><h2>How to read this report</h2><div class=\"note\">" + body +
         "</div></section>\n";
}

// ---- settings digest (report_settings.cpp) ---------------------------------------------------

using detail::Digest;
using detail::digest_table;
using detail::settings_digest;

std::string scenario_header(const scenario::Scenario& s, const std::string& heading) {
  std::string out = fmt::format("<header><h1>{}</h1>\n", escape_xml(heading));
  if (!s.description.empty()) out += fmt::format("<p>{}</p>\n", escape_xml(s.description));
  out += fmt::format("<p class=\"meta\">Scenario file <code>{}</code>, {} to {}.</p>\n",
                     escape_xml(s.file), engine::format_date(s.start), engine::format_date(s.end));
  for (const auto& o : s.overrides)  // --set: the file alone does not give these results
    out += fmt::format("<p class=\"meta\">Changed for this run: <code>--set {}</code></p>\n",
                       escape_xml(o));
  if (!s.inflow.first_applications_file.empty())
    out += fmt::format("<p class=\"meta\">First applications from <code>{}</code>.</p>\n",
                       escape_xml(s.inflow.first_applications_file));
  return out + "</header>\n" + scenario_notices_html(s);
}

std::string key_table(const scenario::Scenario& s, const Source& src) {
  std::string out = "<table class=\"key-indicators\"><tr><th>year</th>";
  for (const auto& k : key_indicators()) out += fmt::format("<th>{}</th>", escape_xml(k.label));
  out += "</tr>\n";
  for (int y = static_cast<int>(s.start.year()); y <= static_cast<int>(s.end.year()); ++y) {
    out += fmt::format("<tr><td>{}</td>", y);
    for (const auto& k : key_indicators()) {
      const auto c = src.index->find(k.id, key_when(k, y));
      if (!c) {
        out += "<td>–</td>";
        continue;
      }
      const Summary& sm = (*src.sums)[*c];
      out += fmt::format("<td>{}<br><span class=\"band\">{} – {}</span></td>",
                         plot::format_number(std::round(sm.mean)),
                         plot::format_number(std::round(sm.p05)),
                         plot::format_number(std::round(sm.p95)));
    }
    out += "</tr>\n";
  }
  return out +
         "</table>\n<p class=\"meta\">Mean over replications, with the P5 – P95 band below it. "
         "Flows per calendar year; stocks on 31 December.</p>\n";
}

}  // namespace

std::vector<Cell> report_chart_grid(const scenario::Scenario& s) {
  std::vector<Cell> grid;
  std::set<std::string> seen;
  for (const auto& spec : chart_specs(s)) {
    std::vector<SeriesSpec> all = spec.fans;
    all.insert(all.end(), spec.lines.begin(), spec.lines.end());
    for (const auto& series : all) {
      const indicators::Indicator* ind = indicators::find_indicator(series.id);
      if (!ind || !seen.insert(series.id).second) continue;
      for (const Cell& c : series_cells(s, *ind)) grid.push_back(c);
    }
  }
  return grid;
}

std::string run_report(const scenario::Scenario& s, const montecarlo::BatchResult& r) {
  const CellIndex index(r.grid);
  const std::vector<Summary> sums = r.summaries();
  const Source src{&index, &sums};
  std::string html = page_head(fmt::format("asylumsim — {}", s.name));
  html += scenario_header(s, fmt::format("Scenario '{}'", s.name));
  html += fmt::format(
      "<p class=\"meta\">{} replications, seed {}; percentiles {}.</p>\n", r.replications(), s.seed,
      r.aggregator.exact() ? "exact" : "estimated by streaming P-square (docs/montecarlo.md)");
  html += partial_banner_html(r.interrupted, r.replications(), s.replications,
                              "summary.json: \"complete\": false; series.csv: complete = false");
  html += how_to_read(fmt::format(kHowToReadFan, uncertainty_sentence(s)));
  html += "<section id=\"settings\"><h2>Settings and measures</h2>\n" +
          digest_table(settings_digest(s)) + "</section>\n";
  html += projection_assumptions_html(s);
  html += capacity_shortfall_html(capacity_shortfall(r));
  html += "<section id=\"charts\"><h2>Projections</h2><div class=\"charts\">\n";
  for (const auto& spec : chart_specs(s)) {
    plot::Chart chart = make_chart(spec);
    int style = 0;
    for (const auto& f : spec.fans) chart.fans.push_back(fan_series(s, src, f, f.label, style++));
    style = 0;
    for (const auto& l : spec.lines)
      chart.lines.push_back(line_series(s, src, l, l.label, style++));
    html += figure(plot::render_chart(chart), spec.small);
  }
  html += "</div></section>\n";
  html += "<section id=\"key-indicators\"><h2>Key indicators per year</h2>\n" + key_table(s, src) +
          "</section>\n";
  return html + page_foot();
}

std::string validation_report(const scenario::Scenario& s, const std::string& targets_file,
                              const std::vector<ValidationRow>& rows, std::uint64_t replications) {
  std::string html = page_head(fmt::format("asylumsim — validation of {}", s.name));
  html += scenario_header(s, fmt::format("Validation of '{}'", s.name));
  html += fmt::format(
      "<p class=\"meta\">Against <code>{}</code>: {} documented figures, {} replications, seed "
      "{}.</p>\n",
      escape_xml(targets_file), rows.size(), replications, s.seed);
  // Fewer replications than asked only when interrupted (--until-precision only adds).
  const auto planned = static_cast<std::uint64_t>(s.replications);
  html +=
      partial_banner_html(replications < planned, replications, planned,
                          "summary.json: \"complete\": false; validation.csv: complete = false");
  html += how_to_read(
      "<p>Each row is one documented figure. The dot is the model's mean over replications "
      "relative to the figure (0 = exact), the bar the model's 90% band (P5–P95) on the same "
      "scale; the grey area is the tolerance (±10% for flows and stocks, ±15% for durations, "
      "±5 percentage points for shares). The key figures (COA occupancy and permit holders, IND "
      "decisions and grants on first applications, housing realised, the taakstelling backlog on "
      "1 January 2026, first applications, chain-wide departures) must lie within ±5%. A filled "
      "dot lies outside its figure's band. The table below gives every figure with its band and "
      "source.</p>");
  struct Group {
    const char* title;
    std::vector<std::string> kinds;
    double tolerance;
    bool relative;
  };
  const Group groups[] = {
      {"Flows and stocks: model relative to the figure", {"flow", "stock"}, 0.10, true},
      {"Durations: model relative to the figure", {"duration"}, 0.15, true},
      {"Shares: model minus the figure (percentage points)", {"share"}, 0.05, false}};
  html += "<section id=\"charts\"><h2>Documented figures against the model</h2>\n";
  std::size_t within = 0;
  std::string table =
      "<table class=\"validation\"><tr><th class=\"l\">id</th><th class=\"l\">when</th><th>"
      "figure</th><th>model mean</th><th>model P5 – P95</th><th>error</th><th>band</th><th>"
      "within</th><th class=\"l\">source</th></tr>\n";
  for (const Group& g : groups) {
    plot::IntervalChart chart;
    chart.title = g.title;
    chart.x_label = g.relative ? "(model − figure) / figure" : "model − figure";
    chart.tolerance = g.tolerance;
    for (const auto& row : rows) {
      const auto& t = *row.target;
      if (std::find(g.kinds.begin(), g.kinds.end(), t.kind) == g.kinds.end()) continue;
      const double denom = g.relative && t.value != 0 ? std::abs(t.value) : 1.0;
      const auto rel = [&](double v) { return (v - t.value) / denom; };
      const double err = montecarlo::acceptance_error(row);
      const indicators::Acceptance band = indicators::acceptance_for(t);
      const bool ok = montecarlo::within_acceptance(row);
      within += ok;
      chart.rows.push_back({fmt::format("{} · {}", t.id, t.when.label()), err, rel(row.model.p05),
                            rel(row.model.p95), !ok});
      const auto f = [&](double v) {
        return g.relative ? plot::format_number(std::round(v)) : fmt::format("{:.3f}", v);
      };
      table += fmt::format(
          "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td>{} – "
          "{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td class=\"l\">{}</td></tr>\n",
          escape_xml(t.id), t.when.label(), f(t.value), f(row.model.mean), f(row.model.p05),
          f(row.model.p95),
          g.relative ? fmt::format("{:+.1f}%", 100 * err) : fmt::format("{:+.1f} pp", 100 * err),
          fmt::format("±{:.0f}{}{}", 100 * band.tolerance, band.relative ? "%" : " pp",
                      band.key ? " (key)" : ""),
          ok ? "yes" : "no", ok ? "yes" : "no", escape_xml(t.source));
    }
    if (!chart.rows.empty()) html += figure(plot::render_interval_chart(chart), false);
  }
  html += "</section>\n";
  html += fmt::format(
      "<section id=\"table\"><h2>All figures</h2><p><strong>{} of {}</strong> figures within "
      "their acceptance band.</p>\n{}</table></section>\n",
      within, rows.size(), table);
  return html + page_foot();
}

std::string comparison_report(const scenario::Scenario& base, const scenario::Scenario& variant,
                              const montecarlo::Comparison& c) {
  const CellIndex index(c.grid);
  std::vector<Summary> base_sums, variant_sums;
  for (const auto& d : c.cells) {
    base_sums.push_back(d.base);
    variant_sums.push_back(d.variant);
  }
  const Source base_src{&index, &base_sums}, variant_src{&index, &variant_sums};
  std::string html = page_head(fmt::format("asylumsim — {} against {}", variant.name, base.name));
  html += scenario_header(base, fmt::format("'{}' against '{}'", variant.name, base.name));
  if (!variant.description.empty())
    html += fmt::format("<p>Variant: {}</p>\n", escape_xml(variant.description));
  html += scenario_notices_html(variant) + partial_banner_html(c.interrupted, c.replications,
                                                               base.replications,
                                                               "comparison.csv: complete = false");
  html += fmt::format(
      "<p class=\"meta\">Variant <code>{}</code>. {} paired replications, seed {}, {}.</p>\n",
      escape_xml(variant.file), c.replications, base.seed,
      c.common_random_numbers ? "common random numbers (replication i of both uses the same "
                                "random streams)"
                              : "independent random streams");
  html += how_to_read(
      fmt::format(kHowToReadFan, uncertainty_sentence(base)) +
      "<p>The base is drawn in blue with solid medians, the variant in orange with dashed "
      "medians. Under <em>Paired differences</em>, each dot is the mean difference variant − "
      "base relative to the base mean, with its 95% confidence interval; a filled dot means "
      "the difference is distinguishable from zero (the interval excludes 0).</p>");
  // Settings that differ between the two scenarios.
  const Digest db = settings_digest(base, false), dv = settings_digest(variant, false);
  std::map<std::string, std::string> vmap(dv.begin(), dv.end()), bmap(db.begin(), db.end());
  std::string diff_rows;
  for (const auto& [k, v] : db) {
    const std::string other = vmap.count(k) ? vmap[k] : "–";
    if (other != v)
      diff_rows += fmt::format(
          "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td "
          "class=\"l\">{}</td></tr>\n",
          escape_xml(k), escape_xml(v), escape_xml(other));
  }
  for (const auto& [k, v] : dv)
    if (!bmap.count(k))
      diff_rows += fmt::format(
          "<tr><td class=\"l\">{}</td><td class=\"l\">–</td><td class=\"l\">{}</td></tr>\n",
          escape_xml(k), escape_xml(v));
  html += "<section id=\"settings\"><h2>Settings and measures that differ</h2>\n";
  html += diff_rows.empty()
              ? std::string("<p>None of the summarised settings differ.</p>\n")
              : "<table class=\"digest\"><tr><th class=\"l\">setting</th><th class=\"l\">base</th>"
                "<th class=\"l\">variant</th></tr>\n" +
                    diff_rows + "</table>\n";
  html += "</section>\n<section id=\"charts\"><h2>Base and variant</h2><div class=\"charts\">\n";
  for (const auto& spec : chart_specs(base))
    for (const auto& f : spec.fans) {
      plot::Chart chart = make_chart(spec);
      if (spec.fans.size() > 1) chart.title += ": " + std::string(f.label);
      chart.fans.push_back(fan_series(base, base_src, f, "base", 0));
      chart.fans.push_back(fan_series(variant, variant_src, f, "variant", 1));
      for (const auto& l : spec.lines) {
        chart.lines.push_back(line_series(base, base_src, l, std::string("base: ") + l.label, 0));
        chart.lines.push_back(
            line_series(variant, variant_src, l, std::string("variant: ") + l.label, 1));
      }
      html += figure(plot::render_chart(chart), spec.small);
    }
  html +=
      "</div></section>\n<section id=\"differences\"><h2>Paired differences</h2>\n"
      "<div class=\"charts\">\n";
  std::string table =
      "<table class=\"differences\"><tr><th class=\"l\">indicator</th><th>year</th><th>base "
      "mean</th><th>variant mean</th><th>difference</th><th>95% interval</th><th>distinguishable "
      "from 0</th></tr>\n";
  for (int y = static_cast<int>(base.start.year()); y <= static_cast<int>(base.end.year()); ++y) {
    plot::IntervalChart chart;
    chart.title = fmt::format("{}: variant − base, relative to the base mean", y);
    chart.x_label = "(variant − base) / base";
    chart.width = 560;
    for (const auto& k : compare_indicators()) {  // the text table's indicators, inputs first
      const auto cell = index.find(k.id, compare_when(k, y));
      if (!cell) continue;
      const auto& d = c.cells[*cell];
      const bool share = c.grid[*cell].indicator->unit == "share";
      const auto f = [share](double v) {
        return share ? fmt::format("{:.3f}", v) : plot::format_number(std::round(v));
      };
      const double denom = std::abs(d.base.mean) > 0 ? std::abs(d.base.mean) : 1.0;
      chart.rows.push_back(
          {k.label, d.diff.mean / denom, d.ci_low / denom, d.ci_high / denom, d.distinguishable});
      table += fmt::format(
          "<tr><td class=\"l\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} – "
          "{}</td><td class=\"{}\">{}</td></tr>\n",
          escape_xml(k.label), compare_when(k, y), f(d.base.mean), f(d.variant.mean),
          f(d.diff.mean), f(d.ci_low), f(d.ci_high), d.distinguishable ? "yes" : "no",
          d.distinguishable ? "yes" : "no");
    }
    if (!chart.rows.empty()) html += figure(plot::render_interval_chart(chart), true);
  }
  html += "</div>\n" + table + "</table></section>\n";
  html += tradeoff_html(tradeoffs(c));
  return html + page_foot();
}

}  // namespace asylumsim::output
