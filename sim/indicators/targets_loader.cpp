#include <fmt/format.h>

#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::indicators {

using scenario::Diagnostics;
using scenario::InputError;
using scenario::load_yaml_file;
using scenario::suggest;
using scenario::YamlView;

namespace {

bool kind_fits(const std::string& kind, Indicator::Kind k) {
  using K = Indicator::Kind;
  if (kind == "flow") return k == K::kFlow || k == K::kStockDelta || k == K::kStockDays;
  if (kind == "stock") return k == K::kStock;
  if (kind == "duration") return k == K::kDurationMean || k == K::kDurationQuantile;
  if (kind == "share") return k == K::kCounterShare || k == K::kStockRatio;
  return false;
}

// The model's kind of an indicator in words, and the targets-file kind that fits it.
const char* kind_name(Indicator::Kind k) {
  using K = Indicator::Kind;
  switch (k) {
    case K::kFlow:
      return "flow";
    case K::kStock:
      return "stock";
    case K::kDurationMean:
      return "mean duration";
    case K::kCounterShare:
      return "share";
    case K::kStockRatio:
      return "ratio of two stocks";
    case K::kStockDelta:
      return "change of a stock";
    case K::kStockDays:
      return "sum of stock-days";
    case K::kDurationQuantile:
      return "quantile of durations";
  }
  return "";
}
const char* expected_kind(Indicator::Kind k) {
  for (const char* kind : {"flow", "stock", "duration", "share"})
    if (kind_fits(kind, k)) return kind;
  return "";
}

}  // namespace

std::vector<Target> load_targets(const std::string& path) {
  const YAML::Node root = load_yaml_file(path);
  Diagnostics diag;
  const YamlView top(root, "", &path, &diag);
  std::vector<Target> out;
  if (!top.expect_map({"targets"})) throw InputError(diag);
  const YamlView list = top.required("targets");
  if (!list.defined() || !list.expect_sequence()) throw InputError(diag);
  std::vector<std::string> ids;
  for (const auto& ind : indicator_catalogue()) ids.push_back(ind.id);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YamlView e = list.element(i);
    if (!e.expect_map({"id", "kind", "period", "date", "value", "unit", "source"})) continue;
    Target t;
    t.line = e.node().Mark().line + 1;
    t.id = e.required("id").as_string();
    t.kind = e.required("kind").as_string();
    if (e.has("value"))
      t.value = e.child("value").as_number();
    else
      e.required("value");
    if (e.has("unit")) t.unit = e.child("unit").as_string();
    if (e.has("source")) t.source = e.child("source").as_string();
    t.indicator = find_indicator(t.id);
    if (!t.indicator && e.has("id")) {
      const std::string s = suggest(t.id, ids);
      e.child("id").error(fmt::format("the model cannot compute '{}'{}", t.id,
                                      s.empty() ? "" : fmt::format(" (did you mean '{}'?)", s)));
      continue;
    }
    if (e.has("period") == e.has("date")) {
      e.error("give exactly one of 'period' (flows, durations, shares) or 'date' (stocks)");
      continue;
    }
    if (e.has("period")) {
      const std::string p = e.child("period").as_string();
      t.when.period = engine::parse_period(p);
      if (!t.when.period)
        e.child("period").error(
            fmt::format("'{}' is not a period (2025, 2025-H1, 2025-Q3, 2025-07)", p));
    } else {
      const std::string d = e.child("date").as_string();
      t.when.date = engine::parse_date(d);
      if (!t.when.date) e.child("date").error(engine::not_a_date_message(d));
    }
    if (t.indicator && !t.kind.empty() && !kind_fits(t.kind, t.indicator->kind))
      e.child("kind").error(fmt::format(
          "kind '{}' does not fit '{}', which the model computes as a "
          "{} (expected kind: {})",
          t.kind, t.id, kind_name(t.indicator->kind), expected_kind(t.indicator->kind)));
    out.push_back(std::move(t));
  }
  if (!diag.empty()) throw InputError(diag);
  return out;
}

}  // namespace asylumsim::indicators
