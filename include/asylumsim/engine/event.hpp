// An event: what happens (kind), to whom (subject), and when. Events are totally ordered by
// (time, priority class, insertion sequence): two events at the same tick run in priority order,
// and within a priority class in the order they were scheduled. Nothing is left to chance.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>

#include "asylumsim/engine/time.hpp"

namespace asylumsim::engine {

// Lower values run first at equal time. Period boundaries use kBoundary so statistics close before
// anything else happens on that tick.
enum class Priority : std::uint8_t {
  kBoundary = 0,
  kSchedule = 1,  // capacity and policy changes
  kHigh = 2,
  kNormal = 3,
  kLow = 4,
};

struct EventData {
  std::uint32_t kind = 0;     // model-defined event type
  std::uint32_t subject = 0;  // usually a person id
  std::uint32_t aux = 0;      // model-defined extra word
};

// The order key packs priority (top 8 bits) and insertion sequence (low 56 bits), so one integer
// comparison after the time settles every tie.
struct EventKey {
  Tick time = 0;
  std::uint64_t order = 0;

  static constexpr int kSeqBits = 56;
  static constexpr std::uint64_t kSeqMask = (std::uint64_t{1} << kSeqBits) - 1;

  static constexpr EventKey make(Tick t, Priority p, std::uint64_t seq) {
    return {t, (static_cast<std::uint64_t>(p) << kSeqBits) | (seq & kSeqMask)};
  }
  constexpr Priority priority() const { return static_cast<Priority>(order >> kSeqBits); }
  constexpr std::uint64_t sequence() const { return order & kSeqMask; }
  friend constexpr auto operator<=>(const EventKey&, const EventKey&) = default;
  // Spelled out: the heap's hot comparison, branch-light.
  friend constexpr bool operator<(const EventKey& a, const EventKey& b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
  }
};

struct Event {
  EventKey key;
  EventData data;
  Tick time() const { return key.time; }
};

// Identifies a scheduled event for cancellation. A handle whose event has already run or been
// cancelled is stale: cancelling it is a no-op that returns false.
struct EventHandle {
  std::uint32_t slot = UINT32_MAX;
  std::uint64_t sequence = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

// The future-event set interface. The simulator is a template over it, so the hot path has no
// virtual calls while any implementation that satisfies the concept can be swapped in.
template <class S>
concept FutureEventSet = requires(S s, const S cs, EventKey k, EventData d, EventHandle h) {
  { s.push(k, d) } -> std::same_as<EventHandle>;
  { s.pop() } -> std::same_as<Event>;
  { s.cancel(h) } -> std::same_as<bool>;
  { cs.top_key() } -> std::same_as<EventKey>;
  { cs.empty() } -> std::same_as<bool>;
  { cs.size() } -> std::convertible_to<std::size_t>;
  s.clear();
};

}  // namespace asylumsim::engine
