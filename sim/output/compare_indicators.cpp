#include "asylumsim/output/compare_indicators.hpp"

#include <fmt/format.h>

#include "asylumsim/indicators/indicator.hpp"

namespace asylumsim::output {

const std::vector<CompareIndicator>& compare_indicators() {
  static const std::vector<CompareIndicator> list = {
      {"inflow.first_applications", "first applications"},
      {"ind.decisions_first", "IND decisions"},
      {"ind.grants_first", "IND grants"},
      {"permits.total", "permits"},
      {"coa.occupancy", "COA occupancy"},
      {"coa.permit_holders", "permit holders in COA"},
      {"welfare.permit_holder_share", "permit holders' share of COA"},
      {"housing.realised", "housed (taakstelling)"},
      {"housing.exit_within_14w_share", "exits within 14 weeks"},
      {"ind.backlog.aa", "IND backlog AA"},
      {"ind.backlog.va", "IND backlog VA"},
      {"nareis.waiting_abroad", "nareis waiting abroad"},
      {"departure.chain_total", "departures"},
      {"housing.permit_holders_exited", "permit holders out of COA"},
      {"coa.bed_days", "COA bed-days"},
      {"coa.bed_days.emergency", "emergency bed-days"},
      {"cost.total", "cost (EUR)"},
  };
  return list;
}

std::string compare_when(const CompareIndicator& k, int year) {
  using K = indicators::Indicator::Kind;
  const indicators::Indicator* ind = indicators::find_indicator(k.id);
  const bool stock = ind && (ind->kind == K::kStock || ind->kind == K::kStockRatio);
  return stock ? fmt::format("{:04d}-01-01", year + 1) : fmt::format("{:04d}", year);
}

}  // namespace asylumsim::output
