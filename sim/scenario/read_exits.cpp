// The scenario sections from housing on: housing, nareis, departure, ukraine, initial, costs.
#include "loader.hpp"

namespace asylumsim::scenario::detail {

void Loader::read_housing(const YamlView& v) {
  if (!v.defined() ||
      !v.expect_map({"link_duration", "quota_per_half_year", "quota_forecast_from",
                     "realisation_per_half_year", "backlog_at_start", "advance_share", "norm_weeks",
                     "har_plus_per_month", "har_plus_move_on", "transit_places", "transit_stay",
                     "direct_family_housing_from"}))
    return;
  auto& h = s_.housing;
  h.link_duration = distribution(v.child("link_duration"), h.link_duration);
  h.quota_per_half_year = schedule(v.required("quota_per_half_year"), 0, Range::kCount);
  if (v.has("quota_forecast_from"))
    h.quota_forecast_from = dated_tick(v.child("quota_forecast_from"), engine::kNever);
  h.realisation_per_half_year = schedule(v.required("realisation_per_half_year"), 0, Range::kCount);
  h.backlog_at_start = number(v.child("backlog_at_start"), 0, Range::kAny);
  h.advance_share = schedule(v.child("advance_share"), 0.15, Range::kNonNegative);
  h.norm_weeks = number(v.child("norm_weeks"), 14, Range::kPositive);
  h.har_plus_per_month = schedule(v.child("har_plus_per_month"), 0, Range::kCount);
  h.har_plus_move_on = distribution(v.child("har_plus_move_on"), h.har_plus_move_on);
  h.transit_places = schedule(v.child("transit_places"), 0, Range::kCount);
  h.transit_stay = distribution(v.child("transit_stay"), h.transit_stay);
  if (v.has("direct_family_housing_from")) {
    h.direct_family_housing = true;
    h.direct_family_housing_from =
        dated_tick(v.child("direct_family_housing_from"), engine::kNever);
  }
}

void Loader::read_nareis(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.expect_map({"window_days", "capacity_per_week", "clearance_weeks", "grant_rate",
                     "collect", "travel", "join_referent_share", "travel_share"}))
    return;
  auto& n = s_.nareis;
  n.window_days = schedule(v.child("window_days"), 90, Range::kNonNegative);
  n.capacity_per_week = schedule(v.required("capacity_per_week"), 0, Range::kCount);
  n.clearance_weeks = schedule(v.child("clearance_weeks"), 0, Range::kNonNegative);
  n.grant_rate = schedule(v.child("grant_rate"), 0.87, Range::kProbability);
  n.collect = distribution(v.child("collect"), n.collect);
  n.travel = distribution(v.child("travel"), n.travel);
  n.join_referent_share = schedule(v.child("join_referent_share"), 1, Range::kProbability);
  n.travel_share = schedule(v.child("travel_share"), 1, Range::kProbability);
}

void Loader::read_departure(const YamlView& v) {
  if (!v.defined() ||
      !v.expect_map({"routes", "dublin_transfer_term_days", "dublin_transfer_term_absconded_days",
                     "dublin_transfer_success", "dublin_transfer_duration",
                     "other_outcome_unsupervised_share", "other_outcome_dtenv_share",
                     "travel_document_share", "detention_places", "detention", "non_asylum"}))
    return;
  auto& d = s_.departure;
  const YamlView routes = v.required("routes");
  if (routes.defined() && routes.expect_map(names_of(kRouteNames))) {
    int rest = -1;  // the route whose share is `rest`: 1 minus the others
    for (int r = 0; r < kRoutes; ++r) {
      const YamlView rv = routes.child(kRouteNames[r]);
      d.route_duration[r] = DistSchedule(Distribution::exponential(90.0));
      if (!rv.defined()) {
        d.route_share[r] = Schedule(0.0);
        continue;
      }
      if (!rv.expect_map({"share", "duration", "mean_days"})) continue;
      const YamlView share = rv.required("share");
      if (share.is_scalar() && share.as_string() == "rest") {
        if (rest >= 0) share.error("only one route can take the rest of the shares");
        rest = r;
      } else {
        d.route_share[r] = schedule(share, 0, Range::kProbability);
      }
      read_route_timing(rv, r);
    }
    if (rest >= 0) take_rest(routes.child(kRouteNames[rest]).child("share"), d.route_share, rest);
    check_sum_to_one(routes, d.route_share);
  }
  d.dublin_transfer_term_days =
      schedule(v.child("dublin_transfer_term_days"), 183, Range::kPositive);
  d.dublin_transfer_term_absconded_days =
      schedule(v.child("dublin_transfer_term_absconded_days"), 548, Range::kPositive);
  d.dublin_transfer_success =
      schedule(v.child("dublin_transfer_success"), 0.3, Range::kProbability);
  d.dublin_transfer_duration =
      distribution(v.child("dublin_transfer_duration"), d.dublin_transfer_duration);
  d.other_outcome_unsupervised_share =
      schedule(v.child("other_outcome_unsupervised_share"), 0.8, Range::kProbability);
  d.other_outcome_dtenv_share =
      schedule(v.child("other_outcome_dtenv_share"), 0, Range::kProbability);
  d.travel_document_share = schedule(v.child("travel_document_share"), 1, Range::kProbability);
  d.detention_places = schedule(v.child("detention_places"), 1e9, Range::kNonNegative);
  d.detention = distribution(v.child("detention"), d.detention);
  read_non_asylum(v.child("non_asylum"));
}

void Loader::read_route_timing(const YamlView& route, int r) {
  auto& d = s_.departure;
  if (route.has("mean_days")) {
    if (route.has("duration"))
      route.child("mean_days").error("give either duration or mean_days for a route, not both");
    d.route_paced[r] = true;
    d.route_mean_days[r] = schedule(route.child("mean_days"), 90, Range::kPositive);
    return;
  }
  d.route_duration[r] = distribution(route.child("duration"), d.route_duration[r]);
}

void Loader::read_non_asylum(const YamlView& v) {
  if (!v.defined() ||
      !v.expect_map({"caseload_at_start", "entries_per_year", "mean_days_to_depart"}))
    return;
  auto& n = s_.departure.non_asylum;
  n.enabled = true;
  n.caseload_at_start = number(v.child("caseload_at_start"), 0, Range::kCount);
  n.mean_days_to_depart = schedule(v.required("mean_days_to_depart"), 90, Range::kPositive);
  const YamlView entries = v.required("entries_per_year");
  if (!entries.defined() || !entries.expect_map(names_of(kNonAsylumRouteNames))) return;
  for (int r = 0; r < kNonAsylumRoutes; ++r)
    n.entries_per_year[r] =
        schedule(entries.required(kNonAsylumRouteNames[r]), 0, Range::kNonNegative);
}

void Loader::read_ukraine(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.expect_map({"registered_at_start", "registrations_per_year", "mean_stay_years",
                     "municipal_capacity", "municipal_share", "protection_end", "activation_share",
                     "transition_status", "transition_activation_share", "activated_group",
                     "activated_reception"}))
    return;
  auto& u = s_.ukraine;
  u.enabled = true;
  // Activated applicants are a nationality group of their own: track shares, grant rates and
  // nareis come from the group named here.
  u.activated_group = group_ref(v.required("activated_group"));
  const YamlView reception = v.required("activated_reception");
  if (reception.defined()) {
    const std::string r = reception.as_string();
    if (r == "coa" || r == "municipal")
      u.activated_in_coa = r == "coa";
    else
      reception.error(fmt::format("'{}' is not a reception (expected municipal: they keep their "
                                  "municipal place while the IND decides, or coa: they move to "
                                  "COA reception)",
                                  r));
  }
  u.registered_at_start = number(v.child("registered_at_start"), 0, Range::kCount);
  u.registrations_per_year = schedule(v.child("registrations_per_year"), 0, Range::kCount);
  u.mean_stay_years = schedule(v.child("mean_stay_years"), 4, Range::kPositive);
  u.municipal_capacity = schedule(v.child("municipal_capacity"), 0, Range::kCount);
  u.municipal_share = schedule(v.child("municipal_share"), 0.8, Range::kProbability);
  if (v.has("protection_end"))
    u.protection_end = dated_tick(v.child("protection_end"), engine::kNever);
  u.activation_share = schedule(v.child("activation_share"), 0.5, Range::kProbability);
  if (v.has("transition_status")) u.transition_status = v.child("transition_status").as_bool(false);
  u.transition_activation_share =
      schedule(v.child("transition_activation_share"), 0.1, Range::kProbability);
}

void Loader::read_initial(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.expect_map({"ind_backlog", "ind_backlog_max_age_days", "permit_holders_in_coa",
                     "permit_holders_max_age_days", "in_appeal", "rejected_in_coa", "amv_share",
                     "nareis_waiting", "nareis_max_age_days", "nareis_travelling", "limbo",
                     "har_plus_residents"}))
    return;
  auto& in = s_.initial;
  for (const char* key : {"ind_backlog", "ind_backlog_max_age_days"}) {
    const YamlView b = v.child(key);
    auto& arr =
        std::string_view(key) == "ind_backlog" ? in.ind_backlog : in.ind_backlog_max_age_days;
    if (b.defined() && b.expect_map(names_of(kTrackNames)))
      for (int t = 0; t < kTracks; ++t)
        arr[t] = number(b.child(kTrackNames[t]), arr[t], Range::kCount);
  }
  in.permit_holders_in_coa = number(v.child("permit_holders_in_coa"), 0, Range::kCount);
  in.permit_holders_max_age_days =
      number(v.child("permit_holders_max_age_days"), 300, Range::kNonNegative);
  in.in_appeal = number(v.child("in_appeal"), 0, Range::kCount);
  in.rejected_in_coa = number(v.child("rejected_in_coa"), 0, Range::kCount);
  in.amv_share = number(v.child("amv_share"), 0.07, Range::kProbability);
  in.nareis_waiting = number(v.child("nareis_waiting"), 0, Range::kCount);
  in.nareis_max_age_days = number(v.child("nareis_max_age_days"), 400, Range::kNonNegative);
  in.nareis_travelling = number(v.child("nareis_travelling"), 0, Range::kCount);
  in.limbo = number(v.child("limbo"), 0, Range::kCount);
  in.har_plus_residents = number(v.child("har_plus_residents"), 0, Range::kCount);
}

void Loader::read_costs(const YamlView& v) {
  if (!v.defined() || !v.expect_map({"coa_occupied_place_per_day", "coa_empty_place_per_day"}))
    return;
  auto& c = s_.costs;
  c.coa_occupied_place_per_day =
      schedule(v.child("coa_occupied_place_per_day"), 70, Range::kNonNegative);
  c.coa_empty_place_per_day = schedule(v.child("coa_empty_place_per_day"), 47, Range::kNonNegative);
}

}  // namespace asylumsim::scenario::detail
