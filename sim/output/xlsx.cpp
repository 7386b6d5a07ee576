#include "asylumsim/output/xlsx.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <xlsxwriter.h>

#include <array>
#include <cmath>
#include <functional>
#include <map>

#include "asylumsim/output/writers.hpp"
#include "asylumsim/version.hpp"

namespace asylumsim::output {

namespace {

namespace fs = std::filesystem;
using montecarlo::Cell;

// A fixed creation time (2000-01-01 UTC): the workbook must not carry the clock.
constexpr time_t kFixedCreated = 946684800;

struct Formats {
  lxw_format* bold;
  lxw_format* month;
  lxw_format* date;
};

lxw_datetime to_lxw(engine::Date d) {
  return {static_cast<int>(d.year()),
          static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day())),
          0,
          0,
          0.0};
}

void write_header(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const XlsxHeader& h,
                  const Formats& f) {
  if (const auto* d = std::get_if<engine::Date>(&h.value)) {
    lxw_datetime dt = to_lxw(*d);
    worksheet_write_datetime(ws, row, col, &dt, h.month ? f.month : f.date);
  } else if (const auto* y = std::get_if<int>(&h.value)) {
    worksheet_write_number(ws, row, col, *y, f.bold);
  } else {
    worksheet_write_string(ws, row, col, std::get<std::string>(h.value).c_str(), f.bold);
  }
}

lxw_row_t write_block(lxw_worksheet* ws, lxw_row_t row, const XlsxBlock& b, const Formats& f) {
  worksheet_write_string(ws, row++, 0, b.title.c_str(), f.bold);
  const auto labels = static_cast<lxw_col_t>(b.label_headers.size());
  for (lxw_col_t c = 0; c < labels; ++c)
    worksheet_write_string(ws, row, c, b.label_headers[c].c_str(), f.bold);
  for (std::size_t c = 0; c < b.columns.size(); ++c)
    write_header(ws, row, static_cast<lxw_col_t>(labels + c), b.columns[c], f);
  ++row;
  for (const auto& r : b.rows) {
    for (lxw_col_t c = 0; c < r.labels.size(); ++c)
      worksheet_write_string(ws, row, c, r.labels[c].c_str(), nullptr);
    for (std::size_t c = 0; c < r.values.size(); ++c)
      if (std::isfinite(r.values[c]))
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(labels + c), r.values[c], nullptr);
    ++row;
  }
  return row + 1;  // a blank line between blocks
}

void write_sheet(lxw_workbook* wb, const XlsxSheet& sheet, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (!ws) throw OutputError(fmt::format("results.xlsx: cannot add sheet '{}'", sheet.name));
  std::size_t labels = 1;
  for (const auto& b : sheet.blocks) labels = std::max(labels, b.label_headers.size());
  worksheet_set_column(ws, 0, static_cast<lxw_col_t>(labels - 1), 34, nullptr);
  worksheet_freeze_panes(ws, 0, static_cast<lxw_col_t>(labels));
  lxw_row_t row = 0;
  for (const auto& b : sheet.blocks) row = write_block(ws, row, b, f);
}

void write_pairs(lxw_workbook* wb, const char* name,
                 const std::vector<std::pair<std::string, std::string>>& pairs, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 90, nullptr);
  lxw_row_t row = 0;
  for (const auto& [k, v] : pairs) {
    worksheet_write_string(ws, row, 0, k.c_str(), f.bold);
    worksheet_write_string(ws, row++, 1, v.c_str(), nullptr);
  }
}

// The header of a grid cell's period or date, and the block it belongs to.
std::pair<int, XlsxHeader> column_of(const indicators::When& w) {
  using K = engine::Period::Kind;
  if (w.date) return {3, {*w.date, false}};
  const engine::Period& p = *w.period;
  if (p.kind == K::kMonth) return {0, {p.first_day(), true}};
  if (p.kind == K::kYear) return {2, {p.year, false}};
  return {1, {p.label(), false}};
}

const char* kBlockTitles[] = {"Flows per month", "Flows per half-year or quarter", "Flows per year",
                              "Stocks on the date"};

// Cells grouped into blocks (by kind of period) and, within a block, into a row per label set and
// a column per period, in the grid's order. `value(c)` gives cell c's number for this sheet.
XlsxSheet wide_sheet(const std::string& name, const std::vector<Cell>& grid,
                     const std::vector<std::string>& label_headers,
                     const std::vector<std::vector<std::string>>& label_sets,
                     const std::function<double(std::size_t set, std::size_t cell)>& value) {
  std::array<XlsxBlock, 4> blocks;
  std::array<std::map<std::string, std::size_t>, 4> col_of, row_of;
  for (std::size_t set = 0; set < label_sets.size(); ++set)
    for (std::size_t c = 0; c < grid.size(); ++c) {
      const auto [b, header] = column_of(grid[c].when);
      auto& block = blocks[static_cast<std::size_t>(b)];
      const auto col = col_of[b].try_emplace(grid[c].when.label(), block.columns.size()).first;
      if (col->second == block.columns.size()) block.columns.push_back(header);
      std::vector<std::string> labels = label_sets[set];
      labels.push_back(grid[c].indicator->id);
      const std::string key = fmt::format("{}", fmt::join(labels, "\x1f"));
      const auto r = row_of[b].try_emplace(key, block.rows.size()).first;
      if (r->second == block.rows.size()) block.rows.push_back({labels, {}});
      auto& values = block.rows[r->second].values;
      if (values.size() <= col->second) values.resize(col->second + 1, NAN);
      values[col->second] = value(set, c);
    }
  XlsxSheet sheet{name, {}};
  for (std::size_t b = 0; b < 4; ++b) {
    if (blocks[b].rows.empty()) continue;
    blocks[b].title = kBlockTitles[b];
    blocks[b].label_headers = label_headers;
    blocks[b].label_headers.push_back("indicator");
    sheet.blocks.push_back(std::move(blocks[b]));
  }
  return sheet;
}

}  // namespace

void write_xlsx(const fs::path& path, const XlsxBook& book) {
  const fs::path partial = path.parent_path() / ("." + path.filename().string() + ".partial");
  lxw_workbook* wb = workbook_new(partial.string().c_str());
  if (!wb) throw OutputError(fmt::format("cannot write {}", partial.string()));
  lxw_doc_properties props{};
  props.title = const_cast<char*>("asylumsim results");
  props.created = kFixedCreated;
  workbook_set_properties(wb, &props);
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.bold);
  format_set_num_format(f.month, "yyyy-mm");
  format_set_bold(f.month);
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_bold(f.date);
  for (const auto& sheet : book.sheets) write_sheet(wb, sheet, f);
  write_pairs(wb, "settings", book.settings, f);
  std::vector<std::pair<std::string, std::string>> warnings;
  for (std::size_t i = 0; i < book.warnings.size(); ++i)
    warnings.emplace_back(fmt::format("{}", i + 1), book.warnings[i]);
  if (warnings.empty()) warnings.emplace_back("none", "no warnings");
  write_pairs(wb, "warnings", warnings, f);
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    fs::remove(partial);
    throw OutputError(fmt::format("cannot write {}: {}", path.string(), lxw_strerror(err)));
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) throw OutputError(fmt::format("cannot write {}: {}", path.string(), ec.message()));
}

std::vector<std::pair<std::string, std::string>> xlsx_settings(const scenario::Scenario& s,
                                                               std::uint64_t replications) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"program", fmt::format("asylumsim {} (commit {})", kVersion, kGitCommit)},
      {"scenario", s.name},
      {"scenario file", s.file},
      {"horizon",
       fmt::format("{} to {}", engine::format_date(s.start), engine::format_date(s.end))},
      {"seed", fmt::format("{}", s.seed)},
      {"replications", fmt::format("{}", replications)}};
  for (const auto& o : s.overrides) out.emplace_back("--set", o);
  if (!s.inflow.first_applications_file.empty())
    out.emplace_back("first applications file", s.inflow.first_applications_file);
  return out;
}

std::vector<XlsxSheet> series_sheets(const montecarlo::BatchResult& r) {
  const auto sums = r.summaries();
  const char* names[] = {"mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max"};
  double montecarlo::Summary::*fields[] = {
      &montecarlo::Summary::mean, &montecarlo::Summary::sd,  &montecarlo::Summary::min,
      &montecarlo::Summary::p05,  &montecarlo::Summary::p25, &montecarlo::Summary::p50,
      &montecarlo::Summary::p75,  &montecarlo::Summary::p95, &montecarlo::Summary::max};
  std::vector<XlsxSheet> out;
  for (std::size_t k = 0; k < 9; ++k)
    out.push_back(wide_sheet(names[k], r.grid, {}, {{}},
                             [&](std::size_t, std::size_t c) { return sums[c].*fields[k]; }));
  return out;
}

std::vector<XlsxSheet> comparison_sheets(const std::vector<scenario::Scenario>& variants,
                                         const std::vector<montecarlo::Comparison>& cs) {
  std::vector<std::vector<std::string>> sets;
  for (std::size_t v = 0; v < cs.size() && v < variants.size(); ++v)
    sets.push_back({variants[v].name});
  if (cs.empty()) return {};
  using D = montecarlo::Difference;
  const std::vector<std::pair<const char*, std::function<double(const D&)>>> stats = {
      {"base_mean", [](const D& d) { return d.base.mean; }},
      {"variant_mean", [](const D& d) { return d.variant.mean; }},
      {"diff_mean", [](const D& d) { return d.diff.mean; }},
      {"ci95_low", [](const D& d) { return d.ci_low; }},
      {"ci95_high", [](const D& d) { return d.ci_high; }}};
  std::vector<XlsxSheet> out;
  for (const auto& stat : stats) {
    const auto& get = stat.second;  // not a structured binding: clang 14 cannot capture those
    out.push_back(wide_sheet(stat.first, cs.front().grid, {"variant"}, sets,
                             [&](std::size_t v, std::size_t c) {
                               return c < cs[v].cells.size() ? get(cs[v].cells[c]) : NAN;
                             }));
  }
  return out;
}

std::vector<XlsxSheet> sweep_sheets(const montecarlo::SweepResult& r) {
  std::vector<std::string> headers = {"point"};
  for (const auto& range : r.ranges) headers.push_back(range.path);
  std::vector<std::vector<std::string>> sets;
  for (std::size_t p = 0; p < r.points.size(); ++p) {
    sets.push_back({fmt::format("{}", p + 1)});
    for (double v : r.points[p].values) sets.back().push_back(fmt::format("{}", v));
  }
  std::vector<XlsxSheet> out;
  for (const auto& stat :
       {std::pair{"mean", &montecarlo::Summary::mean}, std::pair{"p05", &montecarlo::Summary::p05},
        std::pair{"p95", &montecarlo::Summary::p95}}) {
    const auto field = stat.second;  // not a structured binding: clang 14 cannot capture those
    out.push_back(wide_sheet(stat.first, r.grid, headers, sets, [&](std::size_t p, std::size_t c) {
      return r.points[p].cells[c].*field;
    }));
  }
  return out;
}

std::vector<XlsxSheet> validation_sheets(const std::vector<ValidationRow>& rows) {
  XlsxBlock block;
  block.title = "Documented figures against the model";
  block.label_headers = {"id", "when"};
  for (const char* h : {"target", "model_mean", "model_p05", "model_p95", "rel_error"})
    block.columns.push_back({std::string(h), false});
  for (const auto& r : rows)
    block.rows.push_back({{r.target->id, r.target->when.label()},
                          {r.target->value, r.model.mean, r.model.p05, r.model.p95, r.rel_error}});
  return {XlsxSheet{"validation", {std::move(block)}}};
}

}  // namespace asylumsim::output
