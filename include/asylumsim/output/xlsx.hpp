// results.xlsx (`--xlsx` on run, validate, compare and sweep): the results as an Excel workbook
// that reads the same in every locale — numbers are stored as numbers and dates as dates (never
// text that a Dutch Excel would misread), with a wide sheet per statistic (indicators as rows,
// periods as columns), a settings sheet and a warnings sheet.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/montecarlo/sweep.hpp"
#include "asylumsim/output/validation.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::output {

// A column header: a date (months as their first day shown yyyy-mm, stock dates yyyy-mm-dd), a
// year (a number) or a text (half-years, "2024-H1").
struct XlsxHeader {
  std::variant<engine::Date, int, std::string> value;
  bool month = false;  // a date that stands for its calendar month
};
struct XlsxRow {
  std::vector<std::string> labels;  // e.g. the indicator id; a variant or point first
  std::vector<double> values;       // one per column; NaN: empty cell
};
// A block of a sheet: a title line, a header row, then rows.
struct XlsxBlock {
  std::string title;
  std::vector<std::string> label_headers;
  std::vector<XlsxHeader> columns;
  std::vector<XlsxRow> rows;
};
struct XlsxSheet {
  std::string name;  // at most 31 characters
  std::vector<XlsxBlock> blocks;
};
struct XlsxBook {
  std::vector<XlsxSheet> sheets;
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<std::string> warnings;
};

// Writes the workbook to a temporary name beside `path` and renames it (throws OutputError).
// The file carries no clock time: same results, same bytes.
void write_xlsx(const std::filesystem::path& path, const XlsxBook& book);

// The scenario, seed, replications, --set options and program version, for the settings sheet
// (not the command line: the workbook must be the same bytes whatever --threads or --out).
std::vector<std::pair<std::string, std::string>> xlsx_settings(const scenario::Scenario& s,
                                                               std::uint64_t replications);

// Sheets per statistic of series.csv (mean, sd, min, p05, p25, p50, p75, p95, max), each with a
// block per kind of period: months, half-years, years (flows) and dates (stocks).
std::vector<XlsxSheet> series_sheets(const montecarlo::BatchResult& r);
// base_mean, variant_mean, diff_mean, ci95_low, ci95_high: rows variant × indicator.
std::vector<XlsxSheet> comparison_sheets(const std::vector<scenario::Scenario>& variants,
                                         const std::vector<montecarlo::Comparison>& cs);
// mean, p05, p95: rows point × indicator, with the point's values as label columns.
std::vector<XlsxSheet> sweep_sheets(const montecarlo::SweepResult& r);
// One sheet: validation.csv as a table (id, when, target, model mean, p05, p95, relative error).
std::vector<XlsxSheet> validation_sheets(const std::vector<ValidationRow>& rows);

}  // namespace asylumsim::output
