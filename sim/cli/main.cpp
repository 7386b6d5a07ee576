// The asylumsim command line: parses the options and dispatches to the commands (run, validate
// and compare in batch.cpp, calibrate and backtest in fit.cpp, sweep in sweep.cpp; check and
// indicators here).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/cli/exit_codes.hpp"
#include "asylumsim/indicators/listing.hpp"
#include "asylumsim/montecarlo/distributed.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/schema.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"
#include "asylumsim/version.hpp"
#include "batch.hpp"
#include "cli_helpers.hpp"
#include "fit.hpp"
#include "option_checks.hpp"
#include "scenario_input.hpp"
#include "uncertainty_option.hpp"

namespace {

using namespace asylumsim;
using montecarlo::Distributed;

// Set by SIGINT/SIGTERM: the batch stops taking replications and writes what is complete.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);
extern "C" void on_stop_signal(int) {
  g_stop.store(true);
}

int cmd_check(const std::string& path, const std::vector<std::string>& sets, bool quiet,
              bool strict) {
  const scenario::Scenario s = cli::load_checked(path, sets, {strict, cli::is_root()});
  const YAML::Node root = scenario::load_yaml_file(path);
  if (root["calibration"])
    calibration::read_posterior(root, calibration::read_calibration(root, path), path);
  if (!quiet && cli::is_root())
    fmt::print("{}: scenario '{}' is valid ({} to {}, {} nationality groups, hash {}){}\n", path,
               s.name, engine::format_date(s.start), engine::format_date(s.end), s.groups.size(),
               s.hash,
               s.warnings.empty() ? "" : fmt::format("; {} warning(s) above", s.warnings.size()));
  return cli::kOk;
}

// Every indicator the model computes: the metric ids of series.csv and of targets files.
int cmd_indicators() {
  fmt::print("{}", indicators::catalogue_listing());
  return cli::kOk;
}

// Prints the scenario reference tables, or rewrites the generated blocks of a Markdown file
// (docs/scenario.md) in place from the section schemas.
int cmd_schema(const std::string& update_path) {
  if (update_path.empty()) {
    fmt::print("{}", scenario::schema::reference_markdown());
    return cli::kOk;
  }
  std::ifstream in(update_path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", update_path));
  std::ostringstream text;
  text << in.rdbuf();
  in.close();
  std::string updated;
  try {
    updated = scenario::schema::regenerate(text.str());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", update_path, e.what()));
  }
  if (updated == text.str()) return cli::kOk;
  std::ofstream out(update_path, std::ios::binary | std::ios::trunc);
  out << updated;
  if (!out) throw output::OutputError(fmt::format("cannot write {}", update_path));
  return cli::kOk;
}

int dispatch(int argc, char** argv) {
  CLI::App app{"asylumsim: person-level discrete-event simulator of the Dutch asylum chain"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", fmt::format("asylumsim {} (commit {})", kVersion, kGitCommit));
  app.footer(cli::exit_code_footer());

  cli::BatchCli ro;
  ro.stop = &g_stop;
  CLI::App* run = app.add_subcommand(
      "run", "Run a scenario (Monte Carlo batch); write series.csv, summary.json and report.html");
  run->add_option("scenario", ro.scenario_path, "Scenario YAML file")->required();
  cli::add_batch_options(run, ro, "out/<scenario name>");
  cli::add_uncertainty_option(run, ro.uncertainty);

  cli::BatchCli vo;
  vo.stop = &g_stop;
  CLI::App* validate = app.add_subcommand(
      "validate", "Compare a scenario with documented figures: validation.csv and report.html");
  validate->add_option("scenario", vo.scenario_path, "Scenario YAML file")->required();
  validate
      ->add_option("--targets", vo.targets_path,
                   "Targets YAML file (format of targets-2024-2025.yaml)")
      ->required();
  cli::add_batch_options(validate, vo, "out/<scenario name>-validation");
  validate->add_flag("--require-acceptance", vo.require_acceptance,
                     "Exit with code 7 if a figure is outside its acceptance band (issue 4)");

  cli::BatchCli co;
  co.stop = &g_stop;
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
  compare->add_flag(
      "--independent", co.independent,
      "Use independent random streams for the variant (to see what common random numbers buy)");
  cli::add_uncertainty_option(compare, co.uncertainty);

  cli::FitCli ko;
  CLI::App* calibrate = app.add_subcommand(
      "calibrate",
      "Fit the free parameters of the scenario's calibration: block to documented figures");
  cli::add_fit_options(calibrate, ko, "calibration");

  cli::FitCli bt;
  CLI::App* backtest = app.add_subcommand(
      "backtest",
      "Calibrate on one year's figures, project the next year, compare with a naive forecast");
  cli::add_fit_options(backtest, bt, "backtest");
  backtest->add_option("--fit-year", bt.fit_year, "Year to fit on; the next year is projected")
      ->capture_default_str();
  backtest->add_option(
      "--history", bt.history,
      "Also score 1- and 2-year-ahead first-application forecasts of the "
      "inflow model from each earlier year of this CSV (year,persons,...; e.g. "
      "../shared/domain/history/first-applications-year.csv): inflow-forecasts.csv");

  cli::FitCli po;
  CLI::App* posterior = app.add_subcommand(
      "posterior",
      "Write calibration.posterior (parameter uncertainty) for a calibrated scenario from the "
      "Jacobian at its current values, without refitting");
  cli::add_fit_options(posterior, po, "posterior");

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
  so.threads = cli::default_threads();
  so.stop = &g_stop;
  CLI::App* sweep = app.add_subcommand(
      "sweep",
      "Run a scenario at a grid or Latin hypercube of values of one or more of its numbers "
      "(common random numbers): sweep.csv and report.html with response curves");
  cli::add_sweep_options(sweep, so);

  CLI::App* indicators = app.add_subcommand(
      "indicators", "List every indicator (metric id, kind, unit, meaning) of series.csv");

  std::string schema_update;
  CLI::App* schema = app.add_subcommand(
      "schema",
      "Print the scenario reference tables (key, form, range, unit, default, meaning of every "
      "section) as Markdown, from the schemas the scenario reader walks");
  bool schema_markdown = true;  // the only format; the flag says so on the command line
  schema->add_flag("--markdown", schema_markdown, "Print the tables as Markdown (the default)");
  schema->add_option("--update", schema_update,
                     "Rewrite the generated tables of this Markdown file in place "
                     "(docs/scenario.md); the prose around them is kept");

  for (CLI::App* sub : app.get_subcommands({})) sub->footer(cli::exit_code_footer());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = cli::is_root() ? app.exit(e) : (e.get_exit_code() == 0 ? 0 : 1);
    return rc == 0 ? cli::kOk : cli::kUsageError;
  }
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  auto report = [](const std::string& msg) {
    if (cli::is_root()) fmt::print(stderr, "{}\n", msg);
  };
  try {
    if (run->parsed()) return cli::cmd_run(ro, command_line);
    if (validate->parsed()) return cli::cmd_validate(vo, command_line);
    if (compare->parsed()) return cli::cmd_compare(co);
    if (calibrate->parsed()) return cli::cmd_calibrate(ko, command_line);
    if (backtest->parsed()) return cli::cmd_backtest(bt);
    if (posterior->parsed()) return cli::cmd_posterior(po, command_line);
    if (sweep->parsed()) return cli::cmd_sweep(so);
    if (check->parsed()) return cmd_check(check_path, check_sets, check_quiet, check_strict);
    if (indicators->parsed()) return cli::is_root() ? cmd_indicators() : cli::kOk;
    if (schema->parsed()) return cli::is_root() ? cmd_schema(schema_update) : cli::kOk;
    if (cli::is_root()) fmt::print("{}", app.help());
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
