// Reads the scenario's `uncertainty:` block (docs/uncertainty.md).
#include <fmt/format.h>

#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/uncertainty.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

namespace {

double bounded(const YamlView& v, double lo, double hi, const char* expected) {
  const double x = v.as_number(lo);
  if (!(x >= lo && x <= hi))
    v.error(fmt::format("value {} is out of range (expected {})", x, expected));
  return x;
}

void read_inflow(const YamlView& v, const Scenario& s, InflowUncertainty& u) {
  if (!v.expect_map(
          {"enabled", "from", "scale", "sigma", "autocorrelation", "mix_sigma", "centre"}))
    return;
  u.enabled = v.has("enabled") ? v.child("enabled").as_bool(true) : true;
  const YamlView from = v.required("from");
  if (from.defined()) {
    const std::string text = from.as_string();
    if (const auto d = engine::parse_date(text)) {
      u.from = *d;
      if (*d < s.start || *d > s.end || d->day() != std::chrono::day{1})
        from.error(fmt::format("date {} must be the first of a month inside the horizon ({} to {})",
                               text, engine::format_date(s.start), engine::format_date(s.end)));
    } else {
      from.error(engine::not_a_date_message(text));
    }
  }
  if (v.has("scale")) u.scale = bounded(v.child("scale"), 0, 10, "a factor in [0, 10]; 0: off");
  u.sigma = bounded(v.required("sigma"), 0, 3, "a standard deviation of log changes in [0, 3]");
  if (v.has("autocorrelation"))
    u.autocorrelation =
        bounded(v.child("autocorrelation"), -0.95, 0.95, "a value in [-0.95, 0.95]");
  if (v.has("centre")) {
    const std::string c = v.child("centre").as_string();
    if (c == "mean")
      u.centre = InflowUncertainty::Centre::kMean;
    else if (c != "median")
      v.child("centre").error(fmt::format("unknown centre '{}' (expected median or mean)", c));
  }
  if (v.has("mix_sigma"))
    u.mix_sigma = bounded(v.child("mix_sigma"), 0, 3, "a standard deviation in [0, 3]");
}

}  // namespace

void read_uncertainty(const YamlView& v, const Scenario& s, InflowUncertainty& out) {
  if (!v.defined()) return;
  if (!v.expect_map({"inflow"})) return;
  if (v.has("inflow")) read_inflow(v.child("inflow"), s, out);
}

}  // namespace asylumsim::scenario
