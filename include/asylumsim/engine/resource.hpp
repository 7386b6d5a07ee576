// Resources: a server pool with a queue discipline, capacity that changes by schedule, a quota that
// releases units per period, and occupancy stocks with an overflow rule.
#pragma once

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "asylumsim/engine/queue_discipline.hpp"
#include "asylumsim/engine/statistics.hpp"
#include "asylumsim/engine/time.hpp"

namespace asylumsim::engine {

// A value that changes at given ticks (capacity by date, a rate by half-year).
template <class T>
class StepSchedule {
 public:
  // Never empty, so at() is defined for every tick (a default schedule is T{} throughout).
  StepSchedule() : StepSchedule(T{}) {}
  explicit StepSchedule(T initial) {
    steps_.push_back({std::numeric_limits<Tick>::min(), initial});
  }
  // Adds a change; changes may be added in any order.
  void set_from(Tick t, T v) {
    auto it = std::lower_bound(steps_.begin(), steps_.end(), t,
                               [](const Step& s, Tick x) { return s.from < x; });
    if (it != steps_.end() && it->from == t)
      it->value = v;
    else
      steps_.insert(it, {t, v});
  }
  // Applies f to the value over [from, until): steps are inserted at both ends so the value
  // outside the window is unchanged (until = kNever: to the end). How dated measures compose.
  template <class F>
  void modify(Tick from, Tick until, F f) {
    if (until <= from) return;
    const bool bounded = until != kNever;
    const T after = at(bounded ? until : from);
    set_from(from, at(from));
    if (bounded) set_from(until, after);
    for (auto& s : steps_)
      if (s.from >= from && (!bounded || s.from < until)) s.value = f(s.value);
  }
  const T& at(Tick t) const {
    auto it = std::upper_bound(steps_.begin(), steps_.end(), t,
                               [](Tick x, const Step& s) { return x < s.from; });
    assert(it != steps_.begin());
    return std::prev(it)->value;
  }
  struct Step {
    Tick from;
    T value;
  };
  const std::vector<Step>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }

 private:
  std::vector<Step> steps_;
};

// c identical servers and a waiting line. The caller starts and ends service; the pool decides who
// is served next. Statistics: time-weighted number busy and number waiting.
template <class Item, class Discipline = FifoDiscipline<Item>>
requires QueueDiscipline<Discipline, Item>
class ServerPool {
 public:
  explicit ServerPool(std::int64_t capacity = 1, Tick start = 0)
      : capacity_(capacity), busy_stat_(start), queue_stat_(start) {}

  // Returns true when a server was free and the item enters service now; otherwise it waits.
  bool request(Tick now, const Item& item, unsigned priority = 0) {
    if (busy_ < capacity_ && queue_.empty()) {
      busy_stat_.set(now, static_cast<double>(++busy_));
      return true;
    }
    queue_.push(item, priority);
    queue_stat_.set(now, static_cast<double>(queue_.size()));
    return false;
  }

  // A service ended. Returns the next item to serve, if one waits and a server is free.
  std::optional<Item> release(Tick now) {
    assert(busy_ > 0);
    busy_stat_.set(now, static_cast<double>(--busy_));
    return next(now);
  }

  // Changes the number of servers. Items started by a capacity increase are passed to `start`.
  // A decrease lets busy servers finish; no new service starts until busy < capacity.
  template <class StartFn>
  void set_capacity(Tick now, std::int64_t capacity, StartFn&& start) {
    capacity_ = capacity;
    while (auto item = next(now)) start(*item);
  }

  std::int64_t capacity() const { return capacity_; }
  std::int64_t busy() const { return busy_; }
  std::size_t waiting() const { return queue_.size(); }
  const Discipline& queue() const { return queue_; }
  const TimeWeighted& busy_stat() const { return busy_stat_; }
  const TimeWeighted& queue_stat() const { return queue_stat_; }

 private:
  std::optional<Item> next(Tick now) {
    if (busy_ >= capacity_ || queue_.empty()) return std::nullopt;
    Item item = queue_.pop();
    queue_stat_.set(now, static_cast<double>(queue_.size()));
    busy_stat_.set(now, static_cast<double>(++busy_));
    return item;
  }

  std::int64_t capacity_;
  std::int64_t busy_ = 0;
  Discipline queue_;
  TimeWeighted busy_stat_;
  TimeWeighted queue_stat_;
};

// Releases a number of units per period (a rate given per period, possibly fractional): IND
// decisions per week, municipal housing per half-year. Units are counted in integer millionths, so
// the release over any number of periods is exact: 100.5 decisions per week give 201 decisions in
// two weeks, never 202 (a floating-point tolerance once let an almost-whole extra unit through at
// every refill). Unused units lapse at the end of a period unless `carry_unused` is set; even then
// the period keeps up to the largest request it had to refuse, so a household larger than one
// period's release is housed after a few periods instead of never (and blocking those behind it).
class PeriodicQuota {
 public:
  static constexpr std::int64_t kScale = 1'000'000;  // millionths of a unit
  static constexpr double kMaxUnitsPerCall = 1e12;   // larger requests are this many
  static constexpr std::int64_t kMaxAvailable = std::int64_t{4'000'000'000'000'000'000};

  explicit PeriodicQuota(bool carry_unused = false) : carry_unused_(carry_unused) {}

  // Starts a new period with `units` available, plus what the previous period keeps: everything
  // (carry_unused), or its fraction of a unit and up to the largest refused request.
  void refill(double units) {
    const std::int64_t kept =
        carry_unused_ ? available_
                      : std::min(available_, std::max(available_ % kScale, largest_refused_));
    largest_refused_ = 0;
    available_ = std::min(kMaxAvailable, kept + to_fixed(units));
  }
  // Adds units within the current period (a dated top-up).
  void add(double units) { available_ = std::min(kMaxAvailable, available_ + to_fixed(units)); }
  bool try_take(double units = 1.0) {
    const std::int64_t u = to_fixed(units);
    if (u > available_) {
      largest_refused_ = std::max(largest_refused_, u);
      return false;
    }
    available_ -= u;
    return true;
  }
  double available() const { return static_cast<double>(available_) / kScale; }
  std::int64_t whole_units() const { return available_ / kScale; }

 private:
  // Negative and NaN requests count as 0; beyond kMaxUnitsPerCall they are capped (no overflow).
  static std::int64_t to_fixed(double units) {
    if (!(units > 0)) return 0;
    return std::llround(std::min(units, kMaxUnitsPerCall) * static_cast<double>(kScale));
  }
  bool carry_unused_;
  std::int64_t available_ = 0;
  std::int64_t largest_refused_ = 0;
};

// Occupied places per location type, with a capacity each and an overflow rule: a type whose
// places are full sends newcomers to its overflow type (for COA: emergency reception), which may
// exceed its own capacity. Occupancy over time (bed-days) is the statistics back-end's job.
class CapacityStock {
 public:
  static constexpr int kNoOverflow = -1;

  explicit CapacityStock(int types = 0)
      : capacity_(types, 0), occupied_(types, 0), overflow_(types, kNoOverflow) {}

  void set_capacity(int type, std::int64_t c) { capacity_[type] = c; }
  void set_overflow(int type, int overflow_type) { overflow_[type] = overflow_type; }

  // Places one person in `type`, or in its overflow chain when full. Returns the type used.
  // The last type in a chain (no overflow) accepts beyond capacity: nobody is turned away.
  int admit(int type) {
    int t = type;
    for (int hops = 0; hops < static_cast<int>(capacity_.size()); ++hops) {
      if (occupied_[t] < capacity_[t] || overflow_[t] == kNoOverflow) break;
      t = overflow_[t];
    }
    ++occupied_[t];
    return t;
  }
  void leave(int type) {
    assert(occupied_[type] > 0);
    --occupied_[type];
  }
  std::int64_t occupied(int type) const { return occupied_[type]; }
  std::int64_t capacity(int type) const { return capacity_[type]; }

 private:
  std::vector<std::int64_t> capacity_;
  std::vector<std::int64_t> occupied_;
  std::vector<int> overflow_;
};

}  // namespace asylumsim::engine
