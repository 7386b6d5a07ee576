#include "asylumsim/montecarlo/compare.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/students_t.hpp>
#include <stdexcept>

#include "asylumsim/model/metrics_by_group.hpp"

namespace asylumsim::montecarlo {

std::vector<Cell> yearly_grid(const scenario::Scenario& s) {
  using K = model::Indicator::Kind;
  std::vector<Cell> grid;
  const int y0 = static_cast<int>(s.start.year()), y1 = static_cast<int>(s.end.year());
  const engine::Calendar cal = s.calendar();
  // The catalogue, then the per-group indicators (after every chain-wide row, which keep their
  // places in comparison.csv and sweep.csv).
  std::vector<const model::Indicator*> indicators;
  for (const auto& ind : model::indicator_catalogue()) indicators.push_back(&ind);
  for (const model::Indicator* ind : model::group_indicators(s)) indicators.push_back(ind);
  for (const model::Indicator* p : indicators) {
    const model::Indicator& ind = *p;
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
  if (base.start != variant.start || base.end != variant.end)
    throw std::runtime_error(fmt::format(
        "{} and {} cover different periods ({} to {} vs {} to {}): a paired comparison needs the "
        "same horizon",
        base.file, variant.file, engine::format_date(base.start), engine::format_date(base.end),
        engine::format_date(variant.start), engine::format_date(variant.end)));
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

Comparison run_comparison(const scenario::Scenario& base, const scenario::Scenario& variant,
                          const std::vector<Cell>& grid, BatchOptions opt,
                          bool common_random_numbers) {
  check_comparable(base, variant);
  const std::size_t n_cells = grid.size();
  const auto offset = static_cast<std::uint64_t>(opt.replications);
  auto variant_seeded = variant;
  variant_seeded.seed = base.seed;  // the pairing is by (seed, replication): one seed for both
  opt.row_fn = [&, common_random_numbers](std::uint64_t rep) {
    std::vector<double> row = replication_row(base, grid, rep);
    const std::vector<double> v =
        replication_row(variant_seeded, grid, common_random_numbers ? rep : rep + offset);
    row.reserve(3 * n_cells);
    row.insert(row.end(), v.begin(), v.end());
    for (std::size_t c = 0; c < n_cells; ++c) row.push_back(v[c] - row[c]);
    return row;
  };
  BatchResult r;
  r.grid = grid;
  r.aggregator = Aggregator(3 * n_cells, opt.exact_limit);
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
  for (std::size_t c = 0; c < n_cells; ++c) {
    Difference d{r.aggregator.summary(c), r.aggregator.summary(n_cells + c),
                 r.aggregator.summary(2 * n_cells + c)};
    const double half = t * d.diff.standard_error();
    d.ci_low = d.diff.mean - half;
    d.ci_high = d.diff.mean + half;
    d.distinguishable = out.replications > 1 && (d.ci_low > 0 || d.ci_high < 0);
    out.cells.push_back(d);
  }
  return out;
}

}  // namespace asylumsim::montecarlo
