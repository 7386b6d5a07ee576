#include "asylumsim/engine/recorder.hpp"

#include <algorithm>
#include <cassert>

namespace asylumsim::engine {

Recorder::Id Recorder::register_metric(Kind kind, std::string_view name) {
  auto& list = names_[static_cast<int>(kind)];
  auto it = std::find(list.begin(), list.end(), name);
  if (it != list.end()) return static_cast<Id>(it - list.begin());
  assert(counters_.empty() && stock_value_.empty() && "register metrics before finalize()");
  list.emplace_back(name);
  return static_cast<Id>(list.size() - 1);
}

void Recorder::finalize(Tick start) {
  n_counters_ = names_[0].size();
  n_stocks_ = names_[1].size();
  n_durations_ = names_[2].size();
  for (int k = 0; k < 3; ++k)
    for (std::size_t i = 0; i < names_[k].size(); ++i)
      index_[k].emplace(names_[k][i], static_cast<Id>(i));
  finalized_ = true;
  const auto m = static_cast<std::size_t>(months_);
  counters_.assign(m * n_counters_, 0.0);
  stock_value_.assign(n_stocks_, 0.0);
  last_.assign(n_stocks_, start);
  stock_area_.assign(m * n_stocks_, 0.0);
  snapshots_.assign((m + 1) * n_stocks_, 0.0);
  dur_count_.assign(m * n_durations_, 0.0);
  dur_sum_.assign(m * n_durations_, 0.0);
  boundary_tick_.assign(m + 1, start);
  cur_ = 0;
  closed_ = 0;
}

void Recorder::snapshot_start() {
  std::copy(stock_value_.begin(), stock_value_.end(), snapshots_.begin());
}

void Recorder::close_month(Tick boundary) {
  if (closed_ >= static_cast<std::size_t>(months_)) return;
  for (Id id = 0; id < n_stocks_; ++id) flush(id, boundary);
  std::copy(stock_value_.begin(), stock_value_.end(),
            snapshots_.begin() + static_cast<std::ptrdiff_t>((closed_ + 1) * n_stocks_));
  boundary_tick_[closed_ + 1] = boundary;
  ++closed_;
  // After the last boundary nothing should be recorded; keep the last bin as the target anyway.
  cur_ = std::min(closed_, static_cast<std::size_t>(months_) - 1);
}

std::optional<Recorder::Id> Recorder::find(Kind kind, std::string_view name) const {
  // Indicators look metrics up by name for every cell of every replication: a map, not a scan.
  const auto& index = index_[static_cast<int>(kind)];
  if (finalized_) {
    const auto it = index.find(name);
    if (it == index.end()) return std::nullopt;
    return it->second;
  }
  const auto& list = names_[static_cast<int>(kind)];  // before finalize()
  auto it = std::find(list.begin(), list.end(), name);
  if (it == list.end()) return std::nullopt;
  return static_cast<Id>(it - list.begin());
}

double Recorder::counter_sum(Id id, int mb, int me) const {
  double s = 0.0;
  for (int m = mb; m < me; ++m) s += counters_[static_cast<std::size_t>(m) * n_counters_ + id];
  return s;
}

double Recorder::stock_time_average(Id id, int mb, int me) const {
  double area = 0.0;
  double ticks = 0.0;
  for (int m = mb; m < me; ++m) {
    area += stock_area_[static_cast<std::size_t>(m) * n_stocks_ + id];
    ticks += static_cast<double>(month_ticks(m));
  }
  return ticks > 0 ? area / ticks : 0.0;
}

double Recorder::duration_mean(Id id, int mb, int me) const {
  double c = 0.0, s = 0.0;
  for (int m = mb; m < me; ++m) {
    c += dur_count_[static_cast<std::size_t>(m) * n_durations_ + id];
    s += dur_sum_[static_cast<std::size_t>(m) * n_durations_ + id];
  }
  return c > 0 ? s / c : 0.0;
}

double Recorder::duration_count(Id id, int mb, int me) const {
  double c = 0.0;
  for (int m = mb; m < me; ++m) c += dur_count_[static_cast<std::size_t>(m) * n_durations_ + id];
  return c;
}

}  // namespace asylumsim::engine
