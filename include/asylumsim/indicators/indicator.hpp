// The indicator catalogue: the figures the chain reports (the ids of targets-2024-2025.yaml and
// more), each computed from metrics the model records (model/metrics.hpp). The catalogue is the
// single place that defines what an indicator means; validation, series output and summaries all
// read it.
#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/engine/recorder.hpp"

namespace asylumsim::indicators {

// How an indicator is computed from recorded metrics.
struct Indicator {
  enum class Kind {
    kFlow,
    kStock,
    kDurationMean,
    kCounterShare,
    kStockRatio,
    kStockDelta,
    kStockDays,
    kDurationQuantile  // a quantile of durations counted in weekly bins (numerator: the bins)
  };
  std::string id;
  Kind kind = Kind::kFlow;
  std::vector<std::string> numerator;    // counters (summed) or the stock / duration name
  std::vector<std::string> denominator;  // counters (summed) for shares; stock for ratios
  std::string unit;                      // persons, weeks, share, months
  std::string description;
  double level = 0;  // kDurationQuantile: which quantile (0.5 = the median)
};

const std::vector<Indicator>& indicator_catalogue();
const Indicator* find_indicator(std::string_view id);

// The moment an indicator is evaluated at: a period for flows and durations, a date for stocks.
struct When {
  std::optional<engine::Period> period;
  std::optional<engine::Date> date;
  std::string label() const;
};

// An undefined value (a share or ratio with no denominator, a mean duration with no case) is
// missing, not 0: a quiet NaN, which the statistics skip and the outputs write as empty / null.
inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double v) {
  return std::isnan(v);
}
// A value in a CSV file: empty when missing (read as NA by pandas and R), "0" for either zero,
// otherwise the shortest text that reads back as the same double.
std::string csv_value(double v);

// Evaluates an indicator on one replication's recorder. Returns nullopt and sets `error` when the
// id is unknown, the period/date does not fit the indicator, or lies outside the simulated horizon;
// kMissing when the value is undefined in this replication.
// The `level` quantile of durations counted in weekly bins (bin w: [w, w + 1) weeks; the last bin
// is open, [n - 1, inf), and a quantile in it reads as its lower edge), linear within a bin;
// kMissing when nothing was counted.
double weekly_bin_quantile(const std::vector<double>& bins, double level);

std::optional<double> evaluate(const engine::Recorder& rec, const engine::Calendar& cal,
                               const Indicator& ind, const When& when, std::string* error);

}  // namespace asylumsim::indicators
