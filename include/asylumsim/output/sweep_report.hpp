// The report of `asylumsim sweep`: a response curve per key indicator and varied key (the last
// year's mean with its 90% band over the varied values) and, when several keys vary, a tornado
// chart of how far each key moves each indicator across its range.
#pragma once

#include <string>

#include "asylumsim/montecarlo/sweep.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

std::string sweep_report(const scenario::Scenario& s, const montecarlo::SweepResult& r);

// An SVG line chart with a numeric x axis: mean with a P5–P95 band, one marker per x.
struct XyChart {
  std::string title, x_label, y_label;
  std::vector<double> x, mean, lo, hi;
  double width = 460, height = 260;
};
std::string render_xy_chart(const XyChart& c);

}  // namespace asylumsim::output
