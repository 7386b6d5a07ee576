#include "asylumsim/output/comparison_many.hpp"

#include <fmt/format.h>

#include "asylumsim/output/comparison.hpp"
#include "asylumsim/output/report.hpp"
#include "asylumsim/output/result_dir.hpp"
#include "asylumsim/output/svg_plot.hpp"

namespace asylumsim::output {

namespace {

// The part of a report page between <body> and </body>.
std::string body_of(const std::string& page) {
  const std::size_t b = page.find("<body>\n");
  const std::size_t e = page.rfind("<footer");
  if (b == std::string::npos || e == std::string::npos || e < b) return page;
  return page.substr(b + 7, e - b - 7);
}

std::string head_of(const std::string& page) {
  const std::size_t b = page.find("<body>\n");
  return b == std::string::npos ? std::string() : page.substr(0, b + 7);
}

std::string tail_of(const std::string& page) {
  const std::size_t e = page.rfind("<footer");
  return e == std::string::npos ? std::string() : page.substr(e);
}

// Every id="x" (and href="#x") of one variant's section made unique with a prefix.
std::string prefix_ids(std::string html, const std::string& prefix) {
  for (const char* attr : {"id=\"", "href=\"#"}) {
    const std::string a = attr;
    for (std::size_t p = html.find(a); p != std::string::npos; p = html.find(a, p + 1))
      html.insert(p + a.size(), prefix);
  }
  return html;
}

std::string replace_title(std::string head, const std::string& title) {
  const std::size_t b = head.find("<title>"), e = head.find("</title>");
  if (b == std::string::npos || e == std::string::npos) return head;
  return head.replace(b + 7, e - b - 7, plot::escape_xml(title));
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string comparison_csv(const std::vector<scenario::Scenario>& variants,
                           const std::vector<montecarlo::Comparison>& comparisons) {
  std::string out;
  for (std::size_t v = 0; v < comparisons.size() && v < variants.size(); ++v) {
    const std::string one = comparison_csv(comparisons[v]);
    std::size_t line_start = 0;
    bool header = true;
    while (line_start < one.size()) {
      const std::size_t nl = one.find('\n', line_start);
      const std::string line = one.substr(line_start, nl - line_start);
      line_start = nl == std::string::npos ? one.size() : nl + 1;
      if (header) {
        if (out.empty()) out = fmt::format("variant,{}\n", line);
        header = false;
        continue;
      }
      out += fmt::format("{},{}\n", csv_field(variants[v].name), line);
    }
  }
  return out;
}

std::string comparison_report(const scenario::Scenario& base,
                              const std::vector<scenario::Scenario>& variants,
                              const std::vector<montecarlo::Comparison>& comparisons) {
  std::string head, tail, sections, contents;
  for (std::size_t v = 0; v < comparisons.size() && v < variants.size(); ++v) {
    const std::string page = comparison_report(base, variants[v], comparisons[v]);
    if (head.empty()) {
      head = head_of(page);
      tail = tail_of(page);
    }
    const std::string id = fmt::format("variant-{}", v + 1);
    contents +=
        fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, plot::escape_xml(variants[v].name));
    sections += fmt::format("<article id=\"{}\" class=\"variant\">\n{}</article>\n", id,
                            prefix_ids(body_of(page), id + "-"));
  }
  std::string title =
      fmt::format("asylumsim — {} variants against {}", comparisons.size(), base.name);
  return replace_title(head, title) + fmt::format("<h1>{}</h1>\n", plot::escape_xml(title)) +
         "<nav><p>Each variant is paired with the base on the same replication streams (common "
         "random numbers). Variants:</p><ol>\n" +
         contents + "</ol></nav>\n" + sections + tail;
}

std::string identified_comparison_csv(const scenario::Scenario& base,
                                      const std::vector<scenario::Scenario>& variants,
                                      const std::vector<montecarlo::Comparison>& comparisons,
                                      bool complete) {
  std::string csv;
  for (std::size_t i = 0; i < comparisons.size() && i < variants.size(); ++i) {
    // `variant` stays the first column; the pair's identity follows it.
    std::string part = with_columns(comparison_csv({variants[i]}, {comparisons[i]}),
                                    comparison_columns(base, variants[i], complete), 1);
    if (i > 0) part.erase(0, part.find('\n') + 1);  // one header
    csv += part;
  }
  return csv;
}

}  // namespace asylumsim::output
