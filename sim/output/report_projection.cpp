#include "asylumsim/output/report_projection.hpp"

#include <fmt/format.h>

#include "asylumsim/indicators/tags.hpp"
#include "asylumsim/output/svg_plot.hpp"

namespace asylumsim::output {

std::string projection_assumptions_html(const scenario::Scenario& s) {
  if (s.projection.empty()) return "";
  std::string html =
      "<section id=\"projection\"><h2>Projection assumptions</h2>\n<p>The calibrated 2024-2025 "
      "values stay as fitted; from the dates below the scenario's projection block sets these "
      "drivers of the future (anything not listed is held at its last level).</p>\n"
      "<table><tr><th>Setting</th><th>From</th><th>Value</th><th>Source or reasoning</th></tr>\n";
  for (const auto& a : s.projection)
    html += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        plot::escape_xml(a.key), a.from, plot::escape_xml(a.value),
                        plot::escape_xml(a.source));
  return html + "</table></section>\n";
}

namespace {
const std::string& tagged_id(std::string_view tag) {
  return indicators::tagged(tag).front().indicator->id;
}
}  // namespace

CapacityShortfall capacity_shortfall(const montecarlo::BatchResult& r) {
  CapacityShortfall c;
  const auto sums = r.summaries();
  const std::string& total = tagged_id("capacity.short");
  const std::string& emergency = tagged_id("capacity.short.emergency");
  for (std::size_t i = 0; i < r.grid.size(); ++i) {
    const auto& cell = r.grid[i];
    if (!cell.when.date) continue;
    const auto& sm = sums[i];
    const std::string when = cell.when.label();
    if (cell.indicator->id == total) {
      if (sm.p50 > 0 && c.first_month_p50.empty()) c.first_month_p50 = when;
      if (sm.p95 > 0 && c.first_month_p95.empty()) c.first_month_p95 = when;
      c.max_p50 = std::max(c.max_p50, sm.p50);
      if (sm.p95 > c.max_p95) {
        c.max_p95 = sm.p95;
        c.max_p95_when = when;
      }
    } else if (cell.indicator->id == emergency) {
      c.emergency_max_p50 = std::max(c.emergency_max_p50, sm.p50);
    }
  }
  return c;
}

std::string capacity_shortfall_html(const CapacityShortfall& c) {
  std::string body;
  if (c.first_month_p95.empty()) {
    body =
        "COA occupancy stays within the places available in every month, in at least 95% of "
        "the replications.";
  } else if (c.first_month_p50.empty()) {
    body = fmt::format(
        "COA occupancy stays within the places available at the median, but exceeds them in the "
        "upper band from {} on: up to {} places short (P95, {}).",
        c.first_month_p95, plot::format_number(c.max_p95), c.max_p95_when);
  } else {
    body = fmt::format(
        "COA occupancy exceeds the places available from {} on (median; {} in the upper band). "
        "At its largest the shortfall is {} places at the median and {} in the upper band (P95, "
        "{}). Residents beyond the planned places are in emergency reception: {} beyond its "
        "planned places at the median peak. Places must be added (or the outflow raised) to "
        "avoid that.",
        c.first_month_p50, c.first_month_p95, plot::format_number(c.max_p50),
        plot::format_number(c.max_p95), c.max_p95_when, plot::format_number(c.emergency_max_p50));
  }
  return "<section id=\"capacity\"><h2>Reception capacity</h2>\n<p>" + body + " (<code>" +
         tagged_id("capacity.short") +
         "</code>: residents beyond the places, 0 when within; per location type as well.)</p>"
         "</section>\n";
}

nlohmann::ordered_json capacity_shortfall_json(const CapacityShortfall& c) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
  };
  return {{"indicator", tagged_id("capacity.short")},
          {"first_month_short_p50", or_null(c.first_month_p50)},
          {"first_month_short_p95", or_null(c.first_month_p95)},
          {"max_short_p50", c.max_p50},
          {"max_short_p95", c.max_p95},
          {"max_short_p95_when", or_null(c.max_p95_when)},
          {"emergency_beyond_planned_max_p50", c.emergency_max_p50}};
}

}  // namespace asylumsim::output
