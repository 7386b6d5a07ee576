// The reference tables of docs/scenario.md, generated from the section schemas (schema.hpp): the
// value form from the member's type, the default from the Scenario struct's initial values.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "asylumsim/scenario/schema.hpp"

namespace asylumsim::scenario::schema {

namespace {

std::string number_text(double x) {
  return fmt::format("{:g}", x);
}

std::string distribution_text(const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::kFixed:
      return number_text(d.mean);
    case Distribution::Kind::kExponential:
      return fmt::format("exponential {:g}", d.mean);
    case Distribution::Kind::kLognormal:
      return fmt::format("lognormal {:g}, cv {:g}", d.mean, d.cv);
    case Distribution::Kind::kGamma:
      return fmt::format("gamma {:g}, cv {:g}", d.mean, d.cv);
    case Distribution::Kind::kEmpirical:
      return "empirical";
  }
  return {};
}

std::string text_of(double x) {
  return number_text(x);
}
std::string text_of(const Schedule& s) {
  return number_text(s.steps().front().value);
}
std::string text_of(const DistSchedule& s) {
  return distribution_text(s.steps().front().value);
}

// One value for every key when they agree, otherwise the values in key order (90/120/500/700).
template <class T, std::size_t N>
std::string text_of(const std::array<T, N>& values) {
  std::vector<std::string> texts;
  for (const auto& v : values) texts.push_back(text_of(v));
  for (const auto& t : texts)
    if (t != texts.front()) return fmt::format("{}", fmt::join(texts, "/"));
  return texts.front();
}

struct Described {
  std::string form;
  std::string fallback;
};

// The value form a member's type stands for, and the default the struct starts with.
template <class S>
struct Describe {
  const S& defaults;
  Described operator()(double S::*m) const { return {"number", text_of(defaults.*m)}; }
  Described operator()(bool S::*m) const { return {"bool", defaults.*m ? "true" : "false"}; }
  Described operator()(Tick S::*m) const {
    return {"date", defaults.*m == engine::kNever ? "never" : ""};
  }
  Described operator()(Schedule S::*m) const { return {"schedule", text_of(defaults.*m)}; }
  Described operator()(DistSchedule S::*m) const { return {"distribution", text_of(defaults.*m)}; }
  Described operator()(std::optional<DistSchedule> S::*m) const {
    const auto& d = defaults.*m;
    return {"distribution", d ? text_of(*d) : "absent"};
  }
  Described operator()(PerTrack<double> S::*m) const {
    return {"per track, numbers", text_of(defaults.*m)};
  }
  Described operator()(PerTrack<Schedule> S::*m) const {
    return {"per track, schedules", text_of(defaults.*m)};
  }
  Described operator()(PerTrack<DistSchedule> S::*m) const {
    return {"per track, distributions", text_of(defaults.*m)};
  }
  Described operator()(std::array<Schedule, kLocations> S::*m) const {
    return {fmt::format("schedules for `{}`", fmt::join(kLocationNames, ", ")),
            text_of(defaults.*m)};
  }
  Described operator()(CustomReader<S>) const { return {}; }
  Described operator()(ReadBySection) const { return {}; }
};

template <class S>
std::string markdown_table(Table<S> table) {
  const S defaults{};
  std::string out =
      "| key | form | range | unit | default | meaning |\n"
      "|---|---|---|---|---|---|\n";
  for (const auto& f : table) {
    const Described d = std::visit(Describe<S>{defaults}, f.target);
    const std::string fallback = f.presence == Presence::kRequired ? std::string("required")
                                 : f.fallback.empty()              ? d.fallback
                                                                   : std::string(f.fallback);
    out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", f.key,
                       f.form.empty() ? d.form : std::string(f.form), f.range.docs, f.unit,
                       fallback, f.meaning);
  }
  return out;
}

constexpr std::string_view kBegin = "<!-- generated:begin ";
constexpr std::string_view kEnd = "<!-- generated:end -->";

std::string begin_marker(const std::string& name) {
  return fmt::format("{}{} -->", kBegin, name);
}

}  // namespace

std::vector<DocBlock> reference_blocks() {
  return {
      {"scenario", markdown_table(header_fields())},
      {"groups", markdown_table(group_fields())},
      {"inflow", markdown_table(inflow_fields())},
      {"registration", markdown_table(registration_fields())},
      {"ind", markdown_table(ind_fields())},
      {"appeals", markdown_table(appeal_fields())},
      {"reception", markdown_table(reception_fields())},
      {"reception.re_registration", markdown_table(re_registration_fields())},
      {"housing", markdown_table(housing_fields())},
      {"nareis", markdown_table(nareis_fields())},
      {"departure", markdown_table(departure_fields())},
      {"departure.non_asylum", markdown_table(non_asylum_fields())},
      {"ukraine", markdown_table(ukraine_fields())},
      {"initial", markdown_table(initial_fields())},
      {"costs", markdown_table(cost_fields())},
      {"uncertainty.inflow", markdown_table(inflow_uncertainty_fields())},
      {"uncertainty.levels", markdown_table(level_uncertainty_fields())},
  };
}

std::string reference_markdown() {
  std::string out;
  for (const auto& b : reference_blocks())
    out += fmt::format("{}\n{}{}\n\n", begin_marker(b.name), b.markdown, kEnd);
  return out;
}

std::string regenerate(const std::string& text) {
  const std::vector<DocBlock> blocks = reference_blocks();
  std::vector<bool> seen(blocks.size(), false);
  std::istringstream in(text);
  std::string out, line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    out += line + "\n";
    if (!line.starts_with(kBegin)) continue;
    const std::size_t i = static_cast<std::size_t>(
        std::find_if(blocks.begin(), blocks.end(),
                     [&](const DocBlock& b) { return begin_marker(b.name) == line; }) -
        blocks.begin());
    if (i == blocks.size())
      throw std::runtime_error(
          fmt::format("line {}: '{}' names no scenario section table", line_number, line));
    seen[i] = true;
    out += blocks[i].markdown;
    const int begin_line = line_number;
    while (std::getline(in, line) && (++line_number, line != kEnd)) {
    }
    if (line != kEnd)
      throw std::runtime_error(fmt::format("line {}: '{}' is not closed by '{}'", begin_line,
                                           begin_marker(blocks[i].name), kEnd));
    out += line + "\n";
  }
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (!seen[i])
      throw std::runtime_error(
          fmt::format("no '{}' block: every section table has one", begin_marker(blocks[i].name)));
  return out;
}

}  // namespace asylumsim::scenario::schema
