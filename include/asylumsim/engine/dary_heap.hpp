// Indexed d-ary min-heap future-event set: O(log_d n) push, pop and cancel. The heap array holds
// only the order keys and a slot number (24 bytes), so sift operations touch little memory; event
// payloads and heap positions live in slot tables that never move. Freed slots are reused, so a
// long run allocates only when the number of pending events reaches a new maximum.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "asylumsim/engine/event.hpp"

namespace asylumsim::engine {

template <unsigned Arity = 4>
class IndexedDaryHeap {
  static_assert(Arity >= 2);

 public:
  EventHandle push(EventKey key, EventData data) {
    const std::uint32_t slot = acquire_slot();
    payload_[slot] = data;
    const auto pos = static_cast<std::uint32_t>(heap_.size());
    heap_.push_back({key, slot});
    position_[slot] = pos;
    sift_up(pos);
    return {slot, key.sequence()};
  }

  Event pop() {
    assert(!heap_.empty());
    const Node top = heap_.front();
    position_[top.slot] = kFree;
    free_slots_.push_back(top.slot);
    const Node last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_.front() = last;
      sift_down(0);  // the root has no parent: no need to try sifting up
    }
    return {top.key, payload_[top.slot]};
  }

  bool cancel(EventHandle h) {
    if (h.slot >= position_.size()) return false;
    const std::uint32_t pos = position_[h.slot];
    if (pos == kFree || heap_[pos].key.sequence() != h.sequence) return false;
    remove_at(pos);
    return true;
  }

  EventKey top_key() const { return heap_.front().key; }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) {
    heap_.reserve(n);
    position_.reserve(n);
    payload_.reserve(n);
    free_slots_.reserve(n);
  }
  void clear() {
    heap_.clear();
    position_.clear();
    payload_.clear();
    free_slots_.clear();
  }

 private:
  struct Node {
    EventKey key;
    std::uint32_t slot;
  };
  static constexpr std::uint32_t kFree = UINT32_MAX;

  std::uint32_t acquire_slot() {
    if (!free_slots_.empty()) {
      const std::uint32_t s = free_slots_.back();
      free_slots_.pop_back();
      return s;
    }
    position_.push_back(kFree);
    payload_.push_back({});
    return static_cast<std::uint32_t>(position_.size() - 1);
  }

  void remove_at(std::uint32_t pos) {
    const std::uint32_t slot = heap_[pos].slot;
    position_[slot] = kFree;
    free_slots_.push_back(slot);
    const Node last = heap_.back();
    heap_.pop_back();
    if (pos == heap_.size()) return;
    heap_[pos] = last;
    position_[last.slot] = pos;
    if (pos > 0 && last.key < heap_[(pos - 1) / Arity].key)
      sift_up(pos);
    else
      sift_down(pos);
  }

  void sift_up(std::uint32_t pos) {
    const Node moving = heap_[pos];
    while (pos > 0) {
      const std::uint32_t parent = (pos - 1) / Arity;
      if (!(moving.key < heap_[parent].key)) break;
      place(pos, heap_[parent]);
      pos = parent;
    }
    place(pos, moving);
  }

  void sift_down(std::uint32_t pos) {
    const Node moving = heap_[pos];
    const auto n = static_cast<std::uint32_t>(heap_.size());
    for (;;) {
      const std::uint64_t first64 = std::uint64_t{pos} * Arity + 1;
      if (first64 >= n) break;
      const auto first = static_cast<std::uint32_t>(first64);
      std::uint32_t best = first;
      if (first + Arity <= n) {  // all children present: a fixed-trip loop the compiler unrolls
        for (std::uint32_t c = 1; c < Arity; ++c)
          if (heap_[first + c].key < heap_[best].key) best = first + c;
      } else {
        for (std::uint32_t c = first + 1; c < n; ++c)
          if (heap_[c].key < heap_[best].key) best = c;
      }
      if (!(heap_[best].key < moving.key)) break;
      place(pos, heap_[best]);
      pos = best;
    }
    place(pos, moving);
  }

  void place(std::uint32_t pos, const Node& node) {
    heap_[pos] = node;
    position_[node.slot] = pos;
  }

  std::vector<Node> heap_;
  std::vector<std::uint32_t> position_;  // slot -> heap index, kFree when not scheduled
  std::vector<EventData> payload_;       // slot -> payload
  std::vector<std::uint32_t> free_slots_;
};

static_assert(FutureEventSet<IndexedDaryHeap<4>>);

}  // namespace asylumsim::engine
