// Running the asylumsim executable from tests, and reading what it wrote.
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace asylumsim::test {

struct CliResult {
  int code;
  std::string output;
};

// Runs a shell command; its exit code and its stdout and stderr together.
inline CliResult run_command(const std::string& command) {
  const std::string cmd = command + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline CliResult run_asylumsim(const std::string& args) {
  return run_command(std::string(ASYLUMSIM_CLI_PATH) + " " + args);
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path empty_test_dir(const std::string& name) {
  const auto d = std::filesystem::temp_directory_path() / ("asylumsim-test-" + name);
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

inline std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, ',')) out.push_back(f);
  if (line.ends_with(',')) out.emplace_back();  // a last field that is empty (a missing value)
  return out;
}

// series.csv's values: "metric|when|statistic" -> value (the last four columns, after the
// identity columns every tidy file starts with). Missing values (empty) are left out.
inline std::map<std::string, double> read_series(const std::filesystem::path& p) {
  std::map<std::string, double> out;
  std::stringstream in(read_file(p));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto f = split_fields(line);
    if (f.size() < 4) continue;
    const std::size_t k = f.size() - 4;
    if (f[k + 3].empty()) continue;  // a missing value
    out[f[k] + "|" + f[k + 1] + "|" + f[k + 2]] = std::stod(f[k + 3]);
  }
  return out;
}

}  // namespace asylumsim::test
