// Queue disciplines for resources, chosen as a template parameter (as in simmer). Both keep items
// in ring buffers that grow geometrically and never shrink, so a steady-state run does not
// allocate.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <functional>
#include <vector>

namespace asylumsim::engine {

// A FIFO ring buffer.
template <class T>
class RingQueue {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  void push(const T& v) {
    if (size_ == buf_.size()) grow();
    buf_[(head_ + size_) & (buf_.size() - 1)] = v;
    ++size_;
  }
  const T& front() const { return buf_[head_]; }
  T pop() {
    assert(size_ > 0);
    T v = buf_[head_];
    head_ = (head_ + 1) & (buf_.size() - 1);
    --size_;
    return v;
  }
  // Visits items front to back (used for scans such as 'who waited past the legal term').
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < size_; ++i) f(buf_[(head_ + i) & (buf_.size() - 1)]);
  }

 private:
  void grow() {
    std::vector<T> next(buf_.empty() ? 16 : buf_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) next[i] = buf_[(head_ + i) & (buf_.size() - 1)];
    buf_.swap(next);
    head_ = 0;
  }
  std::vector<T> buf_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

// First in, first out; the priority argument is ignored.
template <class T>
class FifoDiscipline {
 public:
  void push(const T& v, unsigned /*priority*/ = 0) { q_.push(v); }
  T pop() { return q_.pop(); }
  bool empty() const { return q_.empty(); }
  std::size_t size() const { return q_.size(); }

 private:
  RingQueue<T> q_;
};

// Strict priority between classes (0 served first), FIFO within a class.
template <class T, unsigned Classes>
class PriorityDiscipline {
 public:
  void push(const T& v, unsigned priority = 0) {
    assert(priority < Classes);
    q_[priority].push(v);
    ++size_;
  }
  T pop() {
    for (auto& q : q_)
      if (!q.empty()) {
        --size_;
        return q.pop();
      }
    assert(false);
    return T{};
  }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  std::size_t size(unsigned priority) const { return q_[priority].size(); }

 private:
  std::array<RingQueue<T>, Classes> q_;
  std::size_t size_ = 0;
};

// Class 0 first in, first out (urgent: court-ordered or resumed cases); class 1 a line ordered by
// each item's key (for the IND: the application date), ties in arrival order. An item that
// re-enters the line with an old key goes before newer ones: nobody waits forever behind cases
// that arrived later. T needs a member `key` comparable with <.
template <class T>
class KeyedPriorityDiscipline {
 public:
  void push(const T& v, unsigned priority = 1) {
    if (priority == 0) {
      urgent_.push(v);
      return;
    }
    line_.push_back({v, seq_++});
    std::push_heap(line_.begin(), line_.end(), later);
  }
  T pop() {
    if (!urgent_.empty()) return urgent_.pop();
    assert(!line_.empty());
    std::pop_heap(line_.begin(), line_.end(), later);
    T v = line_.back().item;
    line_.pop_back();
    return v;
  }
  // The entry pop() would return, left in place.
  const T& front() const {
    if (!urgent_.empty()) return urgent_.front();
    assert(!line_.empty());
    return line_.front().item;
  }
  bool empty() const { return urgent_.empty() && line_.empty(); }
  std::size_t size() const { return urgent_.size() + line_.size(); }
  std::size_t size(unsigned priority) const {
    return priority == 0 ? urgent_.size() : line_.size();
  }

 private:
  struct Entry {
    T item;
    std::uint64_t seq;
  };
  // Heap order: the entry with the smallest (key, seq) on top.
  static bool later(const Entry& a, const Entry& b) {
    if (a.item.key != b.item.key) return b.item.key < a.item.key;
    return a.seq > b.seq;
  }
  RingQueue<T> urgent_;
  std::vector<Entry> line_;
  std::uint64_t seq_ = 0;
};

template <class Q, class T>
concept QueueDiscipline = requires(Q q, const Q cq, T v) {
  q.push(v, 0u);
  { q.pop() } -> std::same_as<T>;
  { cq.empty() } -> std::same_as<bool>;
  { cq.size() } -> std::convertible_to<std::size_t>;
};

}  // namespace asylumsim::engine
