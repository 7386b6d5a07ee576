#include "asylumsim/scenario/plausibility.hpp"

#include <fmt/format.h>

#include <cmath>

#include "asylumsim/engine/calendar.hpp"

namespace asylumsim::scenario {

namespace {

// Amounts in euros below this are most likely typed in thousands (HAR+ pays 30,000).
constexpr double kEuroFloor = 1000.0;
// A decision term or waiting period under four weeks is most likely typed in months.
constexpr double kDaysFloor = 28.0;

using Path = std::vector<std::string>;

// Places warnings at the file of the chain that gives the value (the first, from the top, that
// has it); a key left out is placed at its nearest enclosing block.
class Warner {
 public:
  Warner(const std::vector<SourceFile>& chain, Diagnostics& out) : chain_(chain), out_(out) {}

  void warn(const Path& path, const std::string& message) const {
    out_.add(locate(chain_, path, message, true));
  }
  // The raw text of a value (a date as typed, before the loader clamps it).
  std::string text(const Path& path) const { return value_text(chain_, path); }

 private:
  const std::vector<SourceFile>& chain_;
  Diagnostics& out_;
};

std::string num(double v) {
  return MeasureWarner::number_text(v);
}
// A number as it would be typed in the scenario file ("1.3", "30000").
std::string typed(double v) {
  return fmt::format("{}", v);
}

// A factor typed as a percentage: 30 -> 1.3, 0.3 -> 1.3 (or 0.7 for a cut).
std::string factor_suggestion(const std::string& key, double f) {
  if (f > 1 && f <= 100) return fmt::format(" (did you mean {}: {}?)", key, num(1 + f / 100));
  if (f > 0 && f < 1)
    return fmt::format(" (did you mean {}: {} for {}% more, or {} for {}% less?)", key, num(1 + f),
                       num(100 * f), num(1 - f), num(100 * f));
  return fmt::format(" (a factor multiplies: {}: 1.3 means 30% more)", key);
}

void check_dates(const Warner& w, const Scenario& s, const Measure& m) {
  const Path from{"measures", m.name, "from"};
  const auto d = engine::parse_date(w.text(from));
  if (!d) return;
  if (*d < s.start)
    w.warn(from, fmt::format("the measure starts {}, before the scenario start {}: it is applied "
                             "from {} on and changes the simulated (calibrated) history "
                             "(did you mean from: a date on or after {}?)",
                             engine::format_date(*d), engine::format_date(s.start),
                             engine::format_date(s.start), engine::format_date(s.start)));
  // A start after the end is an error of the loader already.
}

// A single value the projection block extends holds only until the projection starts: most likely
// a what-if (--set, a variant) meant for the whole horizon.
void check_projection(const Warner& w, const Scenario& s) {
  for (const auto& a : s.projection) {
    if (a.replaced.empty()) continue;
    Path path;
    for (std::size_t pos = 0; pos <= a.key.size();) {
      const std::size_t dot = std::min(a.key.find('.', pos), a.key.size());
      path.push_back(a.key.substr(pos, dot - pos));
      pos = dot + 1;
    }
    w.warn(path, fmt::format("{} holds only until {}: the projection block sets {} from then (to "
                             "change the projection, set projection.{}.value)",
                             a.replaced, a.from, a.value, a.key));
  }
}

// The large-dwelling factor scales the sizes a line asks for: with fixed shares it does nothing.
void check_dwellings(const Warner& w, const Scenario& s) {
  if (s.housing.large_dwelling_factor == 1.0 || s.housing.dwellings_follow_line) return;
  w.warn({"housing", "large_dwelling_factor"},
         "has no effect without `dwellings: line` (fixed shares give the large dwellings "
         "themselves)");
}

}  // namespace

std::string MeasureWarner::number_text(double v) {
  if (std::abs(v) >= 1e15 || v != std::round(v)) return fmt::format("{:.4g}", v);
  const std::string digits = fmt::format("{}", static_cast<long long>(std::abs(v)));
  std::string out = v < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

double MeasureWarner::before(const Schedule& capacity, Tick from, double own_change) {
  return from > 0 ? capacity.at(from - 1) : capacity.at(from) - own_change;
}

std::vector<std::string> MeasureWarner::path(const std::string& key) const {
  return {"measures", m_.name, key};
}

void MeasureWarner::warn(const std::string& key, const std::string& message) const {
  out_.add(locate(chain_, path(key), message, true));
}

void MeasureWarner::factor(const std::string& key, double f, double low, double high,
                           const std::string& what) const {
  if (f >= low && f <= high) return;
  const std::string reason =
      f > high
          ? fmt::format("multiplies {} by {}, beyond the plausible x{}", what, num(f), num(high))
          : fmt::format("multiplies {} by {}, below the plausible x{}", what, num(f), num(low));
  warn(key, reason + factor_suggestion(key, f));
}

void MeasureWarner::cost_given(const std::string& key, const std::string& what) const {
  if (!value_text(chain_, path(key)).empty()) return;
  warn(key, fmt::format("{} is not given and defaults to 0: costs and trade-offs count this "
                        "measure as free (set {}, or {}: 0 to say it is free)",
                        what, key, key));
}

void MeasureWarner::euros(const std::string& key, double v) const {
  if (v <= 0 || v >= kEuroFloor) return;
  warn(key, fmt::format("{} EUR is implausibly small for this amount (did you mean {}: {}? amounts "
                        "are in euros, not thousands)",
                        num(v), key, typed(v * 1000)));
}

void MeasureWarner::days(const std::string& key, double value) const {
  if (value <= 0 || value >= kDaysFloor) return;
  warn(key, fmt::format("{} days is shorter than four weeks (did you mean {}: {}, that is {} "
                        "months? the value is in days)",
                        num(value), key, std::lround(value * 365.25 / 12), num(value)));
}

Diagnostics plausibility_warnings(const Scenario& s, const std::vector<SourceFile>& chain) {
  Diagnostics out;
  if (chain.empty()) return out;
  const Warner w(chain, out);
  for (const auto& m : s.measures) {
    check_dates(w, s, m);
    m.params->warn(MeasureWarner(chain, out, s, m));
  }
  for (const auto& m : s.measures) m.params->warn_together(MeasureWarner(chain, out, s, m));
  check_projection(w, s);
  check_dwellings(w, s);
  return out;
}

Diagnostics plausibility_warnings(const std::string& path, const Scenario& s) {
  return plausibility_warnings(s, extends_chain(path));
}

}  // namespace asylumsim::scenario
