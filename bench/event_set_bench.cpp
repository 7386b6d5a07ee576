// Hold-model micro-benchmark of future-event sets: pop the earliest event, push one at a random
// later time, with n events pending. Compares the project's IndexedDaryHeap with
// std::priority_queue and a plain (non-indexed) binary heap on the same keys.
#include <benchmark/benchmark.h>

#include <queue>
#include <vector>

#include "asylumsim/engine/dary_heap.hpp"
#include "asylumsim/engine/rng.hpp"

using namespace asylumsim::engine;

namespace {

// Exponential increments (mean 1e6 ticks) drawn once, so every event set sees the same keys.
std::vector<Tick> increments(std::size_t n) {
  RandomStream r(1, 0, "hold");
  std::vector<Tick> v(n);
  for (auto& x : v) x = 1 + static_cast<Tick>(r.exponential(1e6));
  return v;
}

struct Node {
  EventKey key;
  EventData data;
  bool operator>(const Node& o) const { return o.key < key; }
};

// A textbook binary heap over the same nodes, with no position index (no cancellation).
class PlainBinaryHeap {
 public:
  void push(const Node& n) {
    h_.push_back(n);
    std::size_t i = h_.size() - 1;
    while (i > 0) {
      const std::size_t p = (i - 1) / 2;
      if (!(h_[i].key < h_[p].key)) break;
      std::swap(h_[i], h_[p]);
      i = p;
    }
  }
  Node pop() {
    Node top = h_.front();
    h_.front() = h_.back();
    h_.pop_back();
    std::size_t i = 0;
    const std::size_t n = h_.size();
    for (;;) {
      std::size_t l = 2 * i + 1, best = i;
      if (l < n && h_[l].key < h_[best].key) best = l;
      if (l + 1 < n && h_[l + 1].key < h_[best].key) best = l + 1;
      if (best == i) break;
      std::swap(h_[i], h_[best]);
      i = best;
    }
    return top;
  }

 private:
  std::vector<Node> h_;
};

constexpr std::size_t kIncrements = 1 << 20;

void BM_IndexedDaryHeap(benchmark::State& st) {
  const auto n = static_cast<std::size_t>(st.range(0));
  const auto inc = increments(kIncrements);
  IndexedDaryHeap<4> fes;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i)
    fes.push(EventKey::make(inc[i % kIncrements], Priority::kNormal, seq++), {});
  std::size_t k = 0;
  for (auto _ : st) {
    const Event e = fes.pop();
    fes.push(EventKey::make(e.key.time + inc[k++ & (kIncrements - 1)], Priority::kNormal, seq++),
             e.data);
  }
  st.SetItemsProcessed(st.iterations());
}

void BM_StdPriorityQueue(benchmark::State& st) {
  const auto n = static_cast<std::size_t>(st.range(0));
  const auto inc = increments(kIncrements);
  std::priority_queue<Node, std::vector<Node>, std::greater<>> fes;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i)
    fes.push({EventKey::make(inc[i % kIncrements], Priority::kNormal, seq++), {}});
  std::size_t k = 0;
  for (auto _ : st) {
    const Node e = fes.top();
    fes.pop();
    fes.push({EventKey::make(e.key.time + inc[k++ & (kIncrements - 1)], Priority::kNormal, seq++),
              e.data});
  }
  st.SetItemsProcessed(st.iterations());
}

void BM_PlainBinaryHeap(benchmark::State& st) {
  const auto n = static_cast<std::size_t>(st.range(0));
  const auto inc = increments(kIncrements);
  PlainBinaryHeap fes;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i)
    fes.push({EventKey::make(inc[i % kIncrements], Priority::kNormal, seq++), {}});
  std::size_t k = 0;
  for (auto _ : st) {
    const Node e = fes.pop();
    fes.push({EventKey::make(e.key.time + inc[k++ & (kIncrements - 1)], Priority::kNormal, seq++),
              e.data});
  }
  st.SetItemsProcessed(st.iterations());
}

}  // namespace

BENCHMARK(BM_IndexedDaryHeap)->Arg(1000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_StdPriorityQueue)->Arg(1000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_PlainBinaryHeap)->Arg(1000)->Arg(100000)->Arg(1000000);
BENCHMARK_MAIN();
