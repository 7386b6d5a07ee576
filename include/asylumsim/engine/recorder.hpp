// The statistics back-end: named metrics binned by calendar month. Counters add up flows per
// month; stocks keep a current value, a time-weighted integral per month and a snapshot at every
// month boundary; durations keep the count and sum of completed-case durations per month.
// Names are resolved to integer ids once, at set-up, so recording on the hot path is an indexed
// add. Any period (year, half, quarter, month) is a range of months, so every query is a sum.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asylumsim/engine/time.hpp"

namespace asylumsim::engine {

class Recorder {
 public:
  using Id = std::uint32_t;
  enum class Kind { kCounter, kStock, kDuration };

  // `months`: number of whole months in the horizon; bins exist for months [0, months).
  Recorder() = default;
  explicit Recorder(int months) : months_(months) {}

  // Registration (set-up only). Registering a name twice returns the same id.
  Id counter(std::string_view name) { return register_metric(Kind::kCounter, name); }
  Id stock(std::string_view name) { return register_metric(Kind::kStock, name); }
  Id duration(std::string_view name) { return register_metric(Kind::kDuration, name); }
  // Allocates the bins; call once after every metric is registered.
  void finalize(Tick start);

  // Recording (hot path).
  void count(Id id, double n = 1.0) { counters_[cur_ * n_counters_ + id] += n; }
  void stock_add(Id id, Tick now, double delta) {
    flush(id, now);
    stock_value_[id] += delta;
  }
  void stock_set(Id id, Tick now, double v) {
    flush(id, now);
    stock_value_[id] = v;
  }
  void observe(Id id, double value) {
    const std::size_t k = cur_ * n_durations_ + id;
    dur_count_[k] += 1.0;
    dur_sum_[k] += value;
  }

  // Month boundaries: snapshot every stock at the start, then at the end of each month.
  void snapshot_start();
  void close_month(Tick boundary);
  int current_month() const { return static_cast<int>(cur_); }
  int months() const { return months_; }

  // Queries over months [mb, me) or at boundary b (0 = start, b = start of month b).
  std::optional<Id> find(Kind kind, std::string_view name) const;
  double counter_sum(Id id, int mb, int me) const;
  double stock_at(Id id, int boundary) const { return snapshots_[boundary * n_stocks_ + id]; }
  // A stock's value now (the model's conservation check, tests).
  double stock_value(Id id) const { return stock_value_[id]; }
  double stock_time_average(Id id, int mb, int me) const;  // value averaged over ticks
  double duration_mean(Id id, int mb, int me) const;       // 0 when nothing was recorded
  double duration_count(Id id, int mb, int me) const;
  Tick month_ticks(int m) const { return boundary_tick_[m + 1] - boundary_tick_[m]; }
  const std::vector<std::string>& names(Kind kind) const { return names_[static_cast<int>(kind)]; }

 private:
  Id register_metric(Kind kind, std::string_view name);
  void flush(Id id, Tick now) {
    stock_area_[cur_ * n_stocks_ + id] += stock_value_[id] * static_cast<double>(now - last_[id]);
    last_[id] = now;
  }

  int months_ = 0;
  std::size_t cur_ = 0;
  std::size_t closed_ = 0;
  std::size_t n_counters_ = 0, n_stocks_ = 0, n_durations_ = 0;
  std::vector<std::string> names_[3];
  std::map<std::string, Id, std::less<>> index_[3];  // name -> id, built by finalize()
  bool finalized_ = false;
  std::vector<double> counters_;             // [month][counter]
  std::vector<double> stock_value_;          // [stock]
  std::vector<Tick> last_;                   // [stock]
  std::vector<double> stock_area_;           // [month][stock] value*ticks
  std::vector<double> snapshots_;            // [boundary][stock]
  std::vector<double> dur_count_, dur_sum_;  // [month][duration]
  std::vector<Tick> boundary_tick_;
};

}  // namespace asylumsim::engine
