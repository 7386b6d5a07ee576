#include <fmt/format.h>

#include "asylumsim/indicators/by_group.hpp"
#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/model/metrics.hpp"

namespace asylumsim::indicators {

using model::kIntakeNames;
using scenario::kLocationNames;
using scenario::kRouteNames;
using scenario::kTrackNames;

namespace {

// P10, P50 and P90 of the weeks from permit to leaving COA, from the weekly exit bins (all
// exits, band -1, or those of one household-size band).
void add_exit_week_quantiles(std::vector<Indicator>& c, const std::string& id,
                             const std::string& whose, int band) {
  std::vector<std::string> bins;
  for (int w = 0; w < model::Metrics::kExitWeekBins; ++w)
    bins.push_back(band < 0 ? model::Metrics::exit_week_bin_name(w)
                            : model::Metrics::exit_week_bin_name(w, band));
  for (const auto& [q, level] : {std::pair{"p10", 0.1}, {"p50", 0.5}, {"p90", 0.9}})
    c.push_back({fmt::format("{}.{}", id, q),
                 Indicator::Kind::kDurationQuantile,
                 bins,
                 {},
                 "weeks",
                 fmt::format("{}th percentile of weeks from permit to leaving COA for housing{} "
                             "(weekly bins; 156 reads as three years or more)",
                             static_cast<int>(level * 100), whose),
                 level});
}

// The exits of permit holders of one household-size band: weeks since the permit and the share
// within the 14-week norm.
void add_exits_by_household(std::vector<Indicator>& c, int band) {
  const std::string name = model::Metrics::kHouseholdBandNames[band];
  static constexpr std::array<const char*, model::Metrics::kHouseholdBands> kWhose = {
      "single persons", "households of 2-3 persons", "households of 4-5 persons",
      "households of 6 persons or more"};
  const std::string whose = fmt::format(", {}", kWhose[band]);
  c.push_back({"housing.permit_holders_exited." + name,
               Indicator::Kind::kFlow,
               {"housing.permit_holders_exited." + name},
               {},
               "persons",
               "permit holders leaving COA to housing" + whose});
  add_exit_week_quantiles(c, "housing.exit_weeks_after_permit." + name, whose, band);
  c.push_back({"housing.exit_within_14w_share." + name,
               Indicator::Kind::kCounterShare,
               {"housing.exit_within_14w." + name},
               {"housing.permit_holders_exited." + name},
               "share",
               "share housed within the 14-week norm" + whose});
}

std::vector<Indicator> build_catalogue() {
  using K = Indicator::Kind;
  std::vector<Indicator> c;
  auto flow = [&](std::string id, std::string desc, std::string metric = {}) {
    c.push_back({id, K::kFlow, {metric.empty() ? id : metric}, {}, "persons", std::move(desc)});
  };
  auto stock = [&](std::string id, std::string desc, std::string unit = "persons") {
    c.push_back({id, K::kStock, {id}, {}, std::move(unit), std::move(desc)});
  };
  flow("inflow.first_applications", "first asylum applications registered (incl. births)");
  flow("inflow.first_applications_amv", "first applications by unaccompanied minors (amv)");
  flow("inflow.repeat_applications", "second and repeat applications");
  flow("inflow.family_arrivals", "family members arriving through nareis (nareizigers)");
  flow("inflow.resettlement", "resettled refugees arriving");
  flow("inflow.article8_family",
       "family members arriving with a regular permit under art. 8 ECHR (received by COA, housed "
       "under the taakstelling; not asylum inflow)");
  flow("inflow.relocation", "relocated asylum seekers arriving");
  flow("inflow.ukraine_activated", "dormant applications of Ukrainians activated");
  c.push_back({"track.share_aa_va_of_first",
               K::kCounterShare,
               {"track.first_aa_va"},
               {"inflow.first_applications"},
               "share",
               "share of first applications to AA/VA (spoor 4)"});
  flow("ind.decisions_first", "IND decisions on first applications");
  flow("ind.grants_first", "grants on first applications");
  flow("ind.rejections_first", "rejections on first applications");
  flow("ind.other_first", "other outcomes (withdrawn, not processed)");
  flow("ind.investigations",
       "IND cases held for further investigation (nader onderzoek) before their decision");
  c.push_back({"ind.grant_rate_first",
               K::kCounterShare,
               {"ind.grants_first"},
               {"ind.decisions_first"},
               "share",
               // The brief calls it grants / (grants + rejections), but its figures are grants /
               // all decisions: 15,650 / 28,990 = 54% and 7,160 / 20,960 = 34% (Fig 72).
               "grants / all decisions (incl. other outcomes), first applications"});
  for (int t = 0; t < scenario::kTracks; ++t) {
    const std::string tn = kTrackNames[t];
    c.push_back({"ind.lead_time_weeks." + tn,
                 K::kDurationMean,
                 {"ind.lead_time_weeks." + tn},
                 {},
                 "weeks",
                 "mean weeks from application to decision, first applications decided in " + tn});
    c.push_back({"ind.within_legal_term." + tn,
                 K::kCounterShare,
                 {"ind.decided_within_term." + tn},
                 {"ind.decided_first." + tn},
                 "share",
                 "share of " + tn + " decisions within the legal term"});
    flow("ind.decisions_first." + tn, "IND decisions on first applications in " + tn,
         "ind.decided_first." + tn);
    stock("ind.backlog." + tn, "cases waiting for a first-instance decision in " + tn);
  }
  flow("ind.permit_renewals", "temporary asylum permits renewed (EU Pact: 3-year permits)");
  flow("permits.total", "asylum permits issued (first, repeat, resettlement, side inflow, family)");
  flow("permits.first", "permits on first applications");
  flow("permits.repeat", "permits on repeat applications");
  flow("permits.side_inflow", "permits after reopening (court annulment, later permit)");
  flow("permits.family", "derived permits for arriving family members");
  flow("court.inflow_total", "court inflow: appeals, provisional relief and not-in-time appeals");
  flow("court.inflow_not_in_time_va",
       "appeals for not deciding in time registered as VA (cases waiting in the AA or VA queue)");
  flow("court.inflow_not_in_time", "appeals for not deciding in time, all tracks");
  flow("court.inflow_appeals", "appeals (beroep) against IND decisions");
  flow("court.inflow_provisional_relief", "requests for provisional relief (vovo)");
  c.push_back({"court.ind_upheld_share",
               K::kCounterShare,
               {"court.upheld"},
               {"court.rulings"},
               "share",
               "share of court rulings upholding the IND decision"});
  flow("council_of_state.inflow_total", "higher appeals to the Council of State");
  flow("coa.received", "persons received in COA reception (new reception contracts)");
  for (const char* from : kIntakeNames)
    flow(fmt::format("coa.received.{}", from),
         "persons received in COA reception, by reason (parts of coa.received)");
  flow("coa.left", "persons leaving COA reception");
  flow("coa.re_registrations",
       "persons who left with unknown destination coming back to COA (new reception contract, "
       "counted in coa.received)",
       "coa.received.re_registration");
  stock("coa.occupancy", "residents of COA reception");
  stock("coa.capacity", "COA reception places");
  stock("coa.permit_holders", "permit holders in COA reception");
  stock("coa.amv", "unaccompanied minors in COA reception");
  c.push_back({"coa.occupancy_rate",
               K::kStockRatio,
               {"coa.occupancy"},
               {"coa.capacity"},
               "share",
               "COA occupancy / capacity"});
  c.push_back({"coa.places_added",
               K::kStockDelta,
               {"coa.capacity"},
               {},
               "places",
               "change in COA capacity over the period"});
  for (const char* s : {"lt1y", "1to2y", "2to3y", "3to4y", "gt4y"})
    stock(fmt::format("coa.stay_share.{}", s), "share of COA residents by length of stay", "share");
  stock("coa.mean_stay_months", "mean length of the current COA stay of residents", "months");
  for (const char* q : {"p10", "p50", "p90"})
    stock(fmt::format("coa.stay_months.{}", q),
          fmt::format("{}th percentile of the current COA stay of residents (census)", q + 1),
          "months");
  c.push_back({"coa.ph_over_1y_share",
               K::kStockRatio,
               {"coa.ph_since_permit.gt1y"},
               {"coa.permit_holders"},
               "share",
               "share of permit holders in COA who got their permit over a year ago"});
  for (const char* s : {"lt15w", "15w_6m", "6m_1y", "gt1y"})
    stock(fmt::format("coa.ph_since_permit.{}", s), "permit holders in COA by time since permit");
  stock("welfare.permit_holder_share",
        "broad-welfare indicator: permit-holder share of COA residents", "share");
  for (int l = 0; l < scenario::kLocations; ++l)
    stock(fmt::format("coa.occupancy.{}", kLocationNames[l]), "residents by location type");
  stock("coa.places_short",
        "residents beyond the COA places available (all types but Nidos), 0 when within capacity",
        "places");
  for (int l = 0; l < scenario::kLocations; ++l)
    stock(fmt::format("coa.places_short.{}", kLocationNames[l]),
          "residents beyond the places of this location type (overflow beyond emergency "
          "reception's planned places shows here), 0 when within",
          "places");
  c.push_back({"coa.bed_days",
               K::kStockDays,
               {"coa.occupancy"},
               {},
               "bed-days",
               "COA bed-days in the period"});
  for (int l = 0; l < scenario::kLocations; ++l)
    c.push_back({fmt::format("coa.bed_days.{}", kLocationNames[l]),
                 K::kStockDays,
                 {fmt::format("coa.occupancy.{}", kLocationNames[l])},
                 {},
                 "bed-days",
                 "bed-days in the period by location type"});
  flow("housing.quota", "taakstelling for the half-year");
  flow("housing.realised", "persons housed against the taakstelling");
  stock("housing.backlog",
        "taakstelling backlog (achterstand) at the start of the half-year: persons still to house "
        "from earlier quotas (0 when ahead)");
  stock("housing.advance",
        "taakstelling advance (voorsprong) at the start of the half-year: persons housed beyond "
        "earlier quotas (0 when behind)");
  flow("housing.permit_holders_exited", "permit holders leaving COA to housing");
  flow("housing.har_plus_placements", "placements under HAR+ (temporary shelter, shared housing)");
  flow("housing.har_plus_moved_on", "HAR+ residents moving on to regular housing");
  stock("housing.har_plus_residents", "permit holders living in HAR+ shelter");
  flow("housing.transit_entries", "permit holders moving into doorstroomlocaties");
  flow("housing.transit_moved_on", "doorstroomlocatie residents moving on to regular housing");
  stock("housing.transit_places", "doorstroomlocatie places", "places");
  stock("housing.transit_residents", "permit holders living in doorstroomlocaties");
  flow("housing.logeer_placements",
       "permit holders leaving COA to stay with hosts until housed (logeerregeling)");
  stock("housing.with_hosts", "permit holders staying with hosts, waiting for a home");
  c.push_back({"housing.urgent_links",
               K::kFlow,
               {"housing.urgent_links"},
               {},
               "households",
               "linked households with medical or social priority (first in their class's line)"});
  c.push_back({"housing.large_family_dwellings",
               K::kFlow,
               {"housing.large_family_dwellings"},
               {},
               "dwellings",
               "dwellings adapted for households of 6 or more (large-family scheme) and let"});
  auto cost = [&](std::string id, std::string desc) {
    c.push_back({id, K::kFlow, {id}, {}, "EUR", std::move(desc)});
  };
  cost("cost.coa_occupied_places", "COA cost of occupied places (per place-day rate)");
  cost("cost.coa_empty_places", "COA cost of empty places (per place-day rate)");
  cost("cost.har_plus", "HAR+ contributions paid to municipalities");
  cost("cost.doorstroomlocaties", "state contributions for doorstroomlocatie residents");
  cost("cost.measures", "running costs declared by measures");
  c.push_back({"cost.total",
               K::kFlow,
               {"cost.coa_occupied_places", "cost.coa_empty_places", "cost.har_plus",
                "cost.doorstroomlocaties", "cost.measures"},
               {},
               "EUR",
               "all costs above"});
  c.push_back({"housing.exit_weeks_after_permit",
               K::kDurationMean,
               {"housing.exit_weeks_after_permit"},
               {},
               "weeks",
               "mean weeks from permit to leaving COA for housing"});
  add_exit_week_quantiles(c, "housing.exit_weeks_after_permit", "", -1);
  c.push_back({"housing.exit_within_14w_share",
               K::kCounterShare,
               {"housing.exit_within_14w"},
               {"housing.permit_holders_exited"},
               "share",
               "share housed within the 14-week norm"});
  for (int b = 0; b < model::Metrics::kHouseholdBands; ++b) add_exits_by_household(c, b);
  flow("nareis.mvv_applications", "mvv-nareis applications (persons)");
  flow("nareis.mvv_granted", "mvv-nareis grants");
  flow("nareis.mvv_unused", "granted family members who never travel (the mvv lapses unused)");
  c.push_back({"nareis.grant_rate_first_instance",
               K::kCounterShare,
               {"nareis.mvv_granted"},
               {"nareis.mvv_decisions"},
               "share",
               "mvv-nareis grant rate"});
  stock("nareis.waiting_abroad", "family members abroad waiting for an mvv decision");
  stock("nareis.decision_capacity_per_week",
        "the IND's mvv-nareis decisions per week (follows the waiting stock where the scenario "
        "says so: nareis.clearance_weeks)",
        "per week");
  c.push_back(
      {"departure.chain_total",
       K::kFlow,
       {"departure.chain_forced", "departure.chain_independent", "departure.chain_unsupervised"},
       {},
       "persons",
       "chain-wide departures (forced + independent + unsupervised)"});
  flow("departure.chain_forced", "forced departures");
  flow("departure.chain_independent", "independent, demonstrable departures");
  flow("departure.chain_unsupervised", "departures without supervision (MOB)");
  flow("departure.dtenv_inflow",
       "persons entering the DTenV caseload (final rejection, 'other' outcome, re-registration "
       "after leaving with unknown destination)");
  flow("departure.reentries_outside_reception",
       "rejected persons who left with unknown destination back in the DTenV caseload outside "
       "reception (found by the police or reporting to DTenV; counted in departure.dtenv_inflow, "
       "not in coa.received)");
  c.push_back({"departure.dtenv_outflow_total",
               K::kFlow,
               {"departure.route.voluntary_origin", "departure.route.voluntary_dublin",
                "departure.route.voluntary_other", "departure.route.forced_origin",
                "departure.route.forced_dublin", "departure.route.forced_other",
                "departure.route.unsupervised", "departure.route.permit_later",
                "departure.route.administrative"},
               {},
               "persons",
               "DTenV caseload outflow"});
  c.push_back({"departure.dtenv_voluntary",
               K::kFlow,
               {"departure.route.voluntary_origin", "departure.route.voluntary_dublin",
                "departure.route.voluntary_other"},
               {},
               "persons",
               "DTenV voluntary demonstrable"});
  c.push_back({"departure.dtenv_forced",
               K::kFlow,
               {"departure.route.forced_origin", "departure.route.forced_dublin",
                "departure.route.forced_other"},
               {},
               "persons",
               "DTenV forced"});
  flow("departure.dtenv_unsupervised", "DTenV departures without supervision",
       "departure.route.unsupervised");
  flow("departure.dtenv_permit_later", "DTenV outflow by a later permit",
       "departure.route.permit_later");
  flow("departure.dtenv_dublin_forced", "DTenV forced Dublin transfers",
       "departure.route.forced_dublin");
  stock("limbo.stock", "rejected persons out of reception without departure");
  stock("coa.away_to_return",
        "persons who left with unknown destination (counted as departed) and will re-register");
  for (int k = 0; k < scenario::kRoutes; ++k)
    flow(fmt::format("departure.route.{}", kRouteNames[k]),
         fmt::format("DTenV outflow by route: {}", kRouteNames[k]));
  for (int k = 0; k < scenario::kNonAsylumRoutes; ++k)
    flow(fmt::format("departure.non_asylum.{}", scenario::kNonAsylumRouteNames[k]),
         fmt::format("departures of migrants outside the asylum chain: {}",
                     scenario::kNonAsylumRouteNames[k]));
  flow("departure.non_asylum.entries",
       "migrants without legal stay outside the asylum chain entering the departure caseload");
  stock("departure.non_asylum.caseload",
        "migrants without legal stay outside the asylum chain in the departure caseload");
  flow("departure.detention_inflow", "persons placed in immigration detention for removal");
  stock("departure.in_detention", "persons in immigration detention awaiting removal");
  stock("ind.paused_by_moratorium", "cases held by a decision moratorium");
  stock("housing.waiting_in_coa", "permit holders in COA waiting for housing");
  flow("dublin.claims_sent", "Dublin claims sent by the Netherlands");
  flow("dublin.transfers_in", "Dublin transfers into the Netherlands");
  stock("ukraine.registered", "Ukrainians under temporary protection");
  flow("ukraine.arrivals", "Ukrainians registering for temporary protection");
  flow("ukraine.departures", "Ukrainians leaving temporary protection");
  stock("ukraine.municipal_reception", "Ukrainians in municipal reception (GOO)");
  stock("ukraine.municipal_capacity", "municipal reception places for Ukrainians");
  return c;
}

}  // namespace

const std::vector<Indicator>& indicator_catalogue() {
  static const std::vector<Indicator> c = build_catalogue();
  return c;
}

const Indicator* find_indicator(std::string_view id) {
  for (const auto& i : indicator_catalogue())
    if (i.id == id) return &i;
  return find_group_indicator(id);  // BASE.by_group.GROUP (by_group.hpp)
}

}  // namespace asylumsim::indicators
