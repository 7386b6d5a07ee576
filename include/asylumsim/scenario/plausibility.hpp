// Plausibility warnings: values that are legal but most likely a mistake (a factor of 30 meant as
// +30%, a measure dated before the scenario starts, a cost left at its default of 0, a capacity
// change larger than the whole stock). Each warning has FILE:LINE:COLUMN, the key path, a one-line
// reason and, where one can be guessed, a suggestion. They do not stop a run; `--strict` makes
// them errors. docs/reliability.md lists every check and its threshold.
#pragma once

#include <string>
#include <vector>

#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/resolve.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::scenario {

// Thresholds, from the domain (shared/domain/history/first-applications-*.csv): since 2018 the
// largest quarter-on-quarter rise of first applications was x2.6 (2021 Q3) and the largest fall
// x0.28 (2020 Q2, COVID); the 2015 crisis year was x1.8 of 2014. A shock beyond x3 or below x0.5
// is therefore more likely a percentage typed as a factor than a scenario.
inline constexpr double kShockHigh = 3.0;
inline constexpr double kShockLow = 0.5;
// Other multiplying factors (speedups, nareis, voluntary return): an order of magnitude either
// way is no policy anyone has proposed.
inline constexpr double kFactorHigh = 5.0;
inline constexpr double kFactorLow = 0.2;

// The checks a measure type runs on its parameters (MeasureParams::warn): each warning is placed
// at measures.NAME.KEY in the file of the chain that gives the value.
class MeasureWarner {
 public:
  MeasureWarner(const std::vector<SourceFile>& chain, Diagnostics& out, const Scenario& s,
                const Measure& m)
      : chain_(chain), out_(out), s_(s), m_(m) {}

  const Scenario& scenario() const { return s_; }
  const Measure& measure() const { return m_; }

  void warn(const std::string& key, const std::string& message) const;
  // A factor outside [low, high], with a guess at the percentage it was typed as.
  void factor(const std::string& key, double f, double low, double high,
              const std::string& what) const;
  // A cost left out (it defaults to 0, and the measure counts as free).
  void cost_given(const std::string& key, const std::string& what) const;
  // An amount in euros most likely typed in thousands.
  void euros(const std::string& key, double v) const;
  // A term in days most likely typed in months.
  void days(const std::string& key, double value) const;

  // A number for prose: whole numbers with thousands separators ("10,000"), others to 4 digits.
  static std::string number_text(double v);
  // A capacity just before a measure that changes it by own_change from `from`.
  static double before(const Schedule& capacity, Tick from, double own_change);

 private:
  std::vector<std::string> path(const std::string& key) const;

  const std::vector<SourceFile>& chain_;
  Diagnostics& out_;
  const Scenario& s_;
  const Measure& m_;
};

// Warnings for the loaded scenario `s`, located in the files of its `extends` chain (the file
// that gives a value is the one named).
Diagnostics plausibility_warnings(const Scenario& s, const std::vector<SourceFile>& chain);

// The same for the scenario file at `path` (which must load without errors).
Diagnostics plausibility_warnings(const std::string& path, const Scenario& s);

}  // namespace asylumsim::scenario
