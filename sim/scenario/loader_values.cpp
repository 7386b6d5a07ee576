// Typed values of a scenario file: numbers in a range, dates, schedules, distributions.
#include "loader.hpp"

namespace asylumsim::scenario::detail {

double Loader::number(const YamlView& v, double fallback, const schema::Range& r) {
  if (!v.defined()) return fallback;
  const double x = v.as_number(fallback);
  if (!r.contains(x)) {
    // A share typed as a percentage (30 for 30%) gets the fraction it most likely means.
    const bool percent = r.share && x > 1 && x <= 100;
    v.error(fmt::format("value {} is out of range (expected {}){}", x, r.expected,
                        percent ? fmt::format(" (did you mean {}? a share is a fraction, not a "
                                              "percentage)",
                                              x / 100)
                                : ""));
    return fallback;
  }
  return x;
}

std::optional<engine::Date> Loader::date(const YamlView& v) {
  if (!v.defined()) return std::nullopt;
  const std::string text = v.as_string();
  auto d = engine::parse_date(text);
  if (!d) v.error(engine::not_a_date_message(text));
  return d;
}

Tick Loader::dated_tick(const YamlView& v, Tick fallback) {
  auto d = date(v);
  if (!d) return fallback;
  if (*d < s_.start || *d > s_.end) {
    v.error(fmt::format("date {} is outside the scenario horizon ({} to {})",
                        engine::format_date(*d), engine::format_date(s_.start),
                        engine::format_date(s_.end)));
    return fallback;
  }
  return cal_.to_tick(*d);
}

Schedule Loader::schedule(const YamlView& v, double fallback, const schema::Range& r) {
  if (!v.defined()) return Schedule(fallback);
  if (v.is_scalar()) return Schedule(number(v, fallback, r));
  if (!v.expect_sequence()) return Schedule(fallback);
  if (v.size() == 0) {
    v.error("schedule is empty (expected a number or a list of {from, value} steps)");
    return Schedule(fallback);
  }
  return dated_steps(v, fallback, [&](const YamlView& x) { return number(x, fallback, r); });
}

Distribution Loader::single_distribution(const YamlView& v, Distribution fallback) {
  if (!v.defined()) return fallback;
  if (v.is_scalar()) return Distribution::fixed(number(v, fallback.mean, Range::kNonNegative));
  if (!v.expect_map({"dist", "mean", "cv", "value", "quantiles"})) return fallback;
  const std::string kind = v.required("dist").as_string("fixed");
  if (kind == "fixed")
    return Distribution::fixed(number(v.required("value"), 0, Range::kNonNegative));
  if (kind == "exponential")
    return Distribution::exponential(number(v.required("mean"), 1, Range::kPositive));
  if (kind == "lognormal" || kind == "gamma") {
    const double mean = number(v.required("mean"), 1, Range::kPositive);
    const double cv = number(v.required("cv"), 1, Range::kPositive);
    return kind == "gamma" ? Distribution::gamma(mean, cv) : Distribution::lognormal(mean, cv);
  }
  if (kind == "empirical") {
    const YamlView q = v.required("quantiles");
    std::vector<double> qs;
    if (q.defined() && q.expect_sequence()) {
      for (std::size_t i = 0; i < q.size(); ++i)
        qs.push_back(number(q.element(i), 0, Range::kNonNegative));
      if (qs.size() < 2) q.error("expected at least two quantiles (minimum and maximum)");
      for (std::size_t i = 1; i < qs.size(); ++i)
        if (qs[i] < qs[i - 1]) {
          q.element(i).error("quantiles must not decrease");
          break;
        }
    }
    return Distribution::empirical(qs);
  }
  v.child("dist").error(fmt::format(
      "unknown distribution '{}' (expected fixed, exponential, lognormal, gamma or empirical)",
      kind));
  return fallback;
}

DistSchedule Loader::distribution(const YamlView& v, const DistSchedule& fallback) {
  if (!v.defined()) return fallback;
  const bool dated = v.is_sequence() && v.size() > 0 && v.element(0).has("from");
  if (!dated) return DistSchedule(single_distribution(v, fallback.at(0)));
  return dated_steps(v, fallback.at(0),
                     [&](const YamlView& x) { return single_distribution(x, fallback.at(0)); });
}

}  // namespace asylumsim::scenario::detail
