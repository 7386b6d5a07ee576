#include <fmt/format.h>

#include "asylumsim/indicators/indicator.hpp"

namespace asylumsim::indicators {

std::string csv_value(double v) {
  if (is_missing(v)) return {};
  if (v == 0.0) return "0";
  return fmt::format("{}", v);
}

std::string When::label() const {
  if (period) return period->label();
  if (date) return engine::format_date(*date);
  return {};
}

namespace {

double sum_counters(const engine::Recorder& rec, const std::vector<std::string>& names, int mb,
                    int me, std::string* error) {
  double s = 0;
  for (const auto& n : names) {
    auto id = rec.find(engine::Recorder::Kind::kCounter, n);
    if (!id) {
      *error = fmt::format("metric '{}' is not recorded by the model", n);
      return 0;
    }
    s += rec.counter_sum(*id, mb, me);
  }
  return s;
}

}  // namespace

double weekly_bin_quantile(const std::vector<double>& bins, double level) {
  double total = 0;
  for (double b : bins) total += b;
  if (total <= 0) return kMissing;
  const double target = level * total;
  double below = 0;
  for (std::size_t w = 0; w + 1 < bins.size(); ++w) {
    if (below + bins[w] >= target && bins[w] > 0)
      return static_cast<double>(w) + (target - below) / bins[w];  // linear within the week
    below += bins[w];
  }
  return static_cast<double>(bins.size() - 1);  // in the open last bin: its lower edge
}

std::optional<double> evaluate(const engine::Recorder& rec, const engine::Calendar& cal,
                               const Indicator& ind, const When& when, std::string* error) {
  using K = Indicator::Kind;
  std::string local;
  if (!error) error = &local;
  const bool needs_date = ind.kind == K::kStock || ind.kind == K::kStockRatio;
  if (needs_date) {
    if (!when.date) {
      *error = fmt::format("'{}' is a stock: it needs a date, not a period", ind.id);
      return std::nullopt;
    }
    // A stock on date D is its value at the end of D when D is a month's last day, or at the
    // start of D when D is a month's first day (the recorder snapshots month boundaries).
    const engine::Date d = *when.date;
    int boundary;
    if (static_cast<unsigned>(d.day()) == 1) {
      boundary = cal.month_index(d);
    } else {
      const engine::Date next{std::chrono::sys_days{d} + std::chrono::days{1}};
      if (static_cast<unsigned>(next.day()) != 1) {
        *error = fmt::format(
            "stocks are recorded at month boundaries: use the first or last day of a "
            "month, not {}",
            engine::format_date(d));
        return std::nullopt;
      }
      boundary = cal.month_index(next);
    }
    if (boundary < 0 || boundary > rec.months()) {
      *error = fmt::format("date {} is outside the simulated horizon", engine::format_date(d));
      return std::nullopt;
    }
    auto stock_id = [&](const std::string& n) {
      return rec.find(engine::Recorder::Kind::kStock, n);
    };
    auto num = stock_id(ind.numerator.front());
    if (!num) {
      *error = fmt::format("stock '{}' is not recorded by the model", ind.numerator.front());
      return std::nullopt;
    }
    const double v = rec.stock_at(*num, boundary);
    if (ind.kind == K::kStock) return v;
    auto den = stock_id(ind.denominator.front());
    if (!den) {
      *error = fmt::format("stock '{}' is not recorded by the model", ind.denominator.front());
      return std::nullopt;
    }
    const double dv = rec.stock_at(*den, boundary);
    return dv > 0 ? v / dv : kMissing;
  }
  if (!when.period) {
    *error = fmt::format("'{}' is a flow or duration: it needs a period, not a date", ind.id);
    return std::nullopt;
  }
  const int mb = cal.month_index(when.period->first_day());
  const int me = cal.month_index(when.period->end_day());
  if (mb < 0 || me > rec.months()) {
    *error = fmt::format("period {} is outside the simulated horizon", when.period->label());
    return std::nullopt;
  }
  switch (ind.kind) {
    case K::kFlow: {
      const double v = sum_counters(rec, ind.numerator, mb, me, error);
      if (!error->empty()) return std::nullopt;
      return v;
    }
    case K::kCounterShare: {
      const double n = sum_counters(rec, ind.numerator, mb, me, error);
      const double d = sum_counters(rec, ind.denominator, mb, me, error);
      if (!error->empty()) return std::nullopt;
      return d > 0 ? n / d : kMissing;
    }
    case K::kDurationMean: {
      auto id = rec.find(engine::Recorder::Kind::kDuration, ind.numerator.front());
      if (!id) {
        *error = fmt::format("duration '{}' is not recorded by the model", ind.numerator.front());
        return std::nullopt;
      }
      return rec.duration_count(*id, mb, me) > 0 ? rec.duration_mean(*id, mb, me) : kMissing;
    }
    case K::kStockDays: {
      auto id = rec.find(engine::Recorder::Kind::kStock, ind.numerator.front());
      if (!id) {
        *error = fmt::format("stock '{}' is not recorded by the model", ind.numerator.front());
        return std::nullopt;
      }
      double ticks = 0;
      for (int m = mb; m < me; ++m) ticks += static_cast<double>(rec.month_ticks(m));
      return rec.stock_time_average(*id, mb, me) * ticks /
             static_cast<double>(engine::kTicksPerDay);
    }
    case K::kStockDelta: {
      auto id = rec.find(engine::Recorder::Kind::kStock, ind.numerator.front());
      if (!id) {
        *error = fmt::format("stock '{}' is not recorded by the model", ind.numerator.front());
        return std::nullopt;
      }
      return rec.stock_at(*id, me) - rec.stock_at(*id, mb);
    }
    case K::kDurationQuantile: {
      std::vector<double> bins;
      for (const auto& name : ind.numerator)
        bins.push_back(sum_counters(rec, {name}, mb, me, error));
      if (!error->empty()) return std::nullopt;
      return weekly_bin_quantile(bins, ind.level);
    }
    default:
      break;
  }
  *error = "unsupported indicator kind";
  return std::nullopt;
}

}  // namespace asylumsim::indicators
