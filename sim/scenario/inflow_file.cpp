#include "asylumsim/scenario/inflow_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "asylumsim/engine/rng.hpp"

namespace asylumsim::scenario {

namespace {

constexpr const char* kKey = "inflow.first_applications_file";

struct Field {
  std::string text;
  int column = 1;  // 1-based
};

std::vector<Field> split_csv_line(const std::string& line) {
  std::vector<Field> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string::npos ? line.size() : comma;
    std::size_t b = start, e = end;
    while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    out.push_back({line.substr(b, e - b), static_cast<int>(b) + 1});
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// One row of the file, checked.
struct Row {
  int line = 0;
  int month = 0;   // index since the scenario's start month (may lie outside the horizon)
  int group = -1;  // -1: all groups (month,persons)
  double persons = 0;
};

class CsvReader {
 public:
  CsvReader(const YamlView& v, const Scenario& s, std::string path)
      : v_(v), s_(s), path_(std::move(path)), cal_(s.start) {}

  std::vector<Row> read(std::istream& in) {
    std::vector<Row> rows;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a BOM from Excel
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      if (n == 1) {
        header(line);
        if (columns_ == 0) return {};
        continue;
      }
      if (auto r = row(line, n)) rows.push_back(*r);
    }
    if (n == 0) error(1, 1, "the file is empty (expected a header: month,persons)");
    return rows;
  }
  bool by_group() const { return columns_ == 3; }
  void error(int line, int column, const std::string& message) const {
    v_.diagnostics().add({path_, line, column, kKey, message});
  }

 private:
  void header(const std::string& line) {
    std::string h;
    for (const auto& f : split_csv_line(line)) h += (h.empty() ? "" : ",") + f.text;
    if (h == "month,persons")
      columns_ = 2;
    else if (h == "month,group,persons")
      columns_ = 3;
    else
      error(1, 1, fmt::format("header '{}' (expected month,persons or month,group,persons)", h));
  }

  std::optional<Row> row(const std::string& line, int n) const {
    const auto f = split_csv_line(line);
    if (static_cast<int>(f.size()) != columns_) {
      error(n, 1,
            fmt::format("{} fields (expected {}: {})", f.size(), columns_,
                        by_group() ? "month,group,persons" : "month,persons"));
      return std::nullopt;
    }
    Row r{n, 0, -1, 0};
    const auto p = engine::parse_period(f[0].text);
    if (!p || p->kind != engine::Period::Kind::kMonth || f[0].text.size() != 7) {
      error(n, f[0].column, fmt::format("'{}' is not a month (expected YYYY-MM)", f[0].text));
      return std::nullopt;
    }
    r.month = cal_.month_index(p->first_day());
    if (by_group()) {
      r.group = s_.group_index(f[1].text);
      if (r.group < 0) {
        std::vector<std::string> names;
        for (const auto& g : s_.groups) names.push_back(g.name);
        const std::string near = suggest(f[1].text, names);
        error(n, f[1].column,
              fmt::format("unknown group '{}'{} (expected one of the scenario's groups)", f[1].text,
                          near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
        return std::nullopt;
      }
    }
    const Field& pf = f.back();
    const char* end = pf.text.data() + pf.text.size();
    const auto [ptr, ec] = std::from_chars(pf.text.data(), end, r.persons);
    // More than ten million a month is a typo (a missing decimal point), not a forecast; the
    // model would try to simulate every one of them.
    if (pf.text.empty() || ec != std::errc() || ptr != end || !std::isfinite(r.persons) ||
        r.persons < 0 || r.persons > 1e7) {
      error(n, pf.column,
            fmt::format("'{}' is not a number of persons (expected a number from 0 to "
                        "10,000,000, with '.' as the decimal point)",
                        pf.text));
      return std::nullopt;
    }
    return r;
  }

  const YamlView& v_;
  const Scenario& s_;
  std::string path_;
  engine::Calendar cal_;
  int columns_ = 0;
};

// The groups' shares of first applications at the start of month `m` (their rates' proportions).
std::vector<double> group_shares(const Scenario& s, int m) {
  const engine::Calendar cal(s.start);
  const Tick t = std::max<Tick>(0, cal.to_tick(cal.month_first_day(m)));
  std::vector<double> shares;
  double total = 0;
  for (const auto& g : s.groups) total += shares.emplace_back(g.first_applications_per_year.at(t));
  for (auto& x : shares) x = total > 0 ? x / total : 0;
  return shares;
}

int horizon_months(const Scenario& s) {
  return engine::Calendar(s.start).month_index(s.end) + 1;
}

// Fills the per-month, per-group table from the checked rows; reports duplicates and gaps.
void fill(const CsvReader& csv, const std::vector<Row>& rows, Scenario& s) {
  const int months = horizon_months(s);
  const std::size_t groups = s.groups.size();
  auto& table = s.inflow.first_applications_by_month;
  table.assign(static_cast<std::size_t>(months), {});
  std::map<std::pair<int, int>, int> seen;  // (month, group) -> line
  std::map<int, int> first_line;            // month -> line of its first row
  bool inside = false;
  for (const Row& r : rows) {
    const auto [it, fresh] = seen.emplace(std::pair{r.month, r.group}, r.line);
    if (!fresh) {
      csv.error(r.line, 1,
                fmt::format("this month{} is already given on line {}",
                            r.group >= 0 ? " and group" : "", it->second));
      continue;
    }
    first_line.emplace(r.month, r.line);
    if (r.month < 0 || r.month >= months) continue;  // outside the horizon: not used
    inside = true;
    auto& cell = table[static_cast<std::size_t>(r.month)];
    if (cell.empty()) cell.assign(groups, 0.0);
    if (r.group >= 0) {
      cell[static_cast<std::size_t>(r.group)] = r.persons;
    } else {
      const auto shares = group_shares(s, r.month);
      if (std::all_of(shares.begin(), shares.end(), [](double x) { return x == 0; }))
        csv.error(r.line, 1,
                  "the groups' first_applications_per_year are all 0 this month, so the total "
                  "cannot be split (give month,group,persons)");
      for (std::size_t g = 0; g < groups; ++g) cell[g] = r.persons * shares[g];
    }
  }
  if (csv.by_group())
    for (const auto& [month, line] : first_line)
      for (std::size_t g = 0; g < groups; ++g)
        if (!seen.count({month, static_cast<int>(g)}))
          csv.error(line, 1,
                    fmt::format("this month has no row for group '{}' (expected one row "
                                "per group for every month the file gives)",
                                s.groups[g].name));
  if (!rows.empty() && !inside)
    csv.error(rows.front().line, 1,
              fmt::format("no month of the file lies in the scenario's horizon ({} to {})",
                          engine::format_date(s.start), engine::format_date(s.end)));
}

}  // namespace

void read_first_applications_file(const YamlView& v, Scenario& s) {
  if (!v.defined()) return;
  const std::string name = v.as_string();
  if (name.empty()) return;
  namespace fs = std::filesystem;
  fs::path path = name;
  if (path.is_relative()) path = fs::path(v.file()).parent_path() / path;
  s.inflow.first_applications_file = path.lexically_normal().string();
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path)) {
    v.error(fmt::format("cannot read '{}' (expected a CSV file, relative to the scenario file)",
                        s.inflow.first_applications_file));
    return;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The file is part of what was run: a checkpoint must not resume after it changed.
  s.resolved_digest = engine::fnv1a64(fmt::format("{:016x}\n{}", s.resolved_digest, text));
  std::istringstream lines(text);
  const std::size_t before = v.diagnostics().size();
  CsvReader csv(v, s, s.inflow.first_applications_file);
  const std::vector<Row> rows = csv.read(lines);
  if (v.diagnostics().size() == before) fill(csv, rows, s);
  if (v.diagnostics().size() != before) s.inflow.first_applications_by_month.clear();
}

}  // namespace asylumsim::scenario
