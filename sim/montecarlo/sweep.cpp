#include "asylumsim/montecarlo/sweep.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <random>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/key_path.hpp"

namespace asylumsim::montecarlo {

namespace {

[[noreturn]] void fail(const std::string& text, const std::string& path, const std::string& msg) {
  scenario::Diagnostics d;
  d.add({"--vary " + text, 0, 0, path, msg});
  throw scenario::InputError(d);
}

bool parse_number(const std::string& s, double& out) {
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return !s.empty() && ec == std::errc() && ptr == end && std::isfinite(out);
}

}  // namespace

std::vector<double> VaryRange::values() const {
  std::vector<double> v;
  for (int i = 0; i < n; ++i)
    v.push_back(i == n - 1 ? to : from + (to - from) * static_cast<double>(i) / (n - 1));
  return v;
}

VaryRange parse_vary(const std::string& text) {
  const char* expected = "expected KEY.PATH=FROM:TO:N, e.g. ind.capacity_per_week.aa=300:600:4";
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) fail(text, "", expected);
  VaryRange r;
  r.text = text;
  r.path = text.substr(0, eq);
  if (scenario::split_key_path(r.path).empty())
    fail(text, r.path, fmt::format("not a key path ({})", expected));
  const std::string range = text.substr(eq + 1);
  const std::size_t c1 = range.find(':');
  const std::size_t c2 = c1 == std::string::npos ? c1 : range.find(':', c1 + 1);
  if (c2 == std::string::npos || range.find(':', c2 + 1) != std::string::npos)
    fail(text, r.path, fmt::format("'{}' is not a range ({})", range, expected));
  double n = 0;
  if (!parse_number(range.substr(0, c1), r.from))
    fail(text, r.path, fmt::format("FROM '{}' is not a number", range.substr(0, c1)));
  if (!parse_number(range.substr(c1 + 1, c2 - c1 - 1), r.to))
    fail(text, r.path, fmt::format("TO '{}' is not a number", range.substr(c1 + 1, c2 - c1 - 1)));
  if (!parse_number(range.substr(c2 + 1), n) || n != std::floor(n) || n < 2 || n > 1000)
    fail(text, r.path,
         fmt::format("N '{}' is not a number of points (expected a whole number from 2 to 1000)",
                     range.substr(c2 + 1)));
  if (r.from == r.to) fail(text, r.path, "FROM and TO are equal (expected a range)");
  r.n = static_cast<int>(n);
  return r;
}

std::vector<std::vector<double>> sweep_points(const std::vector<VaryRange>& ranges,
                                              SweepDesign design, std::uint64_t seed) {
  std::vector<std::vector<double>> points;
  if (ranges.empty()) return points;
  if (design == SweepDesign::kLatinHypercube) {
    for (const auto& r : ranges)
      if (r.n != ranges.front().n)
        fail(r.text, r.path,
             fmt::format("with --design lhs every --vary needs the same N, the number of points "
                         "(expected {}, as in --vary {})",
                         ranges.front().n, ranges.front().text));
    // Each range's values in an order of its own: a Fisher–Yates permutation on a fixed-seed
    // generator, so the design is the same on every platform and run.
    std::mt19937_64 gen(seed ^ 0x9E3779B97F4A7C15ULL);
    const auto n = static_cast<std::size_t>(ranges.front().n);
    points.assign(n, std::vector<double>(ranges.size()));
    for (std::size_t k = 0; k < ranges.size(); ++k) {
      std::vector<double> v = ranges[k].values();
      for (std::size_t i = n - 1; k > 0 && i > 0; --i) std::swap(v[i], v[gen() % (i + 1)]);
      for (std::size_t i = 0; i < n; ++i) points[i][k] = v[i];
    }
    return points;
  }
  std::size_t total = 1;
  for (const auto& r : ranges) {
    total *= static_cast<std::size_t>(r.n);
    if (total > kMaxSweepPoints)
      fail(r.text, r.path,
           fmt::format("the grid would have more than {} points (expected fewer values, or "
                       "--design lhs)",
                       kMaxSweepPoints));
  }
  for (std::size_t p = 0; p < total; ++p) {
    std::vector<double> point(ranges.size());
    std::size_t rest = p;
    for (std::size_t k = ranges.size(); k-- > 0;) {
      const auto n = static_cast<std::size_t>(ranges[k].n);
      point[k] = ranges[k].values()[rest % n];
      rest /= n;
    }
    points.push_back(std::move(point));
  }
  return points;
}

std::string sweep_csv(const SweepResult& r) {
  std::string out = "point";
  for (const auto& range : r.ranges) out += fmt::format(",{}", range.path);
  out += ",metric,when,mean,p05,p95\n";
  for (std::size_t p = 0; p < r.points.size(); ++p) {
    std::string prefix = fmt::format("{}", p + 1);
    for (double v : r.points[p].values) prefix += fmt::format(",{}", indicators::csv_value(v));
    for (std::size_t c = 0; c < r.grid.size(); ++c) {
      const Summary& s = r.points[p].cells[c];
      out += fmt::format("{},{},{},{},{},{}\n", prefix, r.grid[c].indicator->id,
                         r.grid[c].when.label(), indicators::csv_value(s.mean),
                         indicators::csv_value(s.p05), indicators::csv_value(s.p95));
    }
  }
  return out;
}

}  // namespace asylumsim::montecarlo
