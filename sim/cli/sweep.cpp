// asylumsim sweep: the scenario at many values of one or more of its numbers.
#include "asylumsim/montecarlo/sweep.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <thread>

#include "asylumsim/cli/exit_codes.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/montecarlo/distributed.hpp"
#include "asylumsim/output/result_dir.hpp"
#include "asylumsim/output/sweep_report.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/scenario/key_path.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"
#include "cli_helpers.hpp"
#include "uncertainty_option.hpp"

namespace asylumsim::cli {

namespace {

namespace fs = std::filesystem;
using montecarlo::VaryRange;

// Each varied key must name a number of the scenario, or a schedule or per-track value that the
// number replaces as a constant (as --set does); the loader then checks every point's value.
void check_numbers(const YAML::Node& tree, const std::vector<VaryRange>& ranges) {
  scenario::Diagnostics d;
  for (const auto& r : ranges) {
    const YAML::Node n = scenario::resolve_key_path(tree, r.path);
    bool ok = n.IsDefined() && !n.IsNull();
    if (ok && n.IsScalar()) try {
        (void)n.as<double>();
      } catch (const YAML::Exception&) {
        ok = false;
      }
    if (!ok)
      d.add({"--vary " + r.text, 0, 0, r.path,
             fmt::format("'{}' does not name a number in this scenario (expected a key path to "
                         "a number or a schedule, e.g. ind.capacity_per_week.aa)",
                         r.path)});
  }
  if (!d.empty()) throw scenario::InputError(d);
}

// The scenario at one point: --set first, then the point's values (named --vary in errors).
scenario::Scenario point_scenario(const SweepCli& o, const std::vector<VaryRange>& ranges,
                                  const std::vector<double>& values) {
  std::vector<scenario::Override> overrides = scenario::parse_overrides(o.sets);
  for (std::size_t k = 0; k < ranges.size(); ++k)
    overrides.push_back({fmt::format("{} (at {})", ranges[k].text, values[k]), ranges[k].path,
                         fmt::format("{}", values[k]), "--vary"});
  scenario::Scenario s = measures::load_scenario(o.scenario_path, overrides);
  // The point's values stay as swept: a free parameter varied here is not drawn.
  std::vector<std::string> sets = o.sets, held;
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    sets.push_back(fmt::format("{}={}", ranges[k].path, values[k]));
    held.push_back(ranges[k].path);
  }
  attach_sources(s, o.scenario_path, sets, o.uncertainty, held);
  if (o.seed >= 0) s.seed = static_cast<std::uint64_t>(o.seed);
  if (o.replications > 0) s.replications = o.replications;
  return s;
}

// Every point's scenario, loaded and checked before the first batch runs or a file is written.
std::vector<scenario::Scenario> point_scenarios(const SweepCli& o, const scenario::Scenario& base,
                                                const montecarlo::SweepResult& r,
                                                const std::vector<std::vector<double>>& points) {
  std::vector<scenario::Scenario> scenarios;
  for (const auto& values : points) {
    scenarios.push_back(point_scenario(o, r.ranges, values));
    scenarios.back().seed = base.seed;  // common random numbers
    scenarios.back().replications = base.replications;
    montecarlo::check_comparable(base, scenarios.back());
  }
  return scenarios;
}

void run_points(const SweepCli& o, const std::vector<scenario::Scenario>& scenarios,
                const std::vector<std::vector<double>>& points, montecarlo::SweepResult& r) {
  montecarlo::BatchOptions bo;
  bo.replications = static_cast<int>(r.replications);
  bo.threads = o.threads;
  bo.stop = o.stop;
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!o.quiet && montecarlo::Distributed::rank() == 0)
      fmt::print(stderr, "sweep: point {} of {}\n", p + 1, points.size());
    const montecarlo::BatchResult b = montecarlo::run_batch(scenarios[p], r.grid, bo);
    if (b.interrupted || (o.stop && o.stop->load())) {
      r.interrupted = true;
      return;
    }
    r.points.push_back({points[p], b.summaries()});
  }
}

}  // namespace

void add_sweep_options(CLI::App* cmd, SweepCli& o) {
  cmd->add_option("scenario", o.scenario_path, "Scenario YAML file")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--vary", o.varies,
                  "KEY.PATH=FROM:TO:N: N evenly spaced values of a scenario number from FROM to "
                  "TO (repeatable; e.g. ind.capacity_per_week.aa=300:600:4)")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--design", o.design,
                  "grid: every combination of the values; lhs: a Latin hypercube of N points")
      ->capture_default_str()
      ->check(CLI::IsMember({"grid", "lhs"}));
  add_set_option(cmd, o.sets);
  add_uncertainty_option(cmd, o.uncertainty);
  cmd->add_option("--out", o.out_dir, "Output directory (default: out/<scenario name>-sweep)");
  cmd->add_option("--seed", o.seed, "Master seed (default: the scenario's)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--replications", o.replications,
                  "Replications per point (default: the scenario's)")
      ->check(CLI::Range(1, 10'000'000));
  cmd->add_option("--threads", o.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("--quiet", o.quiet, "Print nothing but errors");
  cmd->add_flag("--xlsx", o.xlsx, "Also write results.xlsx (Excel; numbers and dates, any locale)");
  cmd->add_flag("--force", o.force,
                "Overwrite an output directory holding another scenario's results");
}

int cmd_sweep(const SweepCli& o) {
  std::vector<VaryRange> ranges;
  for (const auto& text : o.varies) ranges.push_back(montecarlo::parse_vary(text));
  const bool root = montecarlo::Distributed::rank() == 0;
  scenario::Scenario base = load_checked(o.scenario_path, o.sets, {false, root});
  if (o.seed >= 0) base.seed = static_cast<std::uint64_t>(o.seed);
  if (o.replications > 0) base.replications = o.replications;
  YAML::Node tree = measures::scenario_tree(o.scenario_path);
  scenario::apply_overrides(tree, scenario::parse_overrides(o.sets));
  check_numbers(tree, ranges);
  const auto design =
      o.design == "lhs" ? montecarlo::SweepDesign::kLatinHypercube : montecarlo::SweepDesign::kGrid;
  montecarlo::SweepResult r;
  r.design = design;
  r.grid = montecarlo::yearly_grid(base);
  r.replications = static_cast<std::uint64_t>(base.replications);
  r.ranges = ranges;
  const auto points = montecarlo::sweep_points(ranges, design, base.seed);
  const auto scenarios = point_scenarios(o, base, r, points);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (base.name + "-sweep") : fs::path(o.out_dir);
  if (root) claim_output_dir(out, output::identity_of("sweep", base), o.force, o.quiet);
  run_points(o, scenarios, points, r);
  if (!root) return r.interrupted ? kInterrupted : kOk;
  output::write_file_atomic(
      out / "sweep.csv",
      output::with_columns(montecarlo::sweep_csv(r), output::run_columns(base, !r.interrupted),
                           output::kAtEnd));
  output::write_file_atomic(out / "report.html", output::sweep_report(base, r));
  if (o.xlsx)
    write_results_xlsx(out.string(), output::sweep_sheets(r), base, r.replications, r.interrupted,
                       r.replications <= montecarlo::Aggregator::kDefaultExactLimit);
  if (r.interrupted) {
    fmt::print(stderr, "\nasylumsim: sweep interrupted after {} points; their results are in {}\n",
               r.points.size(), out.string());
    return kInterrupted;
  }
  if (!o.quiet)
    fmt::print(
        "asylumsim — sweep of '{}': {} points, {} replications each, seed {}\nResults: {} "
        "and {}\n",
        base.name, r.points.size(), r.replications, base.seed, (out / "sweep.csv").string(),
        (out / "report.html").string());
  return kOk;
}

}  // namespace asylumsim::cli
