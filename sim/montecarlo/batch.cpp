#include "asylumsim/montecarlo/batch.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::montecarlo {

std::vector<Cell> default_grid(const scenario::Scenario& s) {
  using K = model::Indicator::Kind;
  std::vector<Cell> grid;
  const engine::Calendar cal = s.calendar();
  const int months = s.months();
  std::vector<engine::Period> periods;
  const int y0 = static_cast<int>(s.start.year());
  const int y1 = static_cast<int>(s.end.year());
  for (int y = y0; y <= y1; ++y) {
    periods.push_back({engine::Period::Kind::kYear, y, 1});
    for (int h = 1; h <= 2; ++h) periods.push_back({engine::Period::Kind::kHalf, y, h});
  }
  for (int m = 0; m < months; ++m) {
    const engine::Date d = cal.month_first_day(m);
    periods.push_back(engine::period_containing(d, engine::Period::Kind::kMonth));
  }
  auto inside = [&](const engine::Period& p) {
    return cal.month_index(p.first_day()) >= 0 && cal.month_index(p.end_day()) <= months;
  };
  for (const auto& ind : model::indicator_catalogue()) {
    const bool stock = ind.kind == K::kStock || ind.kind == K::kStockRatio;
    if (stock) {
      for (int b = 0; b <= months; ++b)
        grid.push_back({&ind, {std::nullopt, cal.month_first_day(b)}});
    } else {
      for (const auto& p : periods)
        if (inside(p)) grid.push_back({&ind, {p, std::nullopt}});
    }
  }
  return grid;
}

double quantile_sorted(const std::vector<double>& v, double p) {
  if (v.empty()) return 0.0;
  const double h = (static_cast<double>(v.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Summary summarise(std::vector<double> v) {
  Summary s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - s.mean) * (x - s.mean);
  s.sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0.0;
  s.min = v.front();
  s.max = v.back();
  s.p05 = quantile_sorted(v, 0.05);
  s.p25 = quantile_sorted(v, 0.25);
  s.p50 = quantile_sorted(v, 0.50);
  s.p75 = quantile_sorted(v, 0.75);
  s.p95 = quantile_sorted(v, 0.95);
  return s;
}

std::vector<Summary> BatchResult::summaries() const {
  std::vector<Summary> out(grid.size());
  std::vector<double> column(values.size());
  for (std::size_t c = 0; c < grid.size(); ++c) {
    for (std::size_t r = 0; r < values.size(); ++r) column[r] = values[r][c];
    out[c] = summarise(column);
  }
  return out;
}

BatchResult run_batch(const scenario::Scenario& s, const std::vector<Cell>& grid,
                      const BatchOptions& opt) {
  BatchResult result;
  result.grid = grid;
  result.values.assign(static_cast<std::size_t>(opt.replications), {});
  const engine::Calendar cal = s.calendar();
  std::atomic<int> next{0};
  std::atomic<int> done{0};
  std::mutex mu;
  std::exception_ptr failure;
  auto worker = [&]() {
    for (;;) {
      const int r = next.fetch_add(1);
      if (r >= opt.replications) return;
      try {
        model::ChainModel m(s, opt.first_replication + static_cast<std::uint64_t>(r));
        const model::RunTotals t = m.run();
        std::vector<double> row(grid.size());
        for (std::size_t c = 0; c < grid.size(); ++c) {
          std::string err;
          row[c] = model::evaluate(m.recorder(), cal, *grid[c].indicator, grid[c].when, &err)
                       .value_or(0.0);
        }
        std::lock_guard lock(mu);
        result.values[static_cast<std::size_t>(r)] = std::move(row);
        result.events += t.events;
        result.persons += t.persons;
        result.cpu_seconds += t.seconds;
        const int d = ++done;
        if (opt.progress) opt.progress(d, opt.replications);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::current_exception();
        next = opt.replications;  // stop handing out work
        return;
      }
    }
  };
  const int nthreads = std::max(1, std::min(opt.threads, opt.replications));
  std::vector<std::thread> pool;
  for (int i = 1; i < nthreads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return result;
}

}  // namespace asylumsim::montecarlo
