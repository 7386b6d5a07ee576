// The asylumsim command line: run, validate, compare, calibrate, backtest, check, indicators.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "asylumsim/calibration/backtest.hpp"
#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/calibration/forecast_scores.hpp"
#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/cli/exit_codes.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/model/metrics_by_group.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/checkpoint.hpp"
#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/montecarlo/distributed.hpp"
#include "asylumsim/output/comparison.hpp"
#include "asylumsim/output/comparison_many.hpp"
#include "asylumsim/output/precision.hpp"
#include "asylumsim/output/report.hpp"
#include "asylumsim/output/result_dir.hpp"
#include "asylumsim/output/validation.hpp"
#include "asylumsim/output/variance_decomposition.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/targets.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"
#include "asylumsim/version.hpp"
#include "cli_helpers.hpp"
#include "option_checks.hpp"
#include "progress.hpp"
#include "replication_writer.hpp"
#include "scenario_input.hpp"
#include "uncertainty_option.hpp"

namespace {

using namespace asylumsim;
namespace fs = std::filesystem;
using montecarlo::Distributed;

// Set by SIGINT/SIGTERM: the batch stops taking replications and writes what is complete.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);
extern "C" void on_stop_signal(int) {
  g_stop.store(true);
}

struct BatchCli {
  std::string scenario_path;
  std::string targets_path;
  std::string out_dir;
  std::int64_t seed = -1;
  int replications = 0;
  int threads = 0;
  bool quiet = false;
  bool force = false;
  bool strict = false;  // plausibility warnings are errors
  bool keep_replications = false;
  bool require_acceptance = false;
  bool xlsx = false;  // --xlsx: results.xlsx too
  double until_precision = 0;
  int max_replications = 100000;
  std::string checkpoint;
  std::vector<std::string> variant_paths;
  std::vector<std::string> sets;  // --set KEY.PATH=VALUE, in order
  bool independent = false;
  int max_evaluations = 0;
  std::string method;  // empty: the calibration block's
  int fit_year = 2024;
  std::string uncertainty;  // --uncertainty (empty: every source the scenario carries)
  std::string history;      // backtest --history: yearly first applications to score
};

int default_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

bool is_root() {
  return Distributed::rank() == 0;
}

void add_batch_options(CLI::App* cmd, BatchCli& o, const std::string& out_default) {
  cli::add_set_option(cmd, o.sets);
  cmd->add_option("--out", o.out_dir, "Output directory (default: " + out_default + ")");
  cmd->add_option("--seed", o.seed, "Master seed (default: the scenario's seed)")
      ->check(cli::whole_number(0, INT64_MAX));
  cmd->add_option("--replications", o.replications,
                  "Number of replications (default: the scenario's)")
      ->check(cli::whole_number(1, 10'000'000));
  cmd->add_option("--threads", o.threads, "Worker threads per process (default: all cores)")
      ->check(cli::whole_number(1, 4096));
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
      ->check(cli::decimal_number(0.0, 1.0));
  cmd->add_option(
      "--checkpoint", o.checkpoint,
      "Log completed replications to FILE and resume from it after a kill (same bytes as an "
      "uninterrupted run); removed when the batch completes");
  cmd->add_option("--max-replications", o.max_replications, "Upper bound for --until-precision")
      ->capture_default_str()
      ->check(cli::whole_number(1, 10'000'000));
}

// Options shared by calibrate and backtest, which both fit the scenario's calibration: block.
void add_fit_options(CLI::App* cmd, BatchCli& o, const std::string& suffix) {
  cli::add_set_option(cmd, o.sets);
  cmd->add_option("scenario", o.scenario_path, "Scenario YAML file with a calibration: block")
      ->required();
  cmd->add_option("--targets", o.targets_path, "Targets YAML file")->required();
  cmd->add_option("--out", o.out_dir,
                  "Output directory (default: out/<scenario name>-" + suffix + ")");
  cmd->add_option("--replications", o.replications,
                  "Replications per evaluation (default: the calibration block's)")
      ->check(cli::whole_number(1, 100000));
  cmd->add_option("--max-evaluations", o.max_evaluations,
                  "Evaluation budget (default: the block's)")
      ->check(cli::whole_number(1, 1000000));
  cmd->add_option("--method", o.method, "Optimiser (default: the block's method, else nelder-mead)")
      ->check(CLI::IsMember({"levenberg-marquardt", "nelder-mead"}));
  cmd->add_option("--threads", o.threads, "Worker threads (default: all cores)")
      ->check(cli::whole_number(1, 4096));
  cmd->add_flag("--quiet", o.quiet, "Print nothing but errors and warnings");
  cmd->add_flag("--strict", o.strict, "Treat plausibility warnings as errors (exit code 3)");
  cmd->add_flag(
      "--force", o.force,
      "Write into a directory holding other results (their result files are removed first)");
}

// Claims the output directory (refusing other results without --force) and says when it replaces
// earlier results.
void prepare_dir(const fs::path& out, const output::ResultIdentity& id, const BatchCli& o) {
  const std::string notice = output::prepare_output_dir(out, id, o.force);
  if (!notice.empty() && !o.quiet) fmt::print(stderr, "{}\n", notice);
}

scenario::Scenario load_with_overrides(const BatchCli& o) {
  scenario::Scenario s = cli::load_checked(o.scenario_path, o.sets, {o.strict, is_root()});
  if (o.seed >= 0) s.seed = static_cast<std::uint64_t>(o.seed);
  if (o.replications > 0) s.replications = o.replications;
  return s;
}

// Names a run for its checkpoint: the resolved scenario (a base it extends included), the seed,
// the output grid, the targets' content and the binary that computes the rows.
std::string run_identity(const scenario::Scenario& s, const BatchCli& o,
                         const std::vector<montecarlo::Cell>& grid) {
  std::string targets;
  if (!o.targets_path.empty()) {
    std::ifstream in(o.targets_path, std::ios::binary);
    targets.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return fmt::format(
      "scenario={:016x};seed={};cells={};targets={:016x};asylumsim={}-{};uncertainty={}",
      s.resolved_digest, s.seed, grid.size(), engine::fnv1a64(targets), kVersion, kGitCommit,
      fmt::join(s.uncertainty_sources, "+"));
}

// Runs the batch (threads, and MPI ranks when launched by mpirun), with --until-precision.
montecarlo::BatchResult execute(const scenario::Scenario& s,
                                const std::vector<montecarlo::Cell>& grid, const BatchCli& o,
                                const fs::path& out,
                                output::VarianceDecomposition* decomposition = nullptr) {
  std::unique_ptr<cli::ReplicationWriter> writer;
  if (o.keep_replications && is_root())
    writer = std::make_unique<cli::ReplicationWriter>(out, grid, s);
  cli::Progress progress(!o.quiet && is_root());
  montecarlo::BatchResult r;
  r.grid = grid;
  r.aggregator = montecarlo::Aggregator(grid.size());
  std::unique_ptr<montecarlo::Checkpoint> checkpoint;
  int resumed = 0;
  if (!o.checkpoint.empty() && is_root()) {
    checkpoint = std::make_unique<montecarlo::Checkpoint>(o.checkpoint, run_identity(s, o, grid),
                                                          grid.size());
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
  bo.stop = &g_stop;
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
  // Convergence: double the batch until the key indicators are precise enough. The decision uses
  // only aggregated results (broadcast from the root), so every rank takes the same path.
  output::PrecisionStatus precision;
  while (o.until_precision > 0 && !r.interrupted) {
    if (is_root()) precision = output::precision_status(s, r, o.until_precision);
    const bool more = is_root() && !precision.met &&
                      r.replications() < static_cast<std::uint64_t>(o.max_replications);
    int extra = more ? static_cast<int>(std::min<std::uint64_t>(
                           r.replications(), o.max_replications - r.replications()))
                     : 0;
    Distributed::broadcast_int(&extra);
    if (extra == 0) break;
    progress.set_note(fmt::format("(target raised: {} not precise yet)", precision.worst));
    offset = r.replications();
    bo.first_replication = r.replications();
    bo.replications = extra;
    montecarlo::extend_batch(s, bo, r);
  }
  if (o.until_precision > 0 && is_root() && !o.quiet && !r.interrupted)
    fmt::print(stderr, "asylumsim: {}\n", output::precision_line(precision, r.replications()));
  if (writer) writer->commit();
  if (checkpoint && !r.interrupted) checkpoint->remove();
  return r;
}

int cmd_run(const BatchCli& o, const std::string& command_line) {
  scenario::Scenario s = load_with_overrides(o);
  const auto sources = cli::attach_sources(s, o.scenario_path, o.sets, o.uncertainty);
  const fs::path out = o.out_dir.empty() ? fs::path("out") / s.name : fs::path(o.out_dir);
  if (is_root()) prepare_dir(out, output::identity_of("run", s), o);
  const auto t0 = std::chrono::steady_clock::now();
  const auto grid = montecarlo::default_grid(s);
  output::VarianceDecomposition decomposition(grid);
  const bool decompose = sources.parameters || sources.inflow;
  const montecarlo::BatchResult r = execute(s, grid, o, out, decompose ? &decomposition : nullptr);
  if (!is_root()) return r.interrupted ? cli::kInterrupted : cli::kOk;
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
      cli::write_results_xlsx(out.string(), output::series_sheets(r), s, r.replications(),
                              r.interrupted, r.aggregator.exact());
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
    return cli::kInterrupted;
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
  return cli::kOk;
}

// validate --require-acceptance: the figures outside their bands on stderr, and exit 7 if any.
int acceptance_verdict(const std::vector<output::ValidationRow>& rows) {
  std::vector<std::string> outside;
  for (const auto& r : rows)
    if (!output::within_acceptance(r))
      outside.push_back(fmt::format("{} {}", r.target->id, r.target->when.label()));
  if (outside.empty()) return cli::kOk;
  fmt::print(stderr, "asylumsim: {} of {} figures outside their acceptance band: {}\n",
             outside.size(), rows.size(), fmt::join(outside, ", "));
  return cli::kNotAccepted;
}

int cmd_validate(const BatchCli& o, const std::string& command_line) {
  const scenario::Scenario s = load_with_overrides(o);
  const std::vector<scenario::Target> targets = scenario::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-validation") : fs::path(o.out_dir);
  if (is_root()) prepare_dir(out, output::identity_of("validate", s), o);
  const auto t0 = std::chrono::steady_clock::now();
  const montecarlo::BatchResult r = execute(s, output::target_grid(targets), o, out);
  if (!is_root()) return r.interrupted ? cli::kInterrupted : cli::kOk;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto rows = output::validation_rows(targets, r);
  if (r.replications() > 0) {
    output::write_file_atomic(
        out / "validation.csv",
        output::with_columns(output::validation_csv(rows), output::run_columns(s, !r.interrupted)));
    output::write_file_atomic(out / "report.html",
                              output::validation_report(s, o.targets_path, rows, r.replications()));
    if (o.xlsx)
      cli::write_results_xlsx(out.string(), output::validation_sheets(rows), s, r.replications(),
                              r.interrupted, r.aggregator.exact());
  }
  output::write_file_atomic(out / "summary.json",
                            output::summary_json(s, r, {command_line, wall, 0, !r.interrupted}));
  if (r.interrupted) {
    fmt::print(stderr,
               "\nasylumsim: interrupted after {} of {} replications; partial results in {}\n",
               r.replications(), s.replications, out.string());
    return cli::kInterrupted;
  }
  if (!o.quiet) {
    fmt::print("asylumsim {} — validating '{}' against {} ({} targets, {} replications)\n",
               kVersion, s.name, o.targets_path, targets.size(), r.replications());
    fmt::print("{}", output::validation_table(rows));
    fmt::print("Results: {} and {}\n", (out / "validation.csv").string(),
               (out / "report.html").string());
  }
  return o.require_acceptance ? acceptance_verdict(rows) : cli::kOk;
}

int cmd_compare(const BatchCli& o) {
  scenario::Scenario base = load_with_overrides(o);
  std::vector<scenario::Scenario> variants =
      cli::load_variants(base, o.variant_paths, o.sets, {o.strict, is_root()});
  // Both arms draw the same parameter sets and inflow paths (keyed by seed and replication).
  const auto sources = cli::attach_sources(base, o.scenario_path, o.sets, o.uncertainty);
  for (std::size_t i = 0; i < variants.size(); ++i)
    cli::attach_sources(variants[i], o.variant_paths[i], o.sets, cli::source_word(sources));
  const fs::path out = o.out_dir.empty() ? fs::path("out") / cli::compare_dir_name(base, variants)
                                         : fs::path(o.out_dir);
  if (is_root()) prepare_dir(out, output::identity_of(base, variants), o);
  cli::Progress progress(!o.quiet && is_root());
  montecarlo::BatchOptions bo;
  bo.replications = base.replications;
  bo.threads = o.threads > 0 ? o.threads : default_threads();
  bo.stop = &g_stop;
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
  if (!is_root()) return interrupted ? cli::kInterrupted : cli::kOk;
  output::write_file_atomic(out / "comparison.csv", output::identified_comparison_csv(
                                                        base, variants, yearly, !interrupted));
  if (full.back().replications > 0)
    output::write_file_atomic(out / "report.html",
                              variants.size() == 1
                                  ? output::comparison_report(base, variants[0], full[0])
                                  : output::comparison_report(base, variants, full));
  if (o.xlsx && full.back().replications > 0)
    cli::write_results_xlsx(out.string(), output::comparison_sheets(variants, yearly), base,
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
  return interrupted ? cli::kInterrupted : cli::kOk;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
  return buf;
}

// Optimiser settings from the command line, shared by calibrate and backtest; progress on stderr.
calibration::CalibrationOptions fit_options(const BatchCli& o) {
  calibration::CalibrationOptions co;
  co.threads = o.threads > 0 ? o.threads : default_threads();
  co.replications = o.replications;
  co.max_evaluations = o.max_evaluations;
  if (!o.method.empty()) co.method = calibration::parse_method(o.method);
  co.progress = [quiet = o.quiet, last = -1](int evals, double best) mutable {
    if (quiet || evals == last) return;
    last = evals;
    fmt::print(stderr, "evaluation {:>4}: best loss {:.6g}\n", evals, best);
  };
  return co;
}
// How the calibrated file's header names the loss.
static std::string loss_words(const calibration::CalibrationSpec& spec) {
  const char* error = spec.scale == calibration::CalibrationSpec::Scale::kAcceptance
                          ? "error in units of the acceptance band"
                          : "relative error";
  if (spec.power == 2) return fmt::format("squared {}", error);
  return fmt::format("of |e|^{:g}, e the {}", spec.power, error);
}

int cmd_calibrate(const BatchCli& o, const std::string& command_line) {
  // Reports scenario errors (and warnings) first.
  const scenario::Scenario s = cli::load_checked(o.scenario_path, o.sets, {o.strict, true});
  const std::string text =
      scenario::text_with_overrides(read_text(o.scenario_path), o.scenario_path, o.sets);
  const auto spec = calibration::read_calibration(scenario::load_yaml_text(text, o.scenario_path),
                                                  o.scenario_path);
  const auto targets = scenario::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-calibration") : fs::path(o.out_dir);
  prepare_dir(out, output::identity_of("calibrate", s), o);
  const calibration::CalibrationOptions co = fit_options(o);
  if (!o.quiet)
    fmt::print("asylumsim {} — calibrating '{}' ({} free parameters) against {} ({} targets)\n",
               kVersion, s.name, spec.parameters.size(), o.targets_path, targets.size());
  const auto r = calibration::calibrate(text, o.scenario_path, targets, co);
  std::string header = fmt::format(
      "# CALIBRATED by `{}` on {}\n# from scenario '{}' (hash {})\n# against {} ({} targets), {} "
      "replications per evaluation "
      "(common random numbers), {} evaluations of bounded {}{}{}.\n# Loss (weighted mean {}): "
      "{:.6g} at the start, {:.6g} fitted.\n# Fitted parameters:\n",
      command_line, utc_now(), s.name, s.hash, o.targets_path, targets.size(),
      o.replications > 0 ? o.replications : spec.replications, r.evaluations,
      calibration::method_name(co.method.value_or(spec.method)),
      r.converged ? ", converged" : " (evaluation budget reached)",
      r.infeasible > 0
          ? fmt::format("; {} trial points the scenario's checks rejected were skipped",
                        r.infeasible)
          : "",
      loss_words(spec), r.start_loss, r.loss);
  for (std::size_t i = 0; i < spec.parameters.size(); ++i)
    header +=
        fmt::format("#   {} = {:.6g} (was {:.6g}; bounds {} to {})\n", spec.parameters[i].path,
                    r.best[static_cast<Eigen::Index>(i)], r.start[static_cast<Eigen::Index>(i)],
                    spec.parameters[i].min, spec.parameters[i].max);
  header += "#\n";
  const std::string name = fs::path(o.scenario_path).stem().string() + ".calibrated.yaml";
  output::write_file_atomic(out / name, calibration::calibrated_text(text, spec, r.best, header));
  output::write_file_atomic(
      out / "calibration.csv",
      output::with_columns(output::validation_csv(r.rows), output::run_columns(s, true)));
  if (!o.quiet) {
    fmt::print("{}", header);
    fmt::print("{}", output::validation_table(r.rows));
    fmt::print("Calibrated scenario: {}\n", (out / name).string());
  }
  return cli::kOk;
}

int cmd_backtest(const BatchCli& o) {
  const scenario::Scenario s = cli::load_checked(o.scenario_path, o.sets, {o.strict, true});
  const std::string text =
      scenario::text_with_overrides(read_text(o.scenario_path), o.scenario_path, o.sets);
  calibration::read_calibration(scenario::load_yaml_text(text, o.scenario_path), o.scenario_path);
  const auto targets = scenario::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-backtest") : fs::path(o.out_dir);
  prepare_dir(out, output::identity_of("backtest", s), o);
  const calibration::CalibrationOptions co = fit_options(o);
  const auto r = calibration::backtest(text, o.scenario_path, targets, o.fit_year, co);
  output::write_file_atomic(
      out / "backtest.csv",
      output::with_columns(calibration::backtest_csv(r), output::run_columns(s, true)));
  if (!o.quiet) {
    fmt::print(
        "asylumsim {} — backtest of '{}': fitted on {} figures of {}, projected {} ({} figures)\n",
        kVersion, s.name, r.fit_targets.size(), o.fit_year, o.fit_year + 1, r.test_targets.size());
    fmt::print("{}", calibration::backtest_table(r));
    fmt::print("Results: {}\n", (out / "backtest.csv").string());
  }
  if (!o.history.empty()) {  // one- and two-year-ahead inflow forecasts from earlier years
    const auto scores = cli::score_history(o.history);
    output::write_file_atomic(out / "inflow-forecasts.csv",
                              calibration::inflow_forecast_csv(scores));
    if (!o.quiet) fmt::print("{}", calibration::inflow_forecast_summary(scores));
  }
  return cli::kOk;
}

// The calibrated scenario with its calibration.posterior block, in the output directory.
int cmd_posterior(const BatchCli& o, const std::string& command_line) {
  const scenario::Scenario s = cli::load_checked(o.scenario_path, o.sets, {o.strict, true});
  const std::string text =
      scenario::text_with_overrides(read_text(o.scenario_path), o.scenario_path, o.sets);
  const auto targets = scenario::load_targets(o.targets_path);
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-posterior") : fs::path(o.out_dir);
  prepare_dir(out, output::identity_of("posterior", s), o);
  const auto post =
      calibration::posterior_at_current_point(text, o.scenario_path, targets, fit_options(o));
  const std::string name = fs::path(o.scenario_path).filename().string();
  output::write_file_atomic(out / name,
                            calibration::text_with_posterior(
                                text, post, fmt::format("`{}` on {}", command_line, utc_now())));
  if (!o.quiet)
    fmt::print("Posterior of {} parameters from {} figures (residual variance {:.4g}): {}\n",
               post.paths.size(), post.figures, post.residual_variance, (out / name).string());
  return cli::kOk;
}

int cmd_check(const std::string& path, const std::vector<std::string>& sets, bool quiet,
              bool strict) {
  const scenario::Scenario s = cli::load_checked(path, sets, {strict, is_root()});
  const YAML::Node root = scenario::load_yaml_file(path);
  if (root["calibration"])
    calibration::read_posterior(root, calibration::read_calibration(root, path), path);
  if (!quiet && is_root())
    fmt::print("{}: scenario '{}' is valid ({} to {}, {} nationality groups, hash {}){}\n", path,
               s.name, engine::format_date(s.start), engine::format_date(s.end), s.groups.size(),
               s.hash,
               s.warnings.empty() ? "" : fmt::format("; {} warning(s) above", s.warnings.size()));
  return cli::kOk;
}

// Every indicator the model computes: the metric ids of series.csv and of targets files.
int cmd_indicators() {
  using K = model::Indicator::Kind;
  auto kind = [](K k) {
    switch (k) {
      case K::kFlow:
        return "flow";
      case K::kStock:
        return "stock";
      case K::kDurationMean:
        return "duration";
      case K::kCounterShare:
        return "share";
      case K::kStockRatio:
        return "stock ratio";
      case K::kStockDelta:
        return "stock change";
      case K::kStockDays:
        return "stock-days";
    }
    return "";
  };
  fmt::print("{:<40} {:<12} {:<9} {}\n", "id", "kind", "unit", "meaning");
  for (const auto& ind : model::indicator_catalogue())
    fmt::print("{:<40} {:<12} {:<9} {}\n", ind.id, kind(ind.kind), ind.unit, ind.description);
  fmt::print("\nPer nationality group (<group>: a group name of the scenario):\n");
  for (const auto& ind : model::group_indicator_patterns())
    fmt::print("{:<40} {:<12} {:<9} {}\n", ind.id, kind(ind.kind), ind.unit, ind.description);
  return cli::kOk;
}

int dispatch(int argc, char** argv) {
  CLI::App app{"asylumsim: person-level discrete-event simulator of the Dutch asylum chain"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", fmt::format("asylumsim {} (commit {})", kVersion, kGitCommit));
  app.footer(cli::exit_code_footer());

  BatchCli ro;
  CLI::App* run = app.add_subcommand(
      "run", "Run a scenario (Monte Carlo batch); write series.csv, summary.json and report.html");
  run->add_option("scenario", ro.scenario_path, "Scenario YAML file")->required();
  add_batch_options(run, ro, "out/<scenario name>");
  cli::add_uncertainty_option(run, ro.uncertainty);

  BatchCli vo;
  CLI::App* validate = app.add_subcommand(
      "validate", "Compare a scenario with documented figures: validation.csv and report.html");
  validate->add_option("scenario", vo.scenario_path, "Scenario YAML file")->required();
  validate
      ->add_option("--targets", vo.targets_path,
                   "Targets YAML file (format of targets-2024-2025.yaml)")
      ->required();
  add_batch_options(validate, vo, "out/<scenario name>-validation");
  validate->add_flag("--require-acceptance", vo.require_acceptance,
                     "Exit with code 7 if a figure is outside its acceptance band (issue 4)");

  BatchCli co;
  CLI::App* compare =
      app.add_subcommand("compare",
                         "Paired comparison of one or more variants with a base scenario "
                         "(common random numbers): comparison.csv and report.html");
  compare->add_option("base", co.scenario_path, "Base scenario YAML file")->required();
  compare
      ->add_option("variants", co.variant_paths,
                   "Variant scenario YAML files (one or more), each paired with the base")
      ->required();
  compare->add_option("--out", co.out_dir,
                      "Output directory (default: out/<base>-vs-<variant>[-<variant>...])");
  cli::add_set_option(compare, co.sets);
  compare->add_option("--seed", co.seed, "Master seed for both (default: the base scenario's)")
      ->check(cli::whole_number(0, INT64_MAX));
  compare
      ->add_option("--replications", co.replications,
                   "Paired replications (default: the base scenario's)")
      ->check(cli::whole_number(2, 10'000'000));
  compare->add_option("--threads", co.threads, "Worker threads (default: all cores)")
      ->check(cli::whole_number(1, 4096));
  compare->add_flag("--quiet", co.quiet, "Print nothing but errors and warnings");
  compare->add_flag("--strict", co.strict, "Treat plausibility warnings as errors (exit code 3)");
  compare->add_flag("--xlsx", co.xlsx,
                    "Also write results.xlsx (Excel; numbers and dates, any locale)");
  compare->add_flag(
      "--force", co.force,
      "Write into a directory holding other results (their result files are removed first)");
  cli::add_uncertainty_option(compare, co.uncertainty);
  compare->add_flag(
      "--independent", co.independent,
      "Use independent random streams for the variant (to see what common random numbers buy)");

  BatchCli ko;
  CLI::App* calibrate = app.add_subcommand(
      "calibrate",
      "Fit the free parameters of the scenario's calibration: block to documented figures");
  add_fit_options(calibrate, ko, "calibration");

  BatchCli bt;
  CLI::App* backtest = app.add_subcommand(
      "backtest",
      "Calibrate on one year's figures, project the next year, compare with a naive forecast");
  add_fit_options(backtest, bt, "backtest");
  backtest->add_option("--fit-year", bt.fit_year, "Year to fit on; the next year is projected")
      ->capture_default_str();
  backtest->add_option(
      "--history", bt.history,
      "Also score 1- and 2-year-ahead first-application forecasts of the "
      "inflow model from each earlier year of this CSV (year,persons,...; e.g. "
      "../shared/domain/history/first-applications-year.csv): inflow-forecasts.csv");

  BatchCli po;
  CLI::App* posterior = app.add_subcommand(
      "posterior",
      "Write calibration.posterior (parameter uncertainty) for a calibrated scenario from the "
      "Jacobian at its current values, without refitting");
  add_fit_options(posterior, po, "posterior");

  std::string check_path;
  bool check_quiet = false, check_strict = false;
  CLI::App* check = app.add_subcommand(
      "check", "Check a scenario file without running it: errors, and plausibility warnings");
  check->add_option("scenario", check_path, "Scenario YAML file")->required();
  check->add_flag("--quiet", check_quiet, "Print nothing but errors and warnings");
  check->add_flag("--strict", check_strict, "Treat plausibility warnings as errors (exit code 3)");
  std::vector<std::string> check_sets;
  cli::add_set_option(check, check_sets);

  cli::SweepCli so;
  so.threads = default_threads();
  so.stop = &g_stop;
  CLI::App* sweep = app.add_subcommand(
      "sweep",
      "Run a scenario at a grid or Latin hypercube of values of one or more of its numbers "
      "(common random numbers): sweep.csv and report.html with response curves");
  cli::add_sweep_options(sweep, so);

  CLI::App* indicators = app.add_subcommand(
      "indicators", "List every indicator (metric id, kind, unit, meaning) of series.csv");

  for (CLI::App* sub : app.get_subcommands({})) sub->footer(cli::exit_code_footer());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = is_root() ? app.exit(e) : (e.get_exit_code() == 0 ? 0 : 1);
    return rc == 0 ? cli::kOk : cli::kUsageError;
  }
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  auto report = [](const std::string& msg) {
    if (is_root()) fmt::print(stderr, "{}\n", msg);
  };
  try {
    if (run->parsed()) return cmd_run(ro, command_line);
    if (validate->parsed()) return cmd_validate(vo, command_line);
    if (compare->parsed()) return cmd_compare(co);
    if (calibrate->parsed()) return cmd_calibrate(ko, command_line);
    if (backtest->parsed()) return cmd_backtest(bt);
    if (posterior->parsed()) return cmd_posterior(po, command_line);
    if (sweep->parsed()) return cli::cmd_sweep(so);
    if (check->parsed()) return cmd_check(check_path, check_sets, check_quiet, check_strict);
    if (indicators->parsed()) return is_root() ? cmd_indicators() : cli::kOk;
    if (is_root()) fmt::print("{}", app.help());
    return cli::kOk;
  } catch (const scenario::InputError& e) {
    report(e.what());
    return cli::kInputError;
  } catch (const output::OutputError& e) {
    report(fmt::format("asylumsim: {}", e.what()));
    return cli::kOutputError;
  } catch (const std::invalid_argument& e) {  // a value that did not parse: input, not a bug
    report(fmt::format("asylumsim: invalid input: {}", e.what()));
    return cli::kInputError;
  } catch (const std::logic_error& e) {
    report(fmt::format("asylumsim: internal error: {}", e.what()));
    return cli::kInvariantError;
  } catch (const std::exception& e) {
    report(fmt::format("asylumsim: {}", e.what()));
    return cli::kRuntimeError;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  Distributed::init(argc, argv);
  const int rc = dispatch(argc, argv);
  Distributed::finalize();
  return rc;
}
