#include "asylumsim/output/validation.hpp"

#include <fmt/format.h>

#include "asylumsim/indicators/indicator.hpp"

namespace asylumsim::output {

using montecarlo::within_acceptance;

std::string validation_csv(const std::vector<ValidationRow>& rows) {
  std::string out = "id,when,target,model_mean,model_p05,model_p95,rel_error\n";
  for (const auto& r : rows)
    out +=
        fmt::format("{},{},{},{},{},{},{}\n", r.target->id, r.target->when.label(), r.target->value,
                    indicators::csv_value(r.model.mean), indicators::csv_value(r.model.p05),
                    indicators::csv_value(r.model.p95), indicators::csv_value(r.rel_error));
  return out;
}

std::string validation_table(const std::vector<ValidationRow>& rows) {
  std::string out =
      fmt::format("{:<38} {:<10} {:>12} {:>12} {:>25} {:>9} {:>7}  {}\n", "id", "when", "target",
                  "model mean", "model 90% band", "error", "band", "within");
  std::size_t within = 0;
  for (const auto& r : rows) {
    const indicators::Acceptance a = indicators::acceptance_for(*r.target);
    const bool ok = within_acceptance(r);
    within += ok;
    const bool share = r.target->kind == "share";
    const auto f = [&](double v) {
      return share ? fmt::format("{:.3f}", v) : fmt::format("{:.0f}", v);
    };
    out += fmt::format("{:<38} {:<10} {:>12} {:>12} {:>25} {:>+8.1f}% {:>7}  {}\n", r.target->id,
                       r.target->when.label(), f(r.target->value), f(r.model.mean),
                       fmt::format("[{}, {}]", f(r.model.p05), f(r.model.p95)), 100.0 * r.rel_error,
                       fmt::format("±{:.0f}{}", 100 * a.tolerance, a.relative ? "%" : "pp"),
                       ok ? "yes" : "NO");
  }
  out += fmt::format(
      "{} of {} figures within their acceptance band (flows and stocks ±10%, durations ±15%, "
      "shares ±5 points, key figures ±5%)\n",
      within, rows.size());
  return out;
}

}  // namespace asylumsim::output
