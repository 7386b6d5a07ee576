#include "asylumsim/model/metrics.hpp"

#include <fmt/format.h>

#include "asylumsim/model/metrics_by_group.hpp"

namespace asylumsim::model {

using scenario::kLocationNames;
using scenario::kRouteNames;
using scenario::kTrackNames;

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
  permit_holder_share = r.stock("welfare.permit_holder_share");
  exit_weeks_after_permit = r.duration("housing.exit_weeks_after_permit");
}

namespace {

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
  c.push_back({"housing.exit_within_14w_share",
               K::kCounterShare,
               {"housing.exit_within_14w"},
               {"housing.permit_holders_exited"},
               "share",
               "share housed within the 14-week norm"});
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
  return find_group_indicator(id);  // BASE.by_group.GROUP (metrics_by_group.hpp)
}

std::string When::label() const {
  if (period) return period->label();
  if (date) return engine::format_date(*date);
  return {};
}

namespace {

double sum_counters(const engine::Recorder& rec, const std::vector<std::string>& names, int mb,
                    int me, std::string* error) {
  double s = 0;
  for (const auto& n : names) {
    auto id = rec.find(engine::Recorder::Kind::kCounter, n);
    if (!id) {
      *error = fmt::format("metric '{}' is not recorded by the model", n);
      return 0;
    }
    s += rec.counter_sum(*id, mb, me);
  }
  return s;
}

}  // namespace

std::optional<double> evaluate(const engine::Recorder& rec, const engine::Calendar& cal,
                               const Indicator& ind, const When& when, std::string* error) {
  using K = Indicator::Kind;
  std::string local;
  if (!error) error = &local;
  const bool needs_date = ind.kind == K::kStock || ind.kind == K::kStockRatio;
  if (needs_date) {
    if (!when.date) {
      *error = fmt::format("'{}' is a stock: it needs a date, not a period", ind.id);
      return std::nullopt;
    }
    // A stock on date D is its value at the end of D when D is a month's last day, or at the
    // start of D when D is a month's first day (the recorder snapshots month boundaries).
    const engine::Date d = *when.date;
    int boundary;
    if (static_cast<unsigned>(d.day()) == 1) {
      boundary = cal.month_index(d);
    } else {
      const engine::Date next{std::chrono::sys_days{d} + std::chrono::days{1}};
      if (static_cast<unsigned>(next.day()) != 1) {
        *error = fmt::format(
            "stocks are recorded at month boundaries: use the first or last day of a "
            "month, not {}",
            engine::format_date(d));
        return std::nullopt;
      }
      boundary = cal.month_index(next);
    }
    if (boundary < 0 || boundary > rec.months()) {
      *error = fmt::format("date {} is outside the simulated horizon", engine::format_date(d));
      return std::nullopt;
    }
    auto stock_id = [&](const std::string& n) {
      return rec.find(engine::Recorder::Kind::kStock, n);
    };
    auto num = stock_id(ind.numerator.front());
    if (!num) {
      *error = fmt::format("stock '{}' is not recorded by the model", ind.numerator.front());
      return std::nullopt;
    }
    const double v = rec.stock_at(*num, boundary);
    if (ind.kind == K::kStock) return v;
    auto den = stock_id(ind.denominator.front());
    if (!den) {
      *error = fmt::format("stock '{}' is not recorded by the model", ind.denominator.front());
      return std::nullopt;
    }
    const double dv = rec.stock_at(*den, boundary);
    return dv > 0 ? v / dv : 0.0;
  }
  if (!when.period) {
    *error = fmt::format("'{}' is a flow or duration: it needs a period, not a date", ind.id);
    return std::nullopt;
  }
  const int mb = cal.month_index(when.period->first_day());
  const int me = cal.month_index(when.period->end_day());
  if (mb < 0 || me > rec.months()) {
    *error = fmt::format("period {} is outside the simulated horizon", when.period->label());
    return std::nullopt;
  }
  switch (ind.kind) {
    case K::kFlow: {
      const double v = sum_counters(rec, ind.numerator, mb, me, error);
      if (!error->empty()) return std::nullopt;
      return v;
    }
    case K::kCounterShare: {
      const double n = sum_counters(rec, ind.numerator, mb, me, error);
      const double d = sum_counters(rec, ind.denominator, mb, me, error);
      if (!error->empty()) return std::nullopt;
      return d > 0 ? n / d : 0.0;
    }
    case K::kDurationMean: {
      auto id = rec.find(engine::Recorder::Kind::kDuration, ind.numerator.front());
      if (!id) {
        *error = fmt::format("duration '{}' is not recorded by the model", ind.numerator.front());
        return std::nullopt;
      }
      return rec.duration_mean(*id, mb, me);
    }
    case K::kStockDays: {
      auto id = rec.find(engine::Recorder::Kind::kStock, ind.numerator.front());
      if (!id) {
        *error = fmt::format("stock '{}' is not recorded by the model", ind.numerator.front());
        return std::nullopt;
      }
      double ticks = 0;
      for (int m = mb; m < me; ++m) ticks += static_cast<double>(rec.month_ticks(m));
      return rec.stock_time_average(*id, mb, me) * ticks /
             static_cast<double>(engine::kTicksPerDay);
    }
    case K::kStockDelta: {
      auto id = rec.find(engine::Recorder::Kind::kStock, ind.numerator.front());
      if (!id) {
        *error = fmt::format("stock '{}' is not recorded by the model", ind.numerator.front());
        return std::nullopt;
      }
      return rec.stock_at(*id, me) - rec.stock_at(*id, mb);
    }
    default:
      break;
  }
  *error = "unsupported indicator kind";
  return std::nullopt;
}

}  // namespace asylumsim::model
