// Running one replication of a scenario in a test and reading its indicators.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/model/chain_model.hpp"
#include "fixtures.hpp"

namespace asylumsim::test {

// A scenario and replication `rep` of it, run to the end. The model keeps a reference to its
// scenario, so both live here together.
struct RunOnce {
  scenario::Scenario s;
  model::ChainModel m;
  explicit RunOnce(const YAML::Node& y, std::uint64_t rep = 0)
      : s(test::scenario_from(y)), m(s, rep) {
    m.run();
  }
  operator const model::ChainModel&() const { return m; }
};

// An indicator's value on a date (YYYY-MM-DD) or in a period (2025, 2025-H1, 2025-03).
inline double indicator(const model::ChainModel& m, const std::string& id,
                        const std::string& when) {
  const auto* ind = indicators::find_indicator(id);
  REQUIRE(ind != nullptr);
  indicators::When w;
  if (when.size() == 10)
    w.date = engine::parse_date(when);
  else
    w.period = engine::parse_period(when);
  std::string err;
  auto v = indicators::evaluate(m.recorder(), m.scenario().calendar(), *ind, w, &err);
  INFO(id << " " << when << ": " << err);
  REQUIRE(v.has_value());
  return *v;
}

}  // namespace asylumsim::test
