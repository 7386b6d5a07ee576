// The keys of kind 'custom' of the scenario's `uncertainty:` block (docs/uncertainty.md); the
// blocks' tables are in schema_uncertainty.cpp.
#include "loader.hpp"

namespace asylumsim::scenario::detail {

void Loader::read_uncertainty(const YamlView& v) {
  if (!v.defined() || !v.expect_map({"inflow", "levels"})) return;
  // A block present is on unless it says `enabled: false`.
  if (v.has("inflow")) {
    s_.inflow_uncertainty.enabled = true;
    read_fields(v.child("inflow"), s_.inflow_uncertainty, schema::inflow_uncertainty_fields());
    const auto& u = s_.inflow_uncertainty;
    if (u.reversion < 1 && u.autocorrelation != 0)
      v.child("inflow").error_at_key(
          "autocorrelation",
          "autocorrelation of the yearly changes belongs to a random walk: with reversion < 1 "
          "(the level is pulled back) leave it out or set it to 0");
  }
  if (v.has("levels")) {
    s_.level_uncertainty.enabled = true;
    read_fields(v.child("levels"), s_.level_uncertainty, schema::level_uncertainty_fields());
  }
}

void Loader::read_uncertainty_from(const YamlView& from, InflowUncertainty& u) {
  read_future_start(from, u.from);
}

void Loader::read_levels_from(const YamlView& from, LevelUncertainty& u) {
  read_future_start(from, u.from);
}

void Loader::read_future_start(const YamlView& from, engine::Date& out) {
  if (!from.defined()) return;
  const std::string text = from.as_string();
  if (const auto d = engine::parse_date(text)) {
    out = *d;
    if (*d < s_.start || *d > s_.end || d->day() != std::chrono::day{1})
      from.error(fmt::format("date {} must be the first of a month inside the horizon ({} to {})",
                             text, engine::format_date(s_.start), engine::format_date(s_.end)));
  } else {
    from.error(engine::not_a_date_message(text));
  }
}

void Loader::read_uncertainty_centre(const YamlView& v, InflowUncertainty& u) {
  read_centre(v, u.centre);
}

void Loader::read_levels_centre(const YamlView& v, LevelUncertainty& u) {
  read_centre(v, u.centre);
}

void Loader::read_centre(const YamlView& v, InflowUncertainty::Centre& centre) {
  if (!v.node().IsDefined()) return;
  const std::string c = v.as_string();
  if (c == "mean")
    centre = InflowUncertainty::Centre::kMean;
  else if (c != "median")
    v.error(fmt::format("unknown centre '{}' (expected median or mean)", c));
}

}  // namespace asylumsim::scenario::detail
