#include "asylumsim/montecarlo/compare.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/students_t.hpp>
#include <stdexcept>

#include "asylumsim/indicators/by_group.hpp"
#include "asylumsim/scenario/resolve.hpp"

namespace asylumsim::montecarlo {

std::vector<Cell> yearly_grid(const scenario::Scenario& s) {
  using K = indicators::Indicator::Kind;
  std::vector<Cell> grid;
  const int y0 = static_cast<int>(s.start.year()), y1 = static_cast<int>(s.end.year());
  const engine::Calendar cal = s.calendar();
  // The catalogue, then the per-group indicators (after every chain-wide row, which keep their
  // places in comparison.csv and sweep.csv).
  std::vector<const indicators::Indicator*> indicators;
  for (const auto& ind : indicators::indicator_catalogue()) indicators.push_back(&ind);
  for (const indicators::Indicator* ind : indicators::group_indicators(s))
    indicators.push_back(ind);
  for (const indicators::Indicator* p : indicators) {
    const indicators::Indicator& ind = *p;
    for (int y = y0; y <= y1; ++y) {
      const engine::Period year{engine::Period::Kind::kYear, y, 1};
      if (cal.month_index(year.first_day()) < 0 || cal.month_index(year.end_day()) > s.months())
        continue;
      if (ind.kind == K::kStock || ind.kind == K::kStockRatio)
        grid.push_back({&ind, {std::nullopt, year.end_day()}});
      else
        grid.push_back({&ind, {year, std::nullopt}});
    }
  }
  return grid;
}

void check_comparable(const scenario::Scenario& base, const scenario::Scenario& variant) {
  if (base.start != variant.start || base.end != variant.end) {
    const char* key = base.start != variant.start ? "start" : "end";
    const std::string message = fmt::format(
        "the variant covers {} to {}, the base {} {} to {}: a paired comparison needs the same "
        "horizon (expected scenario.start {} and scenario.end {})",
        engine::format_date(variant.start), engine::format_date(variant.end), base.file,
        engine::format_date(base.start), engine::format_date(base.end),
        engine::format_date(base.start), engine::format_date(base.end));
    scenario::Diagnostics d;
    try {
      d.add(scenario::locate(scenario::extends_chain(variant.file), {"scenario", key}, message,
                             false));
    } catch (const scenario::InputError&) {  // not a file (a scenario given as text)
      d.add({variant.file, 0, 0, fmt::format("scenario.{}", key), message});
    }
    throw scenario::InputError(std::move(d));
  }
  // The per-group rows are the base's groups: the variant must have each of them, or its values
  // would read as zero instead of missing.
  for (const auto& g : base.groups)
    if (variant.group_index(g.name) < 0) {
      scenario::Diagnostics d;
      d.add({variant.file, 0, 0, "groups",
             fmt::format("has no nationality group '{}', which the base {} has (expected every "
                         "group of the base, so that the groups' results can be paired)",
                         g.name, base.file)});
      throw scenario::InputError(d);
    }
}

namespace {

// Per total, the grid's yearly cells of that indicator.
std::vector<std::vector<std::size_t>> yearly_cells_of(const std::vector<Cell>& grid,
                                                      const std::vector<std::string>& ids) {
  std::vector<std::vector<std::size_t>> out(ids.size());
  for (std::size_t t = 0; t < ids.size(); ++t)
    for (std::size_t c = 0; c < grid.size(); ++c)
      if (grid[c].indicator->id == ids[t] && grid[c].when.period &&
          grid[c].when.period->kind == engine::Period::Kind::kYear)
        out[t].push_back(c);
  return out;
}

Difference difference(const Aggregator& a, std::size_t base, std::size_t variant, std::size_t diff,
                      double t, bool enough) {
  Difference d{a.summary(base), a.summary(variant), a.summary(diff)};
  const double half = t * d.diff.standard_error();
  d.ci_low = d.diff.mean - half;
  d.ci_high = d.diff.mean + half;
  d.distinguishable = enough && (d.ci_low > 0 || d.ci_high < 0);
  return d;
}

}  // namespace

Comparison run_comparison(const scenario::Scenario& base, const scenario::Scenario& variant,
                          const std::vector<Cell>& grid, BatchOptions opt,
                          bool common_random_numbers,
                          const std::vector<std::string>& horizon_totals) {
  check_comparable(base, variant);
  const std::size_t n_cells = grid.size();
  const auto sums = yearly_cells_of(grid, horizon_totals);
  const std::size_t n_totals = sums.size();
  const auto offset = static_cast<std::uint64_t>(opt.replications);
  auto variant_seeded = variant;
  variant_seeded.seed = base.seed;  // the pairing is by (seed, replication): one seed for both
  opt.row_fn = [&, common_random_numbers](std::uint64_t rep) {
    std::vector<double> row = replication_row(base, grid, rep);
    const std::vector<double> v =
        replication_row(variant_seeded, grid, common_random_numbers ? rep : rep + offset);
    row.reserve(3 * (n_cells + n_totals));
    row.insert(row.end(), v.begin(), v.end());
    for (std::size_t c = 0; c < n_cells; ++c) row.push_back(v[c] - row[c]);
    for (std::size_t part = 0; part < 3; ++part)  // base, variant, difference
      for (const auto& cells : sums) {
        double total = 0;
        for (std::size_t c : cells) total += row[part * n_cells + c];
        row.push_back(total);
      }
    return row;
  };
  BatchResult r;
  r.grid = grid;
  r.aggregator = Aggregator(3 * n_cells + 3 * n_totals, opt.exact_limit);
  extend_batch(base, opt, r);
  Comparison out;
  out.grid = grid;
  out.replications = r.replications();
  out.common_random_numbers = common_random_numbers;
  out.interrupted = r.interrupted;
  if (!r.is_root) return out;
  const double n = static_cast<double>(out.replications);
  const double t =
      out.replications > 1 ? boost::math::quantile(boost::math::students_t(n - 1.0), 0.975) : 0.0;
  const bool enough = out.replications > 1;
  for (std::size_t c = 0; c < n_cells; ++c)
    out.cells.push_back(difference(r.aggregator, c, n_cells + c, 2 * n_cells + c, t, enough));
  const std::size_t first = 3 * n_cells;
  for (std::size_t k = 0; k < n_totals; ++k)
    out.totals.emplace_back(horizon_totals[k],
                            difference(r.aggregator, first + k, first + n_totals + k,
                                       first + 2 * n_totals + k, t, enough));
  return out;
}

}  // namespace asylumsim::montecarlo
