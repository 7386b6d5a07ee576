// Statistics primitives: a time-weighted value and a tally of completed-case durations.
#pragma once

#include <cmath>
#include <cstdint>

#include "asylumsim/engine/time.hpp"

namespace asylumsim::engine {

// Integral of a piecewise-constant value over time; mean = area / elapsed.
class TimeWeighted {
 public:
  explicit TimeWeighted(Tick start = 0, double value = 0.0) : last_(start), value_(value) {}
  void set(Tick t, double v) {
    advance(t);
    value_ = v;
  }
  void add(Tick t, double delta) { set(t, value_ + delta); }
  void advance(Tick t) {
    area_ += value_ * static_cast<double>(t - last_);
    last_ = t;
  }
  double value() const { return value_; }
  // Area in value*ticks since the start.
  double area() const { return area_; }
  double mean_until(Tick t, Tick start) const {
    const double a = area_ + value_ * static_cast<double>(t - last_);
    return t > start ? a / static_cast<double>(t - start) : value_;
  }

 private:
  Tick last_;
  double value_;
  double area_ = 0.0;
};

// Count, mean and variance of a sample (Welford's algorithm, numerically stable).
class Tally {
 public:
  void add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
  }
  std::uint64_t count() const { return n_; }
  double mean() const { return mean_; }
  double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }
  double stddev() const { return std::sqrt(variance()); }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

}  // namespace asylumsim::engine
