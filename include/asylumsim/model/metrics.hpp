// Metric ids the model records. The figures the chain reports are computed from them by the
// indicator catalogue (indicators/indicator.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/engine/recorder.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

using MetricId = engine::Recorder::Id;

// Why someone gets a new COA reception contract: the parts of coa.received (Fig 63 counts them
// together). kIntakeNone: the stock on the start date, which is not a flow.
enum Intake : std::uint8_t {
  kIntakeRegistration,       // first and repeat applications, Dublin transfers in, relocation
  kIntakeNareis,             // arriving family members (mvv-nareis)
  kIntakeArticle8,           // family members with a regular permit (art. 8 ECHR)
  kIntakeResettlement,       // resettled refugees
  kIntakeReRegistration,     // back after leaving with unknown destination
  kIntakeDublinTermEnd,      // a Dublin transfer term passed: back into the procedure (AA)
  kIntakeLaterPermit,        // a permit reached someone outside reception (limbo, DTenV caseload)
  kIntakeUkraineActivation,  // an activated Ukrainian application, when they move to COA
  kIntakeOther,              // back into reception for a decision or a move while outside
  kIntakes,
  kIntakeNone = kIntakes
};
inline constexpr std::array<const char*, kIntakes> kIntakeNames = {
    "registration",    "nareis",       "article8",           "resettlement", "re_registration",
    "dublin_term_end", "later_permit", "ukraine_activation", "other"};

struct Metrics {
  // flows
  MetricId first_applications, first_amv, repeat_applications, family_arrivals, resettlement,
      relocation, dublin_in, ukraine_activated, first_aa_va, dublin_claims_sent, article8_family;
  MetricId decisions_first, grants_first, rejections_first, other_first, referred_to_va,
      investigations;
  std::array<MetricId, scenario::kTracks> decided_by_track, within_term_by_track;
  MetricId permits_total, permits_first, permits_repeat, permits_resettlement, permits_side,
      permits_nareis;
  MetricId court_inflow, court_appeals, court_relief, court_not_in_time, court_not_in_time_va,
      court_rulings, court_upheld, council_inflow;
  MetricId coa_received, coa_left;
  std::array<MetricId, kIntakes> coa_received_from;
  MetricId housing_quota, housing_realised, ph_exited, ph_exit_within_norm;
  MetricId har_plus_placements, har_plus_moved_on, transit_entries, transit_moved_on,
      har_plus_stock, transit_places, transit_occupied, logeer_placements, with_hosts, urgent_links,
      large_family_dwellings;
  MetricId cost_coa_occupied, cost_coa_empty, cost_har_plus, cost_transit, cost_measures;
  MetricId nareis_applications, nareis_decisions, nareis_granted, nareis_unused, permit_renewals;
  MetricId chain_forced, chain_independent, chain_unsupervised;
  std::array<MetricId, scenario::kRoutes> dtenv_route;
  MetricId dtenv_inflow, dtenv_reentries_outside_reception;
  MetricId ukraine_arrivals, ukraine_departures, detention_inflow, in_detention;
  std::array<MetricId, scenario::kNonAsylumRoutes> non_asylum_departed;
  MetricId non_asylum_entries, non_asylum_caseload;
  // stocks
  MetricId coa_occupancy, coa_capacity, coa_permit_holders, coa_amv, limbo, away, nareis_waiting,
      housing_backlog, housing_advance, nareis_capacity, housing_waiting, ukraine_registered,
      ukraine_municipal, ukraine_capacity, ind_paused;
  std::array<MetricId, scenario::kTracks> ind_backlog;
  std::array<MetricId, scenario::kLocations> coa_by_location;
  MetricId coa_places_short;  // occupancy above the places available, 0 when within
  std::array<MetricId, scenario::kLocations> coa_places_short_by_location;
  std::array<MetricId, 5> stay_share;       // lt1y, 1to2y, 2to3y, 3to4y, gt4y (census)
  std::array<MetricId, 4> ph_since_permit;  // lt15w, 15w_6m, 6m_1y, gt1y (census)
  MetricId mean_stay_months, permit_holder_share;
  std::array<MetricId, 3> stay_months_quantile;  // P10, P50, P90 of the current stay (census)
  // durations
  std::array<MetricId, scenario::kTracks> lead_time_weeks;
  MetricId exit_weeks_after_permit;
  // Exits of permit holders from COA by whole weeks since the permit (counters; the last bin holds
  // kExitWeekBins - 1 weeks or more): the quantile indicators housing.exit_weeks_after_permit.pNN.
  static constexpr int kExitWeekBins = 157;
  std::array<MetricId, kExitWeekBins> exit_week_bin;

  // The same by the size of the household housed (persons in it: those who arrived together and
  // family members who joined): 1, 2-3, 4-5, 6 or more (the large-family scheme's 6-9 and 10+).
  static constexpr int kHouseholdBands = 4;
  static constexpr std::array<const char*, kHouseholdBands> kHouseholdBandNames = {
      "hh_1", "hh_2_3", "hh_4_5", "hh_6plus"};
  static int household_band(int persons) {
    return persons <= 1 ? 0 : persons <= 3 ? 1 : persons <= 5 ? 2 : 3;
  }
  std::array<MetricId, kHouseholdBands> ph_exited_by_household, exit_within_norm_by_household;
  std::array<std::array<MetricId, kExitWeekBins>, kHouseholdBands> exit_week_bin_by_household;

  void register_all(engine::Recorder& r);
  static std::string exit_week_bin_name(int week);            // housing.exit_weeks_bin.000 ...
  static std::string exit_week_bin_name(int week, int band);  // housing.exit_weeks_bin.hh_1.000
};

}  // namespace asylumsim::model
