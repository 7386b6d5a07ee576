#include "asylumsim/model/metrics.hpp"

#include <fmt/format.h>

namespace asylumsim::model {

using scenario::kLocationNames;
using scenario::kRouteNames;
using scenario::kTrackNames;

std::string Metrics::exit_week_bin_name(int week) {
  return fmt::format("housing.exit_weeks_bin.{:03d}", week);
}

std::string Metrics::exit_week_bin_name(int week, int band) {
  return fmt::format("housing.exit_weeks_bin.{}.{:03d}", kHouseholdBandNames[band], week);
}

void Metrics::register_all(engine::Recorder& r) {
  first_applications = r.counter("inflow.first_applications");
  first_amv = r.counter("inflow.first_applications_amv");
  repeat_applications = r.counter("inflow.repeat_applications");
  family_arrivals = r.counter("inflow.family_arrivals");
  resettlement = r.counter("inflow.resettlement");
  relocation = r.counter("inflow.relocation");
  dublin_in = r.counter("dublin.transfers_in");
  ukraine_activated = r.counter("inflow.ukraine_activated");
  first_aa_va = r.counter("track.first_aa_va");
  dublin_claims_sent = r.counter("dublin.claims_sent");
  decisions_first = r.counter("ind.decisions_first");
  grants_first = r.counter("ind.grants_first");
  rejections_first = r.counter("ind.rejections_first");
  other_first = r.counter("ind.other_first");
  referred_to_va = r.counter("ind.referred_to_va");
  investigations = r.counter("ind.investigations");
  for (int t = 0; t < scenario::kTracks; ++t) {
    decided_by_track[t] = r.counter(fmt::format("ind.decided_first.{}", kTrackNames[t]));
    within_term_by_track[t] = r.counter(fmt::format("ind.decided_within_term.{}", kTrackNames[t]));
    lead_time_weeks[t] = r.duration(fmt::format("ind.lead_time_weeks.{}", kTrackNames[t]));
    ind_backlog[t] = r.stock(fmt::format("ind.backlog.{}", kTrackNames[t]));
  }
  permits_total = r.counter("permits.total");
  permits_first = r.counter("permits.first");
  permits_repeat = r.counter("permits.repeat");
  permits_resettlement = r.counter("permits.resettlement");
  permits_side = r.counter("permits.side_inflow");
  permits_nareis = r.counter("permits.family");
  court_inflow = r.counter("court.inflow_total");
  court_appeals = r.counter("court.inflow_appeals");
  court_relief = r.counter("court.inflow_provisional_relief");
  court_not_in_time = r.counter("court.inflow_not_in_time");
  court_not_in_time_va = r.counter("court.inflow_not_in_time_va");
  court_rulings = r.counter("court.rulings");
  court_upheld = r.counter("court.upheld");
  council_inflow = r.counter("council_of_state.inflow_total");
  coa_received = r.counter("coa.received");
  coa_left = r.counter("coa.left");
  for (int i = 0; i < kIntakes; ++i)
    coa_received_from[i] = r.counter(fmt::format("coa.received.{}", kIntakeNames[i]));
  article8_family = r.counter("inflow.article8_family");
  housing_quota = r.counter("housing.quota");
  housing_realised = r.counter("housing.realised");
  ph_exited = r.counter("housing.permit_holders_exited");
  ph_exit_within_norm = r.counter("housing.exit_within_14w");
  har_plus_placements = r.counter("housing.har_plus_placements");
  har_plus_moved_on = r.counter("housing.har_plus_moved_on");
  transit_entries = r.counter("housing.transit_entries");
  transit_moved_on = r.counter("housing.transit_moved_on");
  har_plus_stock = r.stock("housing.har_plus_residents");
  transit_places = r.stock("housing.transit_places");
  transit_occupied = r.stock("housing.transit_residents");
  logeer_placements = r.counter("housing.logeer_placements");
  urgent_links = r.counter("housing.urgent_links");
  large_family_dwellings = r.counter("housing.large_family_dwellings");
  with_hosts = r.stock("housing.with_hosts");
  cost_coa_occupied = r.counter("cost.coa_occupied_places");
  cost_coa_empty = r.counter("cost.coa_empty_places");
  cost_har_plus = r.counter("cost.har_plus");
  cost_transit = r.counter("cost.doorstroomlocaties");
  cost_measures = r.counter("cost.measures");
  nareis_applications = r.counter("nareis.mvv_applications");
  permit_renewals = r.counter("ind.permit_renewals");
  nareis_decisions = r.counter("nareis.mvv_decisions");
  nareis_granted = r.counter("nareis.mvv_granted");
  nareis_unused = r.counter("nareis.mvv_unused");
  chain_forced = r.counter("departure.chain_forced");
  chain_independent = r.counter("departure.chain_independent");
  chain_unsupervised = r.counter("departure.chain_unsupervised");
  for (int k = 0; k < scenario::kRoutes; ++k)
    dtenv_route[k] = r.counter(fmt::format("departure.route.{}", kRouteNames[k]));
  dtenv_inflow = r.counter("departure.dtenv_inflow");
  dtenv_reentries_outside_reception = r.counter("departure.reentries_outside_reception");
  ukraine_arrivals = r.counter("ukraine.arrivals");
  detention_inflow = r.counter("departure.detention_inflow");
  in_detention = r.stock("departure.in_detention");
  ukraine_departures = r.counter("ukraine.departures");
  for (int k = 0; k < scenario::kNonAsylumRoutes; ++k)
    non_asylum_departed[k] =
        r.counter(fmt::format("departure.non_asylum.{}", scenario::kNonAsylumRouteNames[k]));
  non_asylum_entries = r.counter("departure.non_asylum.entries");
  non_asylum_caseload = r.stock("departure.non_asylum.caseload");

  coa_occupancy = r.stock("coa.occupancy");
  coa_capacity = r.stock("coa.capacity");
  coa_permit_holders = r.stock("coa.permit_holders");
  coa_amv = r.stock("coa.amv");
  limbo = r.stock("limbo.stock");
  away = r.stock("coa.away_to_return");
  nareis_waiting = r.stock("nareis.waiting_abroad");
  housing_backlog = r.stock("housing.backlog");
  housing_advance = r.stock("housing.advance");
  nareis_capacity = r.stock("nareis.decision_capacity_per_week");
  housing_waiting = r.stock("housing.waiting_in_coa");
  ukraine_registered = r.stock("ukraine.registered");
  ukraine_municipal = r.stock("ukraine.municipal_reception");
  ukraine_capacity = r.stock("ukraine.municipal_capacity");
  ind_paused = r.stock("ind.paused_by_moratorium");
  for (int l = 0; l < scenario::kLocations; ++l)
    coa_by_location[l] = r.stock(fmt::format("coa.occupancy.{}", kLocationNames[l]));
  coa_places_short = r.stock("coa.places_short");
  for (int l = 0; l < scenario::kLocations; ++l)
    coa_places_short_by_location[l] =
        r.stock(fmt::format("coa.places_short.{}", kLocationNames[l]));
  const char* stays[] = {"lt1y", "1to2y", "2to3y", "3to4y", "gt4y"};
  for (int i = 0; i < 5; ++i) stay_share[i] = r.stock(fmt::format("coa.stay_share.{}", stays[i]));
  const char* since[] = {"lt15w", "15w_6m", "6m_1y", "gt1y"};
  for (int i = 0; i < 4; ++i)
    ph_since_permit[i] = r.stock(fmt::format("coa.ph_since_permit.{}", since[i]));
  mean_stay_months = r.stock("coa.mean_stay_months");
  const char* quantiles[] = {"p10", "p50", "p90"};
  for (int i = 0; i < 3; ++i)
    stay_months_quantile[i] = r.stock(fmt::format("coa.stay_months.{}", quantiles[i]));
  permit_holder_share = r.stock("welfare.permit_holder_share");
  exit_weeks_after_permit = r.duration("housing.exit_weeks_after_permit");
  for (int w = 0; w < kExitWeekBins; ++w) exit_week_bin[w] = r.counter(exit_week_bin_name(w));
  for (int b = 0; b < kHouseholdBands; ++b) {
    const char* band = kHouseholdBandNames[b];
    ph_exited_by_household[b] = r.counter(fmt::format("housing.permit_holders_exited.{}", band));
    exit_within_norm_by_household[b] = r.counter(fmt::format("housing.exit_within_14w.{}", band));
    for (int w = 0; w < kExitWeekBins; ++w)
      exit_week_bin_by_household[b][w] = r.counter(exit_week_bin_name(w, b));
  }
}

}  // namespace asylumsim::model
