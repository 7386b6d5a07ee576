// run, validate and compare: Monte Carlo batches of a scenario (and its variants), written as
// tidy files and a report.
#include "batch.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>

#include "asylumsim/cli/exit_codes.hpp"
#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/checkpoint.hpp"
#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/montecarlo/distributed.hpp"
#include "asylumsim/montecarlo/validation.hpp"
#include "asylumsim/output/comparison.hpp"
#include "asylumsim/output/comparison_many.hpp"
#include "asylumsim/output/precision.hpp"
#include "asylumsim/output/report.hpp"
#include "asylumsim/output/result_dir.hpp"
#include "asylumsim/output/validation.hpp"
#include "asylumsim/output/variance_decomposition.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/version.hpp"
#include "cli_helpers.hpp"
#include "option_checks.hpp"
#include "progress.hpp"
#include "replication_writer.hpp"
#include "scenario_input.hpp"
#include "uncertainty_option.hpp"

namespace asylumsim::cli {

namespace {

namespace fs = std::filesystem;
using montecarlo::Distributed;

scenario::Scenario load_with_overrides(const BatchCli& o) {
  scenario::Scenario s = load_checked(o.scenario_path, o.sets, {o.strict, is_root()});
  if (o.seed >= 0) s.seed = static_cast<std::uint64_t>(o.seed);
  if (o.replications > 0) s.replications = o.replications;
  return s;
}

// Runs the batch (threads, and MPI ranks when launched by mpirun), with --until-precision.
montecarlo::BatchResult execute(const scenario::Scenario& s,
                                const std::vector<montecarlo::Cell>& grid, const BatchCli& o,
                                const fs::path& out,
                                output::VarianceDecomposition* decomposition = nullptr) {
  std::unique_ptr<ReplicationWriter> writer;
  if (o.keep_replications && is_root()) writer = std::make_unique<ReplicationWriter>(out, grid, s);
  Progress progress(!o.quiet && is_root());
  montecarlo::BatchResult r;
  r.grid = grid;
  r.aggregator = montecarlo::Aggregator(grid.size());
  std::unique_ptr<montecarlo::Checkpoint> checkpoint;
  int resumed = 0;
  if (!o.checkpoint.empty() && is_root()) {
    checkpoint = std::make_unique<montecarlo::Checkpoint>(
        o.checkpoint, montecarlo::checkpoint_identity(s, grid.size(), o.targets_path), grid.size());
    resumed =
        static_cast<int>(checkpoint->replay([&](std::uint64_t rep, const std::vector<double>& row) {
          r.aggregator.add(row);
          if (writer) writer->write(rep, row);
          if (decomposition) decomposition->add(rep, row);
        }));
    if (resumed > 0 && !o.quiet)
      fmt::print(stderr, "asylumsim: resuming after {} replications from {}\n", resumed,
                 o.checkpoint);
  }
  Distributed::broadcast_int(&resumed);
  montecarlo::BatchOptions bo;
  bo.first_replication = static_cast<std::uint64_t>(resumed);
  bo.replications = std::max(0, s.replications - resumed);
  bo.threads = o.threads > 0 ? o.threads : default_threads();
  bo.stop = o.stop;
  // Counted from the first replication of the command, so the line never jumps back when
  // --until-precision raises the target.
  std::uint64_t offset = static_cast<std::uint64_t>(resumed);
  bo.progress = [&](int d, int n) {
    progress.update(offset + static_cast<std::uint64_t>(d), offset + static_cast<std::uint64_t>(n));
  };
  bo.on_row = [&](std::uint64_t rep, const std::vector<double>& row) {
    if (writer) writer->write(rep, row);
    if (checkpoint) checkpoint->append(rep, row);
    if (decomposition) decomposition->add(rep, row);
  };
  if (bo.replications > 0) montecarlo::extend_batch(s, bo, r);
  output::PrecisionStatus precision;
  if (o.until_precision > 0)
    precision = output::extend_until_precise(
        s, bo, r, {o.until_precision, o.max_replications}, [&](const output::PrecisionStatus& p) {
          progress.set_note(fmt::format("(target raised: {} not precise yet)", p.worst));
          offset = r.replications();
        });
  if (o.until_precision > 0 && is_root() && !o.quiet && !r.interrupted)
    fmt::print(stderr, "asylumsim: {}\n", output::precision_line(precision, r.replications()));
  if (writer) writer->commit();
  if (checkpoint && !r.interrupted) checkpoint->remove();
  return r;
}

// validate --require-acceptance: the figures outside their bands on stderr, and exit 7 if any.
int acceptance_verdict(const std::vector<montecarlo::ValidationRow>& rows) {
  std::vector<std::string> outside;
  for (const auto& r : rows)
    if (!montecarlo::within_acceptance(r))
      outside.push_back(fmt::format("{} {}", r.target->id, r.target->when.label()));
  if (outside.empty()) return kOk;
  fmt::print(stderr, "asylumsim: {} of {} figures outside their acceptance band: {}\n",
             outside.size(), rows.size(), fmt::join(outside, ", "));
  return kNotAccepted;
}

}  // namespace

bool is_root() {
  return Distributed::rank() == 0;
}

void add_batch_options(CLI::App* cmd, BatchCli& o, const std::string& out_default) {
  add_set_option(cmd, o.sets);
  cmd->add_option("--out", o.out_dir, "Output directory (default: " + out_default + ")");
  cmd->add_option("--seed", o.seed, "Master seed (default: the scenario's seed)")
      ->check(whole_number(0, INT64_MAX));
  cmd->add_option("--replications", o.replications,
                  "Number of replications (default: the scenario's)")
      ->check(whole_number(1, 10'000'000));
  cmd->add_option("--threads", o.threads, "Worker threads per process (default: all cores)")
      ->check(whole_number(1, 4096));
  cmd->add_flag("--quiet", o.quiet, "Print nothing but errors and warnings");
  cmd->add_flag("--strict", o.strict, "Treat plausibility warnings as errors (exit code 3)");
  cmd->add_flag("--xlsx", o.xlsx, "Also write results.xlsx (Excel; numbers and dates, any locale)");
  cmd->add_flag(
      "--force", o.force,
      "Write into a directory holding other results (their result files are removed first)");
  cmd->add_flag("--keep-replications", o.keep_replications,
                "Also write replications.csv: every replication's values (large)");
  cmd->add_option("--until-precision", o.until_precision,
                  "Add replications until every key indicator's Monte Carlo standard error is "
                  "below this times its mean, or below its absolute floor (10 persons); 0 = off")
      ->check(decimal_number(0.0, 1.0));
  cmd->add_option(
      "--checkpoint", o.checkpoint,
      "Log completed replications to FILE and resume from it after a kill (same bytes as an "
      "uninterrupted run); removed when the batch completes");
  cmd->add_option("--max-replications", o.max_replications, "Upper bound for --until-precision")
      ->capture_default_str()
      ->check(whole_number(1, 10'000'000));
}

int cmd_run(const BatchCli& o, const std::string& command_line) {
  scenario::Scenario s = load_with_overrides(o);
  const auto sources = attach_sources(s, o.scenario_path, o.sets, o.uncertainty);
  const fs::path out = o.out_dir.empty() ? fs::path("out") / s.name : fs::path(o.out_dir);
  if (is_root()) claim_output_dir(out, output::identity_of("run", s), o.force, o.quiet);
  const auto t0 = std::chrono::steady_clock::now();
  const auto grid = montecarlo::default_grid(s);
  output::VarianceDecomposition decomposition(grid);
  const bool decompose = sources.beyond_chance();
  const montecarlo::BatchResult r = execute(s, grid, o, out, decompose ? &decomposition : nullptr);
  if (!is_root()) return r.interrupted ? kInterrupted : kOk;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (r.replications() > 0) {
    output::write_file_atomic(
        out / "series.csv",
        output::with_columns(output::series_csv(r), output::run_columns(s, !r.interrupted)));
    output::write_file_atomic(
        out / "report.html",
        decompose ? output::insert_before_footer(output::run_report(s, r),
                                                 output::decomposition_html(decomposition))
                  : output::run_report(s, r));
    if (o.xlsx)
      write_results_xlsx(out.string(), output::series_sheets(r), s, r.replications(), r.interrupted,
                         r.aggregator.exact());
  }
  const std::string summary = output::summary_json(s, r, {command_line, wall, 0, !r.interrupted});
  output::write_file_atomic(
      out / "summary.json",
      decompose ? output::with_decomposition(summary, decomposition) : summary);
  if (r.interrupted) {
    fmt::print(stderr,
               "\nasylumsim: interrupted after {} of {} replications; partial results in {} "
               "(summary.json: \"complete\": false)\n",
               r.replications(), s.replications, out.string());
    return kInterrupted;
  }
  if (!o.quiet) {
    fmt::print("asylumsim {} — scenario '{}' ({} to {}), {} replications, seed {}; bands: {}\n",
               kVersion, s.name, engine::format_date(s.start), engine::format_date(s.end),
               r.replications(), s.seed, sources.label());
    fmt::print("{}", output::summary_table(s, r));
    fmt::print("{} events, {} persons, {:.2f} s wall ({} process(es)).\nResults: {} (report: {})\n",
               r.events, r.persons, wall, Distributed::size(), out.string(),
               (out / "report.html").string());
  }
  return kOk;
}

int cmd_validate(const BatchCli& o, const std::string& command_line) {
  const scenario::Scenario s = load_with_overrides(o);
  const std::vector<indicators::Target> targets = indicators::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-validation") : fs::path(o.out_dir);
  if (is_root()) claim_output_dir(out, output::identity_of("validate", s), o.force, o.quiet);
  const auto t0 = std::chrono::steady_clock::now();
  const montecarlo::BatchResult r = execute(s, montecarlo::target_grid(targets), o, out);
  if (!is_root()) return r.interrupted ? kInterrupted : kOk;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto rows = montecarlo::validation_rows(targets, r);
  if (r.replications() > 0) {
    output::write_file_atomic(
        out / "validation.csv",
        output::with_columns(output::validation_csv(rows), output::run_columns(s, !r.interrupted)));
    output::write_file_atomic(out / "report.html",
                              output::validation_report(s, o.targets_path, rows, r.replications()));
    if (o.xlsx)
      write_results_xlsx(out.string(), output::validation_sheets(rows), s, r.replications(),
                         r.interrupted, r.aggregator.exact());
  }
  output::write_file_atomic(out / "summary.json",
                            output::summary_json(s, r, {command_line, wall, 0, !r.interrupted}));
  if (r.interrupted) {
    fmt::print(stderr,
               "\nasylumsim: interrupted after {} of {} replications; partial results in {}\n",
               r.replications(), s.replications, out.string());
    return kInterrupted;
  }
  if (!o.quiet) {
    fmt::print("asylumsim {} — validating '{}' against {} ({} targets, {} replications)\n",
               kVersion, s.name, o.targets_path, targets.size(), r.replications());
    fmt::print("{}", output::validation_table(rows));
    fmt::print("Results: {} and {}\n", (out / "validation.csv").string(),
               (out / "report.html").string());
  }
  return o.require_acceptance ? acceptance_verdict(rows) : kOk;
}

int cmd_compare(const BatchCli& o) {
  scenario::Scenario base = load_with_overrides(o);
  std::vector<scenario::Scenario> variants =
      load_variants(base, o.variant_paths, o.sets, {o.strict, is_root()});
  // Both arms draw the same parameter sets and inflow paths (keyed by seed and replication).
  const auto sources = attach_sources(base, o.scenario_path, o.sets, o.uncertainty);
  for (std::size_t i = 0; i < variants.size(); ++i)
    attach_sources(variants[i], o.variant_paths[i], o.sets, source_word(sources));
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / compare_dir_name(base, variants) : fs::path(o.out_dir);
  if (is_root()) claim_output_dir(out, output::identity_of(base, variants), o.force, o.quiet);
  Progress progress(!o.quiet && is_root());
  montecarlo::BatchOptions bo;
  bo.replications = base.replications;
  bo.threads = o.threads > 0 ? o.threads : default_threads();
  bo.stop = o.stop;
  bo.progress = [&](int d, int n) { progress.update(d, n); };
  // The yearly cells feed comparison.csv and the table; the report's charts add monthly cells.
  std::vector<montecarlo::Cell> grid = montecarlo::yearly_grid(base);
  const std::size_t yearly_cells = grid.size();
  for (const auto& cell : output::report_chart_grid(base)) grid.push_back(cell);
  // Each variant is paired with the base on the same replication streams (common random numbers).
  std::vector<montecarlo::Comparison> full, yearly;
  for (const auto& variant : variants) {
    full.push_back(montecarlo::run_comparison(base, variant, grid, bo, !o.independent,
                                              output::tradeoff_total_ids()));
    yearly.push_back(full.back());
    yearly.back().grid.resize(yearly_cells);
    yearly.back().cells.resize(std::min(yearly.back().cells.size(), yearly_cells));
    if (full.back().interrupted) break;
  }
  const bool interrupted = full.back().interrupted;
  if (!is_root()) return interrupted ? kInterrupted : kOk;
  output::write_file_atomic(out / "comparison.csv", output::identified_comparison_csv(
                                                        base, variants, yearly, !interrupted));
  if (full.back().replications > 0)
    output::write_file_atomic(out / "report.html",
                              variants.size() == 1
                                  ? output::comparison_report(base, variants[0], full[0])
                                  : output::comparison_report(base, variants, full));
  if (o.xlsx && full.back().replications > 0)
    write_results_xlsx(out.string(), output::comparison_sheets(variants, yearly), base,
                       full.back().replications, interrupted,
                       full.back().replications <= montecarlo::Aggregator::kDefaultExactLimit);
  if (!o.quiet) {
    for (std::size_t i = 0; i < yearly.size(); ++i) {
      fmt::print("{}asylumsim {} — '{}' (variant) against '{}' (base), seed {}\n", i ? "\n" : "",
                 kVersion, variants[i].name, base.name, base.seed);
      fmt::print("{}", output::comparison_table(yearly[i]));
      fmt::print("\nCosts and trade-offs per year\n{}",
                 output::tradeoff_table(output::tradeoffs(yearly[i])));
    }
    fmt::print("Results: {} and {}\n", (out / "comparison.csv").string(),
               (out / "report.html").string());
  }
  if (interrupted)
    fmt::print(stderr,
               "\nasylumsim: interrupted after {} of {} paired replications; partial results in "
               "{} (comparison.csv: complete = false)\n",
               full.back().replications, base.replications, out.string());
  return interrupted ? kInterrupted : kOk;
}

}  // namespace asylumsim::cli
