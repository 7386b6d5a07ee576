#include "asylumsim/montecarlo/aggregator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace asylumsim::montecarlo {

namespace acc = boost::accumulators;

namespace {
constexpr std::array<double, 5> kProbabilities = {0.05, 0.25, 0.50, 0.75, 0.95};
}

double Summary::standard_error() const {
  return n > 0 ? sd / std::sqrt(static_cast<double>(n)) : std::numeric_limits<double>::quiet_NaN();
}

namespace {
Summary missing_summary() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return {nan, nan, nan, nan, nan, nan, nan, nan, nan, 0};
}
}  // namespace

double quantile_sorted(const std::vector<double>& v, double p) {
  if (v.empty()) return 0.0;
  const double h = (static_cast<double>(v.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Summary summarise_exact(std::vector<double> v) {
  std::erase_if(v, [](double x) { return std::isnan(x); });
  if (v.empty()) return missing_summary();
  Summary s;
  s.n = v.size();
  std::sort(v.begin(), v.end());
  double mean = 0, m2 = 0;
  std::uint64_t k = 0;
  for (double x : v) {  // Welford, in sorted order (the order is fixed, so results are too)
    ++k;
    const double d = x - mean;
    mean += d / static_cast<double>(k);
    m2 += d * (x - mean);
  }
  s.mean = mean;
  s.sd = v.size() > 1 ? std::sqrt(m2 / static_cast<double>(v.size() - 1)) : 0.0;
  s.min = v.front();
  s.max = v.back();
  s.p05 = quantile_sorted(v, 0.05);
  s.p25 = quantile_sorted(v, 0.25);
  s.p50 = quantile_sorted(v, 0.50);
  s.p75 = quantile_sorted(v, 0.75);
  s.p95 = quantile_sorted(v, 0.95);
  return s;
}

Aggregator::Aggregator(std::size_t cells, std::size_t exact_limit) : exact_limit_(exact_limit) {
  cells_.reserve(cells);
  for (std::size_t c = 0; c < cells; ++c)
    cells_.push_back({0, 0, 0, 0, 0, P2(acc::extended_p_square_probabilities = kProbabilities)});
}

void Aggregator::add(const std::vector<double>& row) {
  ++n_;
  for (std::size_t c = 0; c < cells_.size(); ++c) {
    Cell& cell = cells_[c];
    const double x = row[c];
    if (std::isnan(x)) continue;
    ++cell.n;
    const double d = x - cell.mean;
    cell.mean += d / static_cast<double>(cell.n);
    cell.m2 += d * (x - cell.mean);
    cell.min = cell.n == 1 ? x : std::min(cell.min, x);
    cell.max = cell.n == 1 ? x : std::max(cell.max, x);
    cell.p2(x);
  }
  if (n_ <= exact_limit_)
    exact_.insert(exact_.end(), row.begin(), row.end());
  else if (!exact_.empty())
    std::vector<double>().swap(exact_);  // past the limit: free it
}

Summary Aggregator::streaming_summary(std::size_t c) const {
  const Cell& cell = cells_[c];
  if (cell.n == 0) return missing_summary();
  Summary s;
  s.n = cell.n;
  s.mean = cell.mean;
  s.sd = cell.n > 1 ? std::sqrt(cell.m2 / static_cast<double>(cell.n - 1)) : 0.0;
  s.min = cell.min;
  s.max = cell.max;
  const auto q = acc::extended_p_square(cell.p2);
  // P² needs a few observations per marker before its estimates mean anything; clamp to the
  // observed range so an estimate never leaves it.
  auto clamp = [&](double v) { return std::clamp(v, cell.min, cell.max); };
  s.p05 = clamp(q[0]);
  s.p25 = clamp(q[1]);
  s.p50 = clamp(q[2]);
  s.p75 = clamp(q[3]);
  s.p95 = clamp(q[4]);
  return s;
}

Summary Aggregator::summary(std::size_t c) const {
  if (!exact()) return streaming_summary(c);
  std::vector<double> column(n_);
  for (std::size_t r = 0; r < n_; ++r) column[r] = exact_[r * cells_.size() + c];
  Summary s = summarise_exact(std::move(column));
  // Mean and sd from the streaming pass, so they do not change when the exact store is dropped.
  const Summary st = streaming_summary(c);
  s.mean = st.mean;
  s.sd = st.sd;
  return s;
}

void OrderedFeed::submit(std::uint64_t replication, std::vector<double> row) {
  std::lock_guard lock(mu_);
  pending_.emplace(replication, std::move(row));
  for (auto it = pending_.begin(); it != pending_.end() && it->first == next_.load();
       it = pending_.begin()) {
    sink_(it->first, it->second);
    pending_.erase(it);
    next_.fetch_add(1, std::memory_order_release);
  }
}

}  // namespace asylumsim::montecarlo
