// The simulation kernel: a clock and a future-event set. It knows nothing about the asylum chain;
// the model passes a handler that dispatches on the event kind. The handler is a template
// argument, so dispatch is a direct (inlinable) call, not a virtual one.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <stdexcept>

#include "asylumsim/engine/dary_heap.hpp"
#include "asylumsim/engine/event.hpp"

namespace asylumsim::engine {

template <FutureEventSet Fes = IndexedDaryHeap<4>>
class Simulator {
 public:
  Tick now() const { return now_; }
  std::uint64_t events_executed() const { return executed_; }
  std::size_t pending() const { return fes_.size(); }
  void reserve(std::size_t n) { fes_.reserve(n); }

  // Schedules an event at absolute tick `at`. Scheduling in the past is a model bug: it would
  // run the clock backwards, so it throws in every build (not only where asserts are on).
  EventHandle schedule_at(Tick at, Priority p, EventData d) {
    if (at < now_) [[unlikely]]
      throw std::logic_error(fmt::format(
          "event of kind {} scheduled at tick {}, before the clock ({})", d.kind, at, now_));
    return fes_.push(EventKey::make(at, p, next_sequence_++), d);
  }
  EventHandle schedule_in(Tick delay, Priority p, EventData d) {
    return schedule_at(now_ + delay, p, d);
  }
  bool cancel(EventHandle h) { return fes_.cancel(h); }

  // Runs every event with time < end, in key order, then sets the clock to `end`.
  // Returns the number of events run. `handler` is called as handler(const Event&).
  template <class Handler>
  std::uint64_t run_until(Tick end, Handler&& handler) {
    const std::uint64_t n = run_before(EventKey::make(end, Priority::kBoundary, 0), handler);
    if (end > now_) now_ = end;
    return n;
  }
  // Runs every event ordered before `bound` (time, then priority, then sequence) in key order.
  // With bound = (end, kSchedule) it runs the boundary events at `end` — closing the last period —
  // and nothing that belongs to the time after it.
  template <class Handler>
  std::uint64_t run_before(EventKey bound, Handler&& handler) {
    const std::uint64_t before = executed_;
    while (!fes_.empty() && fes_.top_key() < bound) {
      const Event ev = fes_.pop();
      now_ = ev.key.time;
      ++executed_;
      handler(ev);
    }
    return executed_ - before;
  }

 private:
  Fes fes_;
  Tick now_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t executed_ = 0;
};

}  // namespace asylumsim::engine
