#include "cli_helpers.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <thread>

#include "asylumsim/montecarlo/compare.hpp"
#include "asylumsim/scenario/overrides.hpp"

namespace asylumsim::cli {

void claim_output_dir(const std::filesystem::path& out, const output::ResultIdentity& id,
                      bool force, bool quiet) {
  const std::string notice = output::prepare_output_dir(out, id, force);
  if (!notice.empty() && !quiet) fmt::print(stderr, "{}\n", notice);
}

int default_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

void add_set_option(CLI::App* cmd, std::vector<std::string>& sets) {
  cmd->add_option("--set", sets,
                  "Change one scenario value for this command: KEY.PATH=VALUE (repeatable; e.g. "
                  "--set ind.capacity_per_week.aa=450); checked like the file")
      ->allow_extra_args(false)
      ->check(CLI::Validator(
          [](std::string& text) {
            std::string why;
            return scenario::parse_override(text, &why) ? std::string() : why;
          },
          "KEY.PATH=VALUE"));
}

std::vector<scenario::Scenario> load_variants(const scenario::Scenario& base,
                                              const std::vector<std::string>& paths,
                                              const std::vector<std::string>& sets,
                                              const InputOptions& input) {
  std::vector<scenario::Scenario> variants;
  for (const auto& path : paths) {
    scenario::Scenario v = load_checked(path, sets, input);
    v.seed = base.seed;
    montecarlo::check_comparable(base, v);
    for (const auto& earlier : variants)
      if (earlier.name == v.name) {
        scenario::Diagnostics d;
        d.add({path, 0, 0, "scenario.name",
               fmt::format("'{}' is also the name of {} (expected a different name for each "
                           "variant: comparison.csv tells them apart by it)",
                           v.name, earlier.file)});
        throw scenario::InputError(d);
      }
    variants.push_back(std::move(v));
  }
  return variants;
}

void write_results_xlsx(const std::string& out_dir, std::vector<output::XlsxSheet> sheets,
                        const scenario::Scenario& s, std::uint64_t replications, bool interrupted,
                        bool exact_percentiles) {
  output::XlsxBook book{std::move(sheets), output::xlsx_settings(s, replications), {}};
  for (const auto& w : s.warnings) book.warnings.push_back(w);  // the scenario's plausibility
  if (interrupted)
    book.warnings.push_back(
        "interrupted: these are the results of the replications completed before the stop");
  if (!exact_percentiles)
    book.warnings.push_back(
        "percentiles are streaming (P-square) estimates: more replications than are kept exactly");
  output::write_xlsx(std::filesystem::path(out_dir) / "results.xlsx", book);
}

std::string compare_dir_name(const scenario::Scenario& base,
                             const std::vector<scenario::Scenario>& variants) {
  std::string name = base.name + "-vs";
  for (const auto& v : variants) name += "-" + v.name;
  return name;
}

}  // namespace asylumsim::cli
