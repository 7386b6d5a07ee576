// Interruption and resumption of batches: SIGINT writes partial results marked incomplete; a
// batch killed with SIGKILL resumes from its checkpoint and gives the same bytes.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "../support/fixtures.hpp"

extern char** environ;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(ASYLUMSIM_CLI_PATH));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, ASYLUMSIM_CLI_PATH, &fa, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Waits until the checkpoint log holds at least `records` rows of `cells` values.
bool wait_for_records(const fs::path& log, std::size_t cells, int records) {
  const auto need = static_cast<std::uintmax_t>(records) * (8 + cells * 8);
  for (int i = 0; i < 3000; ++i) {
    std::error_code ec;
    if (fs::exists(log, ec) && fs::file_size(log, ec) > need) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

const std::string kSmall = asylumsim::test::source_path("tests/data/small.yaml");
}  // namespace

TEST_CASE("a killed batch resumes from its checkpoint with the same bytes", "[cli][checkpoint]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-resume";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path out = dir / "out", log = dir / "batch.ckpt";
  const std::vector<std::string> args = {
      "run",       kSmall, "--out",   out.string(),   "--replications", "40",
      "--threads", "1",    "--quiet", "--checkpoint", log.string()};
  // Uninterrupted reference (same command line, so summary.json matches byte for byte).
  REQUIRE(wait_exit(spawn(args)) == 0);
  CHECK_FALSE(fs::exists(log));  // removed on completion
  const std::string series = slurp(out / "series.csv"), summary = slurp(out / "summary.json");
  const std::size_t cells =
      static_cast<std::size_t>(std::count(series.begin(), series.end(), '\n') - 1) / 9;
  fs::remove_all(out);

  const pid_t pid = spawn(args);
  REQUIRE(wait_for_records(log, cells, 5));
  kill(pid, SIGKILL);
  CHECK(wait_exit(pid) == -SIGKILL);
  CHECK_FALSE(fs::exists(out / "series.csv"));  // nothing that looks complete
  REQUIRE(wait_exit(spawn(args)) == 0);         // resume
  CHECK(slurp(out / "series.csv") == series);
  CHECK(slurp(out / "summary.json") == summary);
}

TEST_CASE("a checkpoint of another run is refused", "[cli][checkpoint]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-ckpt-other";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "x.ckpt") << "ASYCKPT1 garbage";
  const int rc = wait_exit(spawn({"run", kSmall, "--out", (dir / "o").string(), "--replications",
                                  "2", "--quiet", "--checkpoint", (dir / "x.ckpt").string()}));
  CHECK(rc == 1);
}

TEST_CASE("SIGINT stops a batch cleanly with partial results marked incomplete",
          "[cli][interrupt]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-sigint";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path out = dir / "out", log = dir / "progress.ckpt";
  const pid_t pid = spawn({"run", kSmall, "--out", out.string(), "--replications", "5000",
                           "--threads", "1", "--quiet", "--checkpoint", log.string()});
  auto grid_cells = [&] {
    // The small scenario's grid size, from a quick one-replication run.
    const fs::path probe = dir / "probe";
    REQUIRE(wait_exit(spawn(
                {"run", kSmall, "--out", probe.string(), "--replications", "1", "--quiet"})) == 0);
    const std::string s = slurp(probe / "series.csv");
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n') - 1) / 9;
  }();
  REQUIRE(wait_for_records(log, grid_cells, 3));
  kill(pid, SIGINT);
  CHECK(wait_exit(pid) == 6);
  const auto j = nlohmann::json::parse(slurp(out / "summary.json"));
  CHECK(j["complete"] == false);
  CHECK(j["replications"].get<int>() >= 3);
  CHECK(j["replications"].get<int>() < 5000);
  CHECK(fs::exists(out / "series.csv"));
  CHECK(slurp(out / "report.html").find("Partial results") != std::string::npos);
  for (const auto& e : fs::directory_iterator(out))
    CHECK(e.path().filename().string().find("partial") == std::string::npos);
  CHECK(fs::exists(log));  // kept, so the batch can be resumed
}

TEST_CASE("a checkpoint is refused when the base a variant extends has changed",
          "[cli][checkpoint][correctness]") {
  const fs::path dir = fs::temp_directory_path() / "asylumsim-test-ckpt-base";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string base = slurp(kSmall);
  std::ofstream(dir / "base.yaml") << base;
  std::ofstream(dir / "variant.yaml") << "extends: base.yaml\nscenario:\n  name: variant\n";
  const fs::path log = dir / "v.ckpt";
  const std::vector<std::string> args = {"run",
                                         (dir / "variant.yaml").string(),
                                         "--out",
                                         (dir / "o").string(),
                                         "--replications",
                                         "40",
                                         "--threads",
                                         "1",
                                         "--quiet",
                                         "--checkpoint",
                                         log.string()};
  const pid_t pid = spawn(args);
  REQUIRE(wait_for_records(log, 1000, 1));
  kill(pid, SIGKILL);
  CHECK(wait_exit(pid) == -SIGKILL);
  // The variant file is untouched; only its base changes.
  const auto at = base.find("first_applications_per_year: 3000");
  REQUIRE(at != std::string::npos);
  base.replace(at, std::string("first_applications_per_year: 3000").size(),
               "first_applications_per_year: 3100");
  std::ofstream(dir / "base.yaml", std::ios::trunc) << base;
  CHECK(wait_exit(spawn(args)) == 1);
  CHECK(fs::exists(log));  // kept: it still belongs to the old run
  CHECK_FALSE(fs::exists(dir / "o" / "series.csv"));
}
