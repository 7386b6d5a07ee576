#include "asylumsim/output/svg_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace asylumsim::output::plot {

namespace {

// Coordinates with one decimal: plenty for a screen and byte-stable.
std::string px(double v) {
  return fmt::format("{:.1f}", v);
}

struct Extent {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  void add(const std::vector<double>& vs) {
    for (double v : vs) add(v);
  }
  bool empty() const { return lo > hi; }
};

struct FanStyle {
  const char* outer;
  const char* inner;
  const char* median;
  const char* dash;
  double opacity;
};
constexpr FanStyle kFanStyles[] = {
    {"#c6dbef", "#6baed6", "#08306b", "", 1.0},
    {"#fdd0a2", "#fd8d3c", "#7f2704", "6 3", 0.65},
    {"#e0e0e0", "#a0a0a0", "#303030", "2 2", 0.8},
};
struct LineStyle {
  const char* colour;
  const char* dash;
  double width;
};
constexpr LineStyle kLineStyles[] = {
    {"#000000", "8 4", 1.6},
    {"#555555", "8 3 2 3", 1.6},
    {"#888888", "", 1.2},
};

template <class T>
const T& pick(const T (&styles)[3], int i) {
  return styles[static_cast<std::size_t>(std::clamp(i, 0, 2))];
}

void check_same_length(const std::string& label, std::size_t n,
                       std::initializer_list<const std::vector<double>*> vs) {
  for (const auto* v : vs)
    if (!v->empty() && v->size() != n)
      throw std::logic_error(fmt::format("plot series '{}': vectors differ in length", label));
}

std::string dash_attr(const char* dash) {
  return *dash ? fmt::format(" stroke-dasharray=\"{}\"", dash) : std::string();
}

// A legend entry: a small swatch and the label; returns the width used.
double legend_entry(std::string& svg, double x, double y, const std::string& swatch,
                    const std::string& label) {
  svg += fmt::format("<g class=\"legend-entry\" transform=\"translate({},{})\">{}", px(x), px(y),
                     swatch);
  svg += fmt::format("<text x=\"26\" y=\"4\">{}</text></g>", escape_xml(label));
  return 34.0 + 6.5 * static_cast<double>(label.size());
}

}  // namespace

double LinearScale::operator()(double v) const {
  if (d1 == d0) return (r0 + r1) / 2;
  return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

double nice_step(double lo, double hi, int target) {
  const double span = hi - lo;
  if (!(span > 0) || !std::isfinite(span)) return 1.0;
  const double raw = span / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  const double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  return nice * magnitude;
}

std::pair<double, double> nice_domain(double lo, double hi, int target) {
  if (lo > hi) std::swap(lo, hi);
  if (lo == hi) {
    const double pad = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
    lo -= lo == 0 ? 0 : pad;
    hi += pad;
  }
  const double step = nice_step(lo, hi, target);
  return {std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step};
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  const double step = nice_step(lo, hi, target);
  std::vector<double> ticks;
  const auto first = static_cast<long long>(std::ceil(lo / step - 1e-9));
  const auto last = static_cast<long long>(std::floor(hi / step + 1e-9));
  for (long long k = first; k <= last; ++k) {
    const double t = static_cast<double>(k) * step;
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);  // no "-0"
  }
  return ticks;
}

double day_number(engine::Date d) {
  return static_cast<double>(std::chrono::sys_days(d).time_since_epoch().count());
}

engine::Date date_of_day_number(double days) {
  return engine::Date(std::chrono::sys_days(std::chrono::days(static_cast<int>(std::floor(days)))));
}

std::vector<DateTick> date_ticks(double lo, double hi, int target) {
  using namespace std::chrono;
  using engine::Date;
  std::vector<DateTick> ticks;
  if (!(hi >= lo)) return ticks;
  const double years = (hi - lo) / 365.25;
  // Step in months between ticks: whole years where the span allows it.
  const int candidates[] = {1, 3, 6, 12, 24, 60, 120};
  int step = candidates[6];
  for (int c : candidates)
    if (years * 12.0 / c <= std::max(2, target)) {
      step = c;
      break;
    }
  const Date first = date_of_day_number(lo);
  year_month ym{first.year(), first.month()};
  if (day_number(Date{ym / 1}) < lo) ym += months(1);
  // Align to the step: years to multiples of step/12, months to multiples of step from January.
  while ((step >= 12 && (static_cast<unsigned>(ym.month()) != 1 ||
                         static_cast<int>(ym.year()) % (step / 12) != 0)) ||
         (step < 12 && (static_cast<unsigned>(ym.month()) - 1) % static_cast<unsigned>(step) != 0))
    ym += months(1);
  for (; day_number(Date{ym / 1}) <= hi; ym += months(step)) {
    const Date d{ym / 1};
    const std::string label = step >= 12 ? fmt::format("{}", static_cast<int>(ym.year()))
                                         : fmt::format("{}-{:02d}", static_cast<int>(ym.year()),
                                                       static_cast<unsigned>(ym.month()));
    ticks.push_back({day_number(d), label});
  }
  return ticks;
}

std::string format_number(double v) {
  if (!std::isfinite(v)) return "n/a";
  const double a = std::abs(v);
  if (a >= 1e6) {
    std::string s = fmt::format("{:.1f}", v / 1e6);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s + "M";
  }
  if (a >= 1000) {
    const auto n = static_cast<long long>(std::llround(a));
    std::string digits = fmt::format("{}", n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
  }
  if (v == std::round(v)) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{:.3g}", v);
}

std::string format_percent(double share) {
  const double p = share * 100.0;
  if (std::abs(p - std::round(p)) < 1e-9) return fmt::format("{:.0f}%", p);
  return fmt::format("{:.1f}%", p);
}

std::string line_path(const std::vector<double>& xs, const std::vector<double>& ys,
                      const LinearScale& sx, const LinearScale& sy) {
  std::string d;
  const std::size_t n = std::min(xs.size(), ys.size());
  for (std::size_t i = 0; i < n; ++i)
    d += fmt::format("{}{} {}", i == 0 ? "M" : " L", px(sx(xs[i])), px(sy(ys[i])));
  return d;
}

std::string band_path(const std::vector<double>& xs, const std::vector<double>& lo,
                      const std::vector<double>& hi, const LinearScale& sx, const LinearScale& sy) {
  const std::size_t n = std::min({xs.size(), lo.size(), hi.size()});
  if (n == 0) return {};
  std::string d;
  for (std::size_t i = 0; i < n; ++i)
    d += fmt::format("{}{} {}", i == 0 ? "M" : " L", px(sx(xs[i])), px(sy(lo[i])));
  for (std::size_t i = n; i-- > 0;) d += fmt::format(" L{} {}", px(sx(xs[i])), px(sy(hi[i])));
  return d + " Z";
}

std::string escape_xml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string render_chart(const Chart& c) {
  constexpr double kLeft = 72, kRight = 32, kTop = 30, kBottom = 58;
  Extent ex, ey;
  for (const auto& f : c.fans) {
    check_same_length(f.label, f.x.size(), {&f.p05, &f.p25, &f.p50, &f.p75, &f.p95});
    ex.add(f.x);
    ey.add(f.p05);
    ey.add(f.p95);
    ey.add(f.p50);
  }
  for (const auto& l : c.lines) {
    check_same_length(l.label, l.x.size(), {&l.y});
    ex.add(l.x);
    ey.add(l.y);
  }
  for (const auto& p : c.points) {
    check_same_length(p.label, p.x.size(), {&p.y, &p.lo, &p.hi});
    ex.add(p.x);
    ey.add(p.y);
    ey.add(p.lo);
    ey.add(p.hi);
  }
  std::string svg = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"{}\"><title>{}</title>",
      px(c.width), px(c.height), escape_xml(c.title), escape_xml(c.title));
  svg += fmt::format("<text class=\"chart-title\" x=\"{}\" y=\"18\">{}</text>", px(kLeft),
                     escape_xml(c.title));
  if (ex.empty() || ey.empty())
    return svg + fmt::format("<text class=\"no-data\" x=\"{}\" y=\"{}\">no data</text></svg>",
                             px(c.width / 2), px(c.height / 2));
  if (c.y_from_zero) ey.add(0.0);
  const auto [y0, y1] = nice_domain(ey.lo, ey.hi, 5);
  const double x_lo = ex.lo, x_hi = ex.hi > ex.lo ? ex.hi : ex.lo + 1;
  const LinearScale sx{x_lo, x_hi, kLeft, c.width - kRight};
  const LinearScale sy{y0, y1, c.height - kBottom, kTop};
  // Grid and y axis.
  svg += "<g class=\"axis y-axis\">";
  for (double t : nice_ticks(y0, y1, 5)) {
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
        "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        px(kLeft), px(c.width - kRight), px(sy(t)), px(sy(t)), px(kLeft - 6), px(sy(t) + 4),
        c.percent ? format_percent(t) : format_number(t));
  }
  svg += fmt::format(
      "<text class=\"unit\" transform=\"translate(14,{}) rotate(-90)\" "
      "text-anchor=\"middle\">{}</text></g>",
      px((kTop + c.height - kBottom) / 2), escape_xml(c.y_label));
  // x axis with date ticks.
  svg += fmt::format(
      "<g class=\"axis x-axis\"><line class=\"axis-line\" x1=\"{}\" x2=\"{}\" "
      "y1=\"{}\" y2=\"{}\"/>",
      px(kLeft), px(c.width - kRight), px(c.height - kBottom), px(c.height - kBottom));
  for (const auto& t : date_ticks(x_lo, x_hi, static_cast<int>(c.width / 80))) {
    svg += fmt::format(
        "<line class=\"tick-mark\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
        "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        px(sx(t.day)), px(sx(t.day)), px(c.height - kBottom), px(c.height - kBottom + 5),
        px(sx(t.day)), px(c.height - kBottom + 18), t.label);
  }
  svg += "</g>";
  // Series: bands first, then medians, reference lines and points on top.
  std::string legend;
  double lx = kLeft;
  const double ly = c.height - 14;
  for (const auto& f : c.fans) {
    const FanStyle& st = pick(kFanStyles, f.style);
    svg += fmt::format(
        "<g class=\"fan\" data-label=\"{}\"><path class=\"band-outer\" d=\"{}\" fill=\"{}\" "
        "fill-opacity=\"{}\"/><path class=\"band-inner\" d=\"{}\" fill=\"{}\" fill-opacity=\"{}\"/>"
        "<path class=\"median\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/></g>",
        escape_xml(f.label), band_path(f.x, f.p05, f.p95, sx, sy), st.outer, st.opacity,
        band_path(f.x, f.p25, f.p75, sx, sy), st.inner, st.opacity, line_path(f.x, f.p50, sx, sy),
        st.median, dash_attr(st.dash));
    lx += legend_entry(
        legend, lx, ly,
        fmt::format("<rect x=\"0\" y=\"-6\" width=\"22\" height=\"12\" fill=\"{}\"/><rect x=\"0\" "
                    "y=\"-3\" width=\"22\" height=\"6\" fill=\"{}\"/><line x1=\"0\" x2=\"22\" "
                    "y1=\"0\" y2=\"0\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                    st.outer, st.inner, st.median, dash_attr(st.dash)),
        f.label);
  }
  for (const auto& l : c.lines) {
    const LineStyle& st = pick(kLineStyles, l.style);
    svg += fmt::format(
        "<path class=\"ref-line\" data-label=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" "
        "stroke-width=\"{}\"{}/>",
        escape_xml(l.label), line_path(l.x, l.y, sx, sy), st.colour, st.width, dash_attr(st.dash));
    lx += legend_entry(legend, lx, ly,
                       fmt::format("<line x1=\"0\" x2=\"22\" y1=\"0\" y2=\"0\" stroke=\"{}\" "
                                   "stroke-width=\"{}\"{}/>",
                                   st.colour, st.width, dash_attr(st.dash)),
                       l.label);
  }
  for (const auto& p : c.points) {
    svg += fmt::format("<g class=\"points\" data-label=\"{}\">", escape_xml(p.label));
    for (std::size_t i = 0; i < p.x.size(); ++i) {
      const double x = sx(p.x[i]), y = sy(p.y[i]);
      if (!p.lo.empty())
        svg += fmt::format(
            "<line class=\"error-bar\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" "
            "stroke=\"#000\" stroke-width=\"1.2\"/>",
            px(x), px(sy(p.lo[i])), px(sy(p.hi[i])));
      svg += p.filled ? fmt::format(
                            "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"3.5\" "
                            "fill=\"#000\"/>",
                            px(x), px(y))
                      : fmt::format(
                            "<rect class=\"point\" x=\"{}\" y=\"{}\" width=\"7\" "
                            "height=\"7\" fill=\"#fff\" stroke=\"#000\"/>",
                            px(x - 3.5), px(y - 3.5));
    }
    svg += "</g>";
    lx += legend_entry(legend, lx, ly,
                       p.filled ? "<circle cx=\"11\" cy=\"0\" r=\"3.5\" fill=\"#000\"/>"
                                : "<rect x=\"7.5\" y=\"-3.5\" width=\"7\" height=\"7\" "
                                  "fill=\"#fff\" stroke=\"#000\"/>",
                       p.label);
  }
  return svg + "<g class=\"legend\">" + legend + "</g></svg>";
}

std::string render_interval_chart(const IntervalChart& c) {
  constexpr double kLabel = 300, kRight = 24, kTop = 30, kRow = 22, kBottom = 40;
  const double height = kTop + kRow * static_cast<double>(c.rows.size()) + kBottom;
  std::string svg = fmt::format(
      "<svg class=\"chart interval-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} "
      "{}\" role=\"img\" aria-label=\"{}\"><title>{}</title><text class=\"chart-title\" x=\"8\" "
      "y=\"18\">{}</text>",
      px(c.width), px(height), escape_xml(c.title), escape_xml(c.title), escape_xml(c.title));
  Extent ex;
  ex.add(0.0);
  for (const auto& r : c.rows) {
    ex.add(r.lo);
    ex.add(r.hi);
    ex.add(r.estimate);
  }
  if (c.tolerance) {
    ex.add(-*c.tolerance);
    ex.add(*c.tolerance);
  }
  if (c.rows.empty()) return svg + "<text class=\"no-data\" x=\"8\" y=\"44\">no data</text></svg>";
  const auto [x0, x1] = nice_domain(ex.lo, ex.hi, 6);
  const LinearScale sx{x0, x1, kLabel, c.width - kRight};
  const double bottom = kTop + kRow * static_cast<double>(c.rows.size());
  if (c.tolerance)
    svg += fmt::format(
        "<rect class=\"tolerance\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e6e6e6\"/>",
        px(sx(-*c.tolerance)), px(kTop), px(sx(*c.tolerance) - sx(-*c.tolerance)),
        px(bottom - kTop));
  svg += "<g class=\"axis x-axis\">";
  for (double t : nice_ticks(x0, x1, 6))
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><text class=\"tick\" "
        "x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
        px(sx(t)), px(kTop), px(bottom), px(bottom + 16),
        c.percent ? format_percent(t) : format_number(t));
  svg += fmt::format(
      "<line class=\"zero\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#000\"/>"
      "<text class=\"unit\" x=\"{3}\" y=\"{4}\" text-anchor=\"middle\">{5}</text></g>",
      px(sx(0)), px(kTop), px(bottom), px((kLabel + c.width - kRight) / 2), px(bottom + 34),
      escape_xml(c.x_label));
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const auto& r = c.rows[i];
    const double y = kTop + kRow * (static_cast<double>(i) + 0.5);
    svg += fmt::format(
        "<g class=\"interval-row\"><text class=\"row-label\" x=\"{}\" y=\"{}\" "
        "text-anchor=\"end\">{}</text><line class=\"interval\" x1=\"{}\" x2=\"{}\" y1=\"{}\" "
        "y2=\"{}\" stroke=\"#08306b\" stroke-width=\"2\"/><circle class=\"point\" cx=\"{}\" "
        "cy=\"{}\" r=\"4\" fill=\"{}\" stroke=\"#08306b\" stroke-width=\"1.5\"/></g>",
        px(kLabel - 8), px(y + 4), escape_xml(r.label), px(sx(r.lo)), px(sx(r.hi)), px(y), px(y),
        px(sx(r.estimate)), px(y), r.highlight ? "#08306b" : "#ffffff");
  }
  return svg + "</svg>";
}

}  // namespace asylumsim::output::plot
