#include "asylumsim/output/report_notices.hpp"

#include <fmt/format.h>

#include "asylumsim/output/svg_plot.hpp"

namespace asylumsim::output {

using plot::escape_xml;

std::string scenario_notices_html(const scenario::Scenario& s) {
  std::string out = fmt::format(
      "<p class=\"meta\">Scenario hash <code>{}</code> (the resolved scenario; every "
      "result file carries it).</p>\n",
      escape_xml(s.hash));
  if (s.warnings.empty()) return out;
  out += fmt::format(
      "<section id=\"warnings\" class=\"note\"><p><strong>{} plausibility warning{} applied to "
      "this scenario</strong> (legal values that are most likely mistakes; <code>--strict</code> "
      "refuses them):</p>\n<ul>\n",
      s.warnings.size(), s.warnings.size() == 1 ? "" : "s");
  for (const auto& w : s.warnings) out += fmt::format("<li><code>{}</code></li>\n", escape_xml(w));
  return out + "</ul></section>\n";
}

std::string partial_banner_html(bool interrupted, std::uint64_t done, std::uint64_t planned,
                                const std::string& where_said) {
  if (!interrupted) return {};
  return fmt::format(
      "<p class=\"note\" id=\"partial\"><strong>Partial results:</strong> interrupted after {} of "
      "{} replications ({}).</p>\n",
      done, planned, escape_xml(where_said));
}

}  // namespace asylumsim::output
