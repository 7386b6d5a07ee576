// Random-number streams. Every stochastic input of the model draws from its own stream, keyed by
// (master seed, replication index, stream name). Two scenarios run with the same seed therefore
// share their random numbers input by input (common random numbers), and replication i gives the
// same results whichever thread or MPI rank runs it. Nothing is ever seeded from the clock.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <pcg_random.hpp>
#include <span>
#include <string_view>

namespace asylumsim::engine {

constexpr std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class RandomStream {
 public:
  using result_type = std::uint32_t;

  RandomStream() : RandomStream(0, 0, "default") {}
  RandomStream(std::uint64_t master_seed, std::uint64_t replication, std::string_view name)
      : engine_(initial_state(master_seed, replication, name), stream_select(replication, name)) {}

  static constexpr result_type min() { return pcg32::min(); }
  static constexpr result_type max() { return pcg32::max(); }
  result_type operator()() { return engine_(); }

  // Uniform on the open interval (0, 1) with 53 random bits; never 0, so log() is safe, and never
  // 1, so an inverse CDF never reads past its table and bernoulli(1) is always true.
  double uniform01() {
    const std::uint64_t hi = engine_();
    const std::uint64_t lo = engine_();
    return unit_interval(((hi << 32) | lo) >> 11);
  }
  // Maps 53 random bits to (0, 1). (2^53 - 1 + 0.5) * 2^-53 rounds to exactly 1.0 in double
  // precision, so the top value is pulled down to the largest double below 1.
  static constexpr double unit_interval(std::uint64_t bits53) {
    constexpr double kBelowOne = 0x1.fffffffffffffp-1;
    const double u = (static_cast<double>(bits53) + 0.5) * 0x1.0p-53;
    return u < kBelowOne ? u : kBelowOne;
  }
  bool bernoulli(double p) { return uniform01() < p; }
  // Inversion keeps exactly one uniform per draw, which keeps common random numbers aligned.
  double exponential(double mean) { return -mean * std::log(uniform01()); }
  // Unbiased integer in [0, n) (Lemire's method via pcg's bounded draw).
  std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : engine_(n); }
  // A size 1, 2, ... drawn with probabilities `shares` (summing to 1) from one uniform: the
  // largest size when rounding leaves the uniform beyond the last share.
  std::size_t size_from(std::span<const double> shares) {
    double u = uniform01();
    for (std::size_t k = 0; k < shares.size(); ++k) {
      u -= shares[k];
      if (u < 0) return k + 1;
    }
    return shares.size();
  }

 private:
  static std::uint64_t initial_state(std::uint64_t seed, std::uint64_t rep, std::string_view nm) {
    return splitmix64(splitmix64(seed) ^ splitmix64(rep + 0x632be59bd9b4e019ULL) ^ fnv1a64(nm));
  }
  static std::uint64_t stream_select(std::uint64_t rep, std::string_view nm) {
    return splitmix64(fnv1a64(nm) + rep);
  }
  pcg32 engine_;
};

}  // namespace asylumsim::engine
