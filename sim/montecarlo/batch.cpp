#include "asylumsim/montecarlo/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "asylumsim/indicators/by_group.hpp"
#include "asylumsim/model/chain_model.hpp"
#include "asylumsim/montecarlo/distributed.hpp"

namespace asylumsim::montecarlo {

std::vector<Cell> default_grid(const scenario::Scenario& s) {
  using K = indicators::Indicator::Kind;
  std::vector<Cell> grid;
  const engine::Calendar cal = s.calendar();
  const int months = s.months();
  std::vector<engine::Period> periods;
  for (int y = static_cast<int>(s.start.year()); y <= static_cast<int>(s.end.year()); ++y) {
    periods.push_back({engine::Period::Kind::kYear, y, 1});
    for (int h = 1; h <= 2; ++h) periods.push_back({engine::Period::Kind::kHalf, y, h});
  }
  for (int m = 0; m < months; ++m)
    periods.push_back(
        engine::period_containing(cal.month_first_day(m), engine::Period::Kind::kMonth));
  auto inside = [&](const engine::Period& p) {
    return cal.month_index(p.first_day()) >= 0 && cal.month_index(p.end_day()) <= months;
  };
  auto add = [&](const indicators::Indicator& ind) {
    if (ind.kind == K::kStock || ind.kind == K::kStockRatio) {
      for (int b = 0; b <= months; ++b)
        grid.push_back({&ind, {std::nullopt, cal.month_first_day(b)}});
    } else {
      for (const auto& p : periods)
        if (inside(p)) grid.push_back({&ind, {p, std::nullopt}});
    }
  };
  for (const auto& ind : indicators::indicator_catalogue()) add(ind);
  // Per-group indicators come last, so every chain-wide row keeps its place in series.csv.
  for (const indicators::Indicator* ind : indicators::group_indicators(s)) add(*ind);
  return grid;
}

std::vector<Summary> BatchResult::summaries() const {
  std::vector<Summary> out(grid.size());
  for (std::size_t c = 0; c < grid.size(); ++c) out[c] = aggregator.summary(c);
  return out;
}

std::vector<double> replication_row(const scenario::Scenario& s, const std::vector<Cell>& grid,
                                    std::uint64_t replication, std::uint64_t* events,
                                    std::uint64_t* persons, engine::Tick run_until) {
  if (s.draws)  // this replication's parameter set and inflow path (montecarlo/uncertainty.hpp)
    return replication_row(s.draws->scenario_for(s, replication), grid, replication, events,
                           persons, run_until);
  model::ChainModel m(s, replication);
  const model::RunTotals t = m.run(run_until);
  if (events) *events = t.events;
  if (persons) *persons = t.persons;
  const engine::Calendar cal = s.calendar();
  std::vector<double> row(grid.size());
  for (std::size_t c = 0; c < grid.size(); ++c)
    row[c] = indicators::evaluate(m.recorder(), cal, *grid[c].indicator, grid[c].when, nullptr)
                 .value_or(0.0);
  return row;
}

void extend_batch(const scenario::Scenario& s, const BatchOptions& opt, BatchResult& result) {
  const int ranks = Distributed::size();
  const int rank = Distributed::rank();
  const bool root = rank == 0;
  result.is_root = root;
  const auto n = static_cast<std::uint64_t>(opt.replications);
  const std::uint64_t first = opt.first_replication;
  if (root && result.aggregator.cells() == 0)
    result.aggregator = Aggregator(result.grid.size(), opt.exact_limit);

  // Replication indices are dealt round-robin over ranks: rank r computes r, r + K, r + 2K, ...
  const std::uint64_t mine = n > static_cast<std::uint64_t>(rank) ? (n - 1 - rank) / ranks + 1 : 0;
  int done = 0;
  OrderedFeed feed(first, [&](std::uint64_t rep, const std::vector<double>& row) {
    result.aggregator.add(row);
    if (opt.on_row) opt.on_row(rep, row);
    ++done;
    if (opt.progress) opt.progress(done, opt.replications);
  });

  std::atomic<std::uint64_t> next{0};
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::pair<std::uint64_t, std::vector<double>>> outbox;  // non-root ranks
  std::exception_ptr failure;
  std::uint64_t events = 0, persons = 0;
  double cpu = 0;
  auto worker = [&]() {
    for (;;) {
      if (opt.stop && opt.stop->load()) return;
      const std::uint64_t j = next.fetch_add(1);
      if (j >= mine) return;
      const std::uint64_t rep =
          first + static_cast<std::uint64_t>(rank) + j * static_cast<std::uint64_t>(ranks);
      try {
        std::uint64_t ev = 0, pe = 0;
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<double> row =
            opt.row_fn ? opt.row_fn(rep)
                       : replication_row(s, result.grid, rep, &ev, &pe, opt.run_until);
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        {
          std::lock_guard lock(mu);
          events += ev;
          persons += pe;
          cpu += secs;
        }
        if (root) {
          feed.submit(rep, std::move(row));
        } else {
          std::lock_guard lock(mu);
          outbox.emplace_back(rep, std::move(row));
          cv.notify_one();
        }
      } catch (...) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::current_exception();
        next = mine;  // stop handing out work
        cv.notify_one();
        return;
      }
    }
  };
  const int nthreads =
      static_cast<int>(std::max<std::uint64_t>(1, std::min<std::uint64_t>(opt.threads, mine)));
  std::vector<std::thread> pool;
  for (int i = 0; i < nthreads; ++i) pool.emplace_back(worker);

  // The main thread does the MPI traffic (MPI_THREAD_FUNNELED): sending on other ranks,
  // receiving on the root.
  if (!root) {
    std::uint64_t sent = 0;
    while (sent < mine) {
      std::unique_lock lock(mu);
      cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return !outbox.empty() || failure; });
      if (failure || (outbox.empty() && opt.stop && opt.stop->load())) break;
      if (outbox.empty()) continue;
      auto item = std::move(outbox.front());
      outbox.pop_front();
      lock.unlock();
      Distributed::send_row(item.first, item.second);
      ++sent;
    }
  } else if (ranks > 1) {
    std::uint64_t rep = 0;
    std::vector<double> row;
    while (feed.next() < first + n) {
      {
        std::lock_guard lock(mu);
        if (failure || (opt.stop && opt.stop->load())) break;
      }
      if (Distributed::try_receive_row(&rep, &row))
        feed.submit(rep, std::move(row));
      else
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }
  for (auto& t : pool) t.join();
  if (failure) {
    if (ranks > 1) {
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "asylumsim: rank %d: %s\n", rank, e.what());
      }
      Distributed::abort(4);
    }
    std::rethrow_exception(failure);
  }
  if (opt.stop && opt.stop->load() && feed.next() < first + n) result.interrupted = true;
  Distributed::reduce_totals(&events, &persons, &cpu);
  result.events += events;
  result.persons += persons;
  result.cpu_seconds += cpu;
}

BatchResult run_batch(const scenario::Scenario& s, const std::vector<Cell>& grid,
                      const BatchOptions& opt) {
  BatchResult r;
  r.grid = grid;
  r.aggregator = Aggregator(grid.size(), opt.exact_limit);
  extend_batch(s, opt, r);
  return r;
}

}  // namespace asylumsim::montecarlo
