// The asylumsim command line: run, check.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "asylumsim/cli/exit_codes.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/output/validation.hpp"
#include "asylumsim/output/writers.hpp"
#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/targets.hpp"
#include "asylumsim/version.hpp"

namespace {

using namespace asylumsim;
namespace fs = std::filesystem;

struct RunOptions {
  std::string scenario_path;
  std::string targets_path;
  std::string out_dir;
  std::int64_t seed = -1;
  int replications = 0;
  int threads = 0;
  bool quiet = false;
  bool force = false;
};

int default_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

// A progress line on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(bool enabled)
      : enabled_(enabled && isatty(STDERR_FILENO)), start_(clock::now()) {}
  void update(int done, int total) {
    if (!enabled_) return;
    std::lock_guard lock(mu_);
    const double secs = std::chrono::duration<double>(clock::now() - start_).count();
    const double rate = secs > 0 ? done / secs : 0;
    const double eta = rate > 0 ? (total - done) / rate : 0;
    const int width = 30;
    const int filled = total > 0 ? width * done / total : width;
    fmt::print(stderr, "\r[{}{}] {}/{} replications  {:.1f}/s  ETA {:.0f}s ",
               std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(width - filled), '.'), done, total, rate, eta);
    if (done == total) fmt::print(stderr, "\n");
  }

 private:
  using clock = std::chrono::steady_clock;
  bool enabled_;
  clock::time_point start_;
  std::mutex mu_;
};

int cmd_run(const RunOptions& o, const std::string& command_line) {
  scenario::Scenario s = scenario::load_scenario(o.scenario_path);
  if (o.seed >= 0) s.seed = static_cast<std::uint64_t>(o.seed);
  if (o.replications > 0) s.replications = o.replications;
  const fs::path out = o.out_dir.empty() ? fs::path("out") / s.name : fs::path(o.out_dir);
  try {
    output::prepare_output_dir(out, s.name, o.force);
  } catch (const std::exception& e) {
    fmt::print(stderr, "asylumsim: {}\n", e.what());
    return cli::kOutputError;
  }
  const auto t0 = std::chrono::steady_clock::now();
  Progress progress(!o.quiet);
  montecarlo::BatchOptions bo;
  bo.replications = s.replications;
  bo.threads = o.threads > 0 ? o.threads : default_threads();
  bo.progress = [&](int d, int n) { progress.update(d, n); };
  const auto grid = montecarlo::default_grid(s);
  const montecarlo::BatchResult r = montecarlo::run_batch(s, grid, bo);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  try {
    output::write_file_atomic(out / "series.csv", output::series_csv(r));
    output::write_file_atomic(out / "summary.json",
                              output::summary_json(s, r, {command_line, wall, bo.threads}));
  } catch (const std::exception& e) {
    fmt::print(stderr, "asylumsim: {}\n", e.what());
    return cli::kOutputError;
  }
  if (!o.quiet) {
    fmt::print("asylumsim {} — scenario '{}' ({} to {}), {} replications, seed {}\n", kVersion,
               s.name, engine::format_date(s.start), engine::format_date(s.end), s.replications,
               s.seed);
    fmt::print("{}", output::summary_table(s, r));
    fmt::print("{} events, {} persons, {:.2f} s wall on {} threads. Results: {}\n", r.events,
               r.persons, wall, bo.threads, out.string());
  }
  return cli::kOk;
}

int cmd_validate(const RunOptions& o, const std::string& command_line) {
  scenario::Scenario s = scenario::load_scenario(o.scenario_path);
  const std::vector<scenario::Target> targets = scenario::load_targets(o.targets_path);
  if (o.seed >= 0) s.seed = static_cast<std::uint64_t>(o.seed);
  if (o.replications > 0) s.replications = o.replications;
  const fs::path out =
      o.out_dir.empty() ? fs::path("out") / (s.name + "-validation") : fs::path(o.out_dir);
  try {
    output::prepare_output_dir(out, s.name, o.force);
  } catch (const std::exception& e) {
    fmt::print(stderr, "asylumsim: {}\n", e.what());
    return cli::kOutputError;
  }
  Progress progress(!o.quiet);
  montecarlo::BatchOptions bo;
  bo.replications = s.replications;
  bo.threads = o.threads > 0 ? o.threads : default_threads();
  bo.progress = [&](int d, int n) { progress.update(d, n); };
  const auto t0 = std::chrono::steady_clock::now();
  const montecarlo::BatchResult r = montecarlo::run_batch(s, output::target_grid(targets), bo);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto rows = output::validation_rows(targets, r);
  try {
    output::write_file_atomic(out / "validation.csv", output::validation_csv(rows));
    output::write_file_atomic(out / "summary.json",
                              output::summary_json(s, r, {command_line, wall, bo.threads}));
  } catch (const std::exception& e) {
    fmt::print(stderr, "asylumsim: {}\n", e.what());
    return cli::kOutputError;
  }
  if (!o.quiet) {
    fmt::print("asylumsim {} — validating '{}' against {} ({} targets, {} replications)\n",
               kVersion, s.name, o.targets_path, targets.size(), s.replications);
    fmt::print("{}", output::validation_table(rows));
    fmt::print("Results: {}\n", (out / "validation.csv").string());
  }
  return cli::kOk;
}

int cmd_check(const std::string& path, bool quiet) {
  const scenario::Scenario s = scenario::load_scenario(path);
  if (!quiet)
    fmt::print("{}: scenario '{}' is valid ({} to {}, {} nationality groups)\n", path, s.name,
               engine::format_date(s.start), engine::format_date(s.end), s.groups.size());
  return cli::kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"asylumsim: person-level discrete-event simulator of the Dutch asylum chain"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", fmt::format("asylumsim {} (commit {})", kVersion, kGitCommit));
  app.footer(
      "Exit codes: 0 ok, 1 runtime error, 2 usage error, 3 invalid input file, "
      "4 model invariant violated, 5 output not written. See docs/cli.md.");

  RunOptions ro;
  CLI::App* run = app.add_subcommand(
      "run", "Run a scenario (Monte Carlo batch) and write series.csv and summary.json");
  run->add_option("scenario", ro.scenario_path, "Scenario YAML file")
      ->required()
      ->check(CLI::ExistingFile);
  run->add_option("--out", ro.out_dir, "Output directory (default: out/<scenario name>)");
  run->add_option("--seed", ro.seed, "Master seed (default: the scenario's seed)")
      ->check(CLI::NonNegativeNumber);
  run->add_option("--replications", ro.replications,
                  "Number of replications (default: the scenario's)")
      ->check(CLI::Range(1, 10'000'000));
  run->add_option("--threads", ro.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 4096));
  run->add_flag("--quiet", ro.quiet, "Print nothing but errors");
  run->add_flag("--force", ro.force,
                "Overwrite an output directory holding another scenario's results");

  RunOptions vo;
  CLI::App* validate =
      app.add_subcommand("validate", "Compare a scenario with documented figures (validation.csv)");
  validate->add_option("scenario", vo.scenario_path, "Scenario YAML file")
      ->required()
      ->check(CLI::ExistingFile);
  validate
      ->add_option("--targets", vo.targets_path,
                   "Targets YAML file (format of targets-2024-2025.yaml)")
      ->required()
      ->check(CLI::ExistingFile);
  validate->add_option("--out", vo.out_dir,
                       "Output directory (default: out/<scenario name>-validation)");
  validate->add_option("--seed", vo.seed, "Master seed (default: the scenario's seed)")
      ->check(CLI::NonNegativeNumber);
  validate
      ->add_option("--replications", vo.replications,
                   "Number of replications (default: the scenario's)")
      ->check(CLI::Range(1, 10'000'000));
  validate->add_option("--threads", vo.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1, 4096));
  validate->add_flag("--quiet", vo.quiet, "Print nothing but errors");
  validate->add_flag("--force", vo.force,
                     "Overwrite an output directory holding another scenario's results");

  std::string check_path;
  bool check_quiet = false;
  CLI::App* check = app.add_subcommand("check", "Validate a scenario file without running it");
  check->add_option("scenario", check_path, "Scenario YAML file")->required();
  check->add_flag("--quiet", check_quiet, "Print nothing but errors");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? cli::kOk : cli::kUsageError;
  }
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  try {
    if (run->parsed()) return cmd_run(ro, command_line);
    if (validate->parsed()) return cmd_validate(vo, command_line);
    if (check->parsed()) return cmd_check(check_path, check_quiet);
    fmt::print("{}", app.help());
    return cli::kOk;
  } catch (const scenario::InputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return cli::kInputError;
  } catch (const std::logic_error& e) {
    fmt::print(stderr, "asylumsim: internal error: {}\n", e.what());
    return cli::kInvariantError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "asylumsim: {}\n", e.what());
    return cli::kRuntimeError;
  }
}
