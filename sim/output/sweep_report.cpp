#include "asylumsim/output/sweep_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include "asylumsim/output/svg_plot.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/version.hpp"

namespace asylumsim::output {

namespace {

using plot::escape_xml;
using plot::format_number;

std::string px(double v) {
  return fmt::format("{:.1f}", v);
}

// A response: the indicator against one key's values, averaged over the other keys' values where
// a grid repeats a value (the key's main effect).
struct Response {
  std::vector<double> x, mean, lo, hi;
};

Response response(const montecarlo::SweepResult& r, std::size_t key, std::size_t cell) {
  std::map<double, std::array<double, 4>> acc;  // x -> sums of mean, p05, p95 and a count
  for (const auto& p : r.points) {
    auto& a = acc[p.values[key]];
    a[0] += p.cells[cell].mean;
    a[1] += p.cells[cell].p05;
    a[2] += p.cells[cell].p95;
    a[3] += 1;
  }
  Response out;
  for (const auto& [x, a] : acc) {
    out.x.push_back(x);
    out.mean.push_back(a[0] / a[3]);
    out.lo.push_back(a[1] / a[3]);
    out.hi.push_back(a[2] / a[3]);
  }
  return out;
}

std::optional<std::size_t> find_cell(const montecarlo::SweepResult& r, const std::string& id,
                                     const std::string& when) {
  for (std::size_t c = 0; c < r.grid.size(); ++c)
    if (r.grid[c].indicator->id == id && r.grid[c].when.label() == when) return c;
  return std::nullopt;
}

std::string tornado(const montecarlo::SweepResult& r, const KeyIndicator& k, std::size_t cell) {
  double overall = 0;
  for (const auto& p : r.points) overall += p.cells[cell].mean;
  overall /= static_cast<double>(r.points.size());
  const double denom = std::abs(overall) > 0 ? std::abs(overall) : 1.0;
  std::vector<plot::IntervalRow> rows;
  for (std::size_t key = 0; key < r.ranges.size(); ++key) {
    const Response resp = response(r, key, cell);
    const double low = (resp.mean.front() - overall) / denom;
    const double high = (resp.mean.back() - overall) / denom;
    rows.push_back({fmt::format("{} ({} → {})", r.ranges[key].path, format_number(resp.x.front()),
                                format_number(resp.x.back())),
                    high, std::min(low, high), std::max(low, high), high > low});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.hi - a.lo > b.hi - b.lo; });
  plot::IntervalChart chart;
  chart.title = fmt::format("{}: swing over each key's range", k.label);
  chart.x_label = "change relative to the mean over all points (dot: at the key's upper end)";
  chart.rows = std::move(rows);
  return plot::render_interval_chart(chart);
}

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:1200px;margin:1em auto;padding:0 1em;"
    "color:#111}figure{display:inline-block;margin:0 1em 1em 0}svg text{font-size:11px;"
    "fill:#111}svg .chart-title{font-size:13px;font-weight:600}svg .grid{stroke:#ddd}"
    "table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;"
    "text-align:right}.meta{color:#444}svg{display:block;height:auto;max-width:100%}"
    "svg.xy-chart{width:460px}svg.interval-chart{width:720px}";

// The design and provenance; not the command line, so that the report is the same bytes
// whatever --threads or --out.
std::string settings(const scenario::Scenario& s, const montecarlo::SweepResult& r) {
  std::string html = fmt::format(
      "<p class=\"meta\">Scenario <code>{}</code> ({} to {}), {} points, {} replications each, "
      "seed {}, common random numbers (every point uses the same replication streams). "
      "Design: {}.</p>\n",
      escape_xml(s.file), engine::format_date(s.start), engine::format_date(s.end), r.points.size(),
      r.replications, s.seed,
      r.design == montecarlo::SweepDesign::kGrid ? "grid (every combination)" : "Latin hypercube");
  for (const auto& o : s.overrides)
    html += fmt::format("<p class=\"meta\">Changed for every point: <code>--set {}</code></p>\n",
                        escape_xml(o));
  html += "<table><tr><th>varied key</th><th>from</th><th>to</th><th>values</th></tr>\n";
  for (const auto& range : r.ranges)
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        escape_xml(range.path), format_number(range.from), format_number(range.to),
                        range.n);
  return html + "</table>\n";
}

}  // namespace

std::string render_xy_chart(const XyChart& c) {
  constexpr double kLeft = 64, kRight = 16, kTop = 28, kBottom = 44;
  std::string svg = fmt::format(
      "<svg class=\"chart xy-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"{}\"><title>{}</title><text class=\"chart-title\" x=\"8\" "
      "y=\"18\">{}</text>",
      px(c.width), px(c.height), escape_xml(c.title), escape_xml(c.title), escape_xml(c.title));
  if (c.x.empty()) return svg + "<text x=\"8\" y=\"44\">no data</text></svg>";
  const auto [xmin, xmax] = std::minmax_element(c.x.begin(), c.x.end());
  const double ylo = std::min(0.0, *std::min_element(c.lo.begin(), c.lo.end()));
  const double yhi = *std::max_element(c.hi.begin(), c.hi.end());
  const auto [x0, x1] = plot::nice_domain(*xmin, *xmax, 5);
  const auto [y0, y1] = plot::nice_domain(ylo, yhi > ylo ? yhi : ylo + 1, 5);
  const plot::LinearScale sx{x0, x1, kLeft, c.width - kRight};
  const plot::LinearScale sy{y0, y1, c.height - kBottom, kTop};
  for (double t : plot::nice_ticks(x0, x1, 5))
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><text x=\"{0}\" "
        "y=\"{3}\" text-anchor=\"middle\">{4}</text>",
        px(sx(t)), px(kTop), px(c.height - kBottom), px(c.height - kBottom + 14), format_number(t));
  for (double t : plot::nice_ticks(y0, y1, 5))
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/><text x=\"{3}\" "
        "y=\"{4}\" text-anchor=\"end\">{5}</text>",
        px(kLeft), px(c.width - kRight), px(sy(t)), px(kLeft - 4), px(sy(t) + 4), format_number(t));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                     px((kLeft + c.width - kRight) / 2), px(c.height - 8), escape_xml(c.x_label));
  svg += fmt::format("<path class=\"band\" d=\"{}\" fill=\"#c6dbef\"/>",
                     plot::band_path(c.x, c.lo, c.hi, sx, sy));
  svg += fmt::format(
      "<path class=\"median\" d=\"{}\" fill=\"none\" stroke=\"#08306b\" "
      "stroke-width=\"2\"/>",
      plot::line_path(c.x, c.mean, sx, sy));
  for (std::size_t i = 0; i < c.x.size(); ++i)
    svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#08306b\"/>", px(sx(c.x[i])),
                       px(sy(c.mean[i])));
  return svg + "</svg>";
}

std::string sweep_report(const scenario::Scenario& s, const montecarlo::SweepResult& r) {
  const int last_year = static_cast<int>(s.end.year());
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
      "name=\"generator\" content=\"asylumsim {} ({})\">\n<title>asylumsim — sweep of {}</title>\n"
      "<style>{}</style>\n</head>\n<body>\n<h1>Sweep of {}</h1>\n",
      kVersion, kGitCommit, escape_xml(s.name), kStyle, escape_xml(s.name));
  html += settings(s, r);
  html += fmt::format(
      "<section id=\"responses\"><h2>Response in {}</h2><p>Each chart shows the mean over "
      "replications (line and dots) and the band from the 5th to the 95th percentile, for the "
      "key's values; where a grid repeats a value, the average over the other keys' values.</p>\n",
      last_year);
  for (const auto& k : key_indicators()) {
    const auto cell = find_cell(r, k.id, key_when(k, last_year));
    if (!cell || r.points.empty()) continue;
    for (std::size_t key = 0; key < r.ranges.size(); ++key) {
      const Response resp = response(r, key, *cell);
      const XyChart chart{fmt::format("{} ({})", k.label, key_when(k, last_year)),
                          r.ranges[key].path,
                          "",
                          resp.x,
                          resp.mean,
                          resp.lo,
                          resp.hi};
      html += "<figure>" + render_xy_chart(chart) + "</figure>\n";
    }
  }
  html += "</section>\n";
  if (r.ranges.size() > 1 && !r.points.empty()) {
    html +=
        fmt::format("<section id=\"tornado\"><h2>Which key matters most ({})</h2>\n", last_year);
    for (const auto& k : key_indicators())
      if (const auto cell = find_cell(r, k.id, key_when(k, last_year)))
        html += "<figure>" + tornado(r, k, *cell) + "</figure>\n";
    html += "</section>\n";
  }
  return html + fmt::format(
                    "<footer><p class=\"meta\">Made by asylumsim {} (commit {}).</p></footer>\n"
                    "</body>\n</html>\n",
                    kVersion, kGitCommit);
}

}  // namespace asylumsim::output
