// Streaming aggregation of replication results. Rows (one value per grid cell) are fed strictly in
// replication order, whichever thread or MPI rank computed them, so every statistic is the same
// bytes for any degree of parallelism. Memory is bounded as replications grow: per cell a Welford
// mean/variance, min/max and a P² quantile estimator (Boost.Accumulators extended_p_square, five
// markers per probability), plus the exact values of the first `exact_limit` replications. Up to
// that limit percentiles are exact; beyond it they come from the P² estimator (docs/montecarlo.md).
// A missing value (NaN: undefined in that replication, indicators::kMissing) is skipped: each
// cell's statistics are over the replications where it is defined, and are all NaN when none is.
#pragma once

#include <atomic>
#include <boost/accumulators/accumulators.hpp>
#include <boost/accumulators/statistics/extended_p_square.hpp>
#include <boost/accumulators/statistics/stats.hpp>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace asylumsim::montecarlo {

struct Summary {
  double mean = 0, sd = 0, min = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0, max = 0;
  std::uint64_t n = 0;            // replications where the value is defined
  double standard_error() const;  // sd / sqrt(n)
};

// Exact order statistics (type-7 linear interpolation, as R's default and numpy's 'linear').
double quantile_sorted(const std::vector<double>& sorted, double p);
Summary summarise_exact(std::vector<double> values);

class Aggregator {
 public:
  static constexpr std::size_t kDefaultExactLimit = 200;
  explicit Aggregator(std::size_t cells = 0, std::size_t exact_limit = kDefaultExactLimit);
  Aggregator(Aggregator&&) noexcept = default;
  Aggregator& operator=(Aggregator&&) noexcept = default;

  void add(const std::vector<double>& row);  // the next replication, in order
  std::uint64_t count() const { return n_; }
  std::size_t cells() const { return cells_.size(); }
  bool exact() const { return n_ <= exact_limit_; }
  Summary summary(std::size_t cell) const;            // exact while possible, else streaming
  Summary streaming_summary(std::size_t cell) const;  // always the P² estimate

 private:
  using P2 = boost::accumulators::accumulator_set<
      double, boost::accumulators::stats<boost::accumulators::tag::extended_p_square>>;
  struct Cell {
    double mean = 0, m2 = 0, min = 0, max = 0;
    std::uint64_t n = 0;  // defined values seen
    P2 p2;
  };
  std::vector<Cell> cells_;
  std::vector<double> exact_;  // [replication][cell], first exact_limit replications
  std::size_t exact_limit_;
  std::uint64_t n_ = 0;
};

// Accepts rows from any thread in any order and forwards them in replication order. Rows that
// arrive early wait in a buffer; with replications handed out in order, it holds at most about
// one row per worker.
class OrderedFeed {
 public:
  using Sink = std::function<void(std::uint64_t replication, const std::vector<double>& row)>;
  OrderedFeed(std::uint64_t first, Sink sink) : next_(first), sink_(std::move(sink)) {}
  void submit(std::uint64_t replication, std::vector<double> row);
  // Safe to poll from any thread while others submit (the MPI root polls it between receives).
  std::uint64_t next() const { return next_.load(std::memory_order_acquire); }
  std::size_t buffered() const {
    std::lock_guard lock(mu_);
    return pending_.size();
  }

 private:
  mutable std::mutex mu_;
  std::atomic<std::uint64_t> next_;
  std::map<std::uint64_t, std::vector<double>> pending_;
  Sink sink_;
};

}  // namespace asylumsim::montecarlo
