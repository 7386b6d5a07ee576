// A small SVG plotting module for the HTML report: linear and date scales with "nice" ticks, path
// builders, fan charts (P5–P95 and P25–P75 bands around a median) with reference lines and
// points with error bars, and interval charts (an estimate with an interval per row). Output is a
// self-contained <svg> element: no scripts, no external fonts, deterministic bytes.
//
// Colours come from ramps of clearly different lightness, and every series also differs by dash
// pattern or marker, so a chart stays readable when printed in greyscale.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "asylumsim/engine/calendar.hpp"

namespace asylumsim::output::plot {

// Maps [d0, d1] onto [r0, r1] (r1 < r0 for a y axis that grows upwards).
struct LinearScale {
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
  double operator()(double v) const;
};

// Heckbert's "nice numbers": a round step (1, 2 or 5 times a power of ten) giving about `target`
// ticks over [lo, hi]. Returns the ticks inside [nice_floor, nice_ceil] of the range.
double nice_step(double lo, double hi, int target);
std::vector<double> nice_ticks(double lo, double hi, int target);
// The range [lo, hi] widened outwards to whole steps (the axis limits of a chart).
std::pair<double, double> nice_domain(double lo, double hi, int target);

// Days since 1970-01-01, the x coordinate of dates in charts.
double day_number(engine::Date d);
engine::Date date_of_day_number(double days);

// Date ticks on [lo, hi] (day numbers): 1 January of each year, or of every other year for long
// ranges, or the first of every quarter/month for short ones. `label` gets "2026", "2026-07".
struct DateTick {
  double day = 0;
  std::string label;
};
std::vector<DateTick> date_ticks(double lo, double hi, int target);

// Axis labels: 64000 -> "64,000", 1.5e6 -> "1.5M", 0.25 -> "0.25"; percent: 0.05 -> "5%".
std::string format_number(double v);
std::string format_percent(double share);

// SVG path data: "M x y L x y ..." through the points, skipping none.
std::string line_path(const std::vector<double>& xs, const std::vector<double>& ys,
                      const LinearScale& sx, const LinearScale& sy);
// A closed band between lo and hi (out along lo, back along hi).
std::string band_path(const std::vector<double>& xs, const std::vector<double>& lo,
                      const std::vector<double>& hi, const LinearScale& sx, const LinearScale& sy);

// Escapes &, <, >, " and ' for text and attribute values.
std::string escape_xml(const std::string& text);

// One uncertain series: quantiles over replications at each x.
struct FanSeries {
  std::string label;
  std::vector<double> x;  // day numbers
  std::vector<double> p05, p25, p50, p75, p95;
  int style = 0;  // 0: blue ramp, solid median; 1: orange ramp, dashed median; 2: grey, dotted
};
// A reference line (e.g. capacity, taakstelling), drawn dashed in black or dark grey.
struct LineSeries {
  std::string label;
  std::vector<double> x, y;
  int style = 0;  // 0: black dashed, 1: dark grey dash-dot, 2: grey solid thin
};
// Points with an error bar (e.g. documented figures, or the model's mean and 90% band).
struct PointSeries {
  std::string label;
  std::vector<double> x, y, lo, hi;  // lo/hi may be empty: no bars
  bool filled = true;                // filled circle or open square
};

struct Chart {
  std::string title;
  std::string y_label;  // unit, e.g. "persons"
  double width = 960, height = 320;
  bool y_from_zero = true;
  bool percent = false;  // y values are shares, shown as percentages
  std::vector<FanSeries> fans;
  std::vector<LineSeries> lines;
  std::vector<PointSeries> points;
};

// The <svg> element for a chart with a date x axis. Throws std::invalid_argument when a series'
// vectors differ in length; an empty chart renders a "no data" note.
std::string render_chart(const Chart& c);

// Rows of estimates with intervals on a common numeric axis (relative errors, differences).
struct IntervalRow {
  std::string label;
  double estimate = 0, lo = 0, hi = 0;
  bool highlight = false;  // drawn filled (e.g. distinguishable from zero / outside tolerance)
};
struct IntervalChart {
  std::string title;
  std::string x_label;
  double width = 720;
  bool percent = true;              // x values are shares, shown as percentages
  std::optional<double> tolerance;  // shaded band [-tolerance, +tolerance]
  std::vector<IntervalRow> rows;
};
std::string render_interval_chart(const IntervalChart& c);

}  // namespace asylumsim::output::plot
