// The schemas of the scenario sections from reception on (schema.hpp): one row per key, in the
// order the keys are read. The reader walks these rows and docs/scenario.md is generated from
// them (`asylumsim schema --markdown`).
#include "asylumsim/scenario/schema.hpp"
#include "loader.hpp"

namespace asylumsim::scenario::schema {

using detail::Loader;
constexpr auto kRequired = Presence::kRequired;

Table<ReceptionParams> reception_fields() {
  using R = ReceptionParams;
  static const Field<R> fields[] = {
      {.key = "capacity",
       .target = &R::capacity,
       .range = kCount,
       .presence = kRequired,
       .unit = "places",
       .fallback = "0",
       .meaning = "places by type"},
      {.key = "reception_end_days",
       .target = &R::reception_end_days,
       .range = kNonNegative,
       .unit = "days",
       .meaning = "days of reception after a final rejection"},
      {.key = "vbl_share",
       .target = &R::vbl_share,
       .range = kProbability,
       .meaning = "rejected moving to the VBL"},
      {.key = "amv_nidos_share",
       .target = &R::amv_nidos_share,
       .range = kProbability,
       .meaning = "minors placed with Nidos"},
      {.key = "amv_time_to_adulthood",
       .target = &R::amv_time_to_adulthood,
       .unit = "days",
       .fallback = "absent (never)",
       .meaning = "days from arrival until an unaccompanied minor turns 18: no longer counted in "
                  "`coa.amv`; a rejected one then loses reception like an adult"},
      {.key = "re_registration",
       .target = &Loader::read_re_registration,
       .form = "mapping",
       .fallback = "absent",
       .meaning = "re-registration of those who left (below)"},
  };
  return fields;
}

Table<ReceptionParams::ReRegistration> re_registration_fields() {
  using R = ReceptionParams::ReRegistration;
  static const Field<R> fields[] = {
      {.key = "absconded_share",
       .target = &R::absconded_share,
       .range = kProbability,
       .meaning = "share of those who left with unknown destination during the procedure who "
                  "re-register (docs/model.md §5)"},
      {.key = "rejected_share",
       .target = &R::rejected_share,
       .range = kProbability,
       .meaning = "the same for those who left unsupervised after a final rejection"},
      {.key = "outside_reception_share",
       .target = &R::outside_reception_share,
       .range = kProbability,
       .meaning = "of the rejected who come back, the share back in the DTenV caseload without a "
                  "reception contract (found by the police or reporting to DTenV; "
                  "`departure.reentries_outside_reception`, not in `coa.received`)"},
      {.key = "delay",
       .target = &R::delay,
       .unit = "days",
       .meaning = "days away before re-registering"},
  };
  return fields;
}

Table<HousingParams> housing_fields() {
  using H = HousingParams;
  static const Field<H> fields[] = {
      {.key = "link_duration",
       .target = &H::link_duration,
       .unit = "days",
       .meaning = "permit to koppeling"},
      {.key = "quota_per_half_year",
       .target = &H::quota_per_half_year,
       .range = kCount,
       .presence = kRequired,
       .unit = "persons per half-year",
       .meaning = "taakstelling"},
      {.key = "quota_forecast_from",
       .target = &H::quota_forecast_from,
       .meaning = "from here the model forecasts the quota"},
      {.key = "realisation_per_half_year",
       .target = &H::realisation_per_half_year,
       .range = kCount,
       .presence = kRequired,
       .unit = "persons per half-year",
       .meaning = "municipal housing capacity (dwellings for permit holders; with "
                  "`realisation_share_of_obligation` the part that does not follow the task)"},
      {.key = "realisation_share_of_obligation",
       .target = &H::realisation_share_of_obligation,
       .range = kProbability,
       .meaning = "capacity that follows the task: this share of the half-year's obligation "
                  "(quota + backlog on its first day; nothing when ahead) is added to "
                  "`realisation_per_half_year`, spread over the half-year's days; 0: off"},
      {.key = "backlog_at_start",
       .target = &H::backlog_at_start,
       .unit = "persons",
       .meaning = "taakstelling backlog on the start date"},
      {.key = "advance_share",
       .target = &H::advance_share,
       .range = kNonNegative,
       .meaning = "housing allowed beyond quota + backlog, share of quota"},
      {.key = "norm_weeks",
       .target = &H::norm_weeks,
       .range = kPositive,
       .unit = "weeks",
       .meaning = "housing norm after the permit"},
      {.key = "har_plus_per_month",
       .target = &H::har_plus_per_month,
       .range = kCount,
       .unit = "persons per month",
       .meaning = "HAR+ placements per month"},
      {.key = "har_plus_move_on",
       .target = &H::har_plus_move_on,
       .unit = "days",
       .meaning = "stay in HAR+ shelter"},
      {.key = "transit_places",
       .target = &H::transit_places,
       .range = kCount,
       .unit = "places",
       .meaning = "doorstroomlocatie places"},
      {.key = "transit_stay",
       .target = &H::transit_stay,
       .unit = "days",
       .meaning = "stay in a doorstroomlocatie"},
      {.key = "direct_family_housing_from",
       .target = &Loader::read_direct_family_housing,
       .form = "date",
       .fallback = "never",
       .meaning = "family members housed directly with a housed referent"},
      {.key = "municipalities",
       .target = &Loader::read_municipalities,
       .form = "mapping of class name → `{quota_share, performance}`",
       .fallback = "one national line",
       .meaning = "classes of municipalities, each housing from its own line: COA links a permit "
                  "holder to a class by `quota_share` (shares sum to 1); the class gets that share "
                  "of the quota and keeps its own balance, capped by its own quota + balance + "
                  "advance. Each half-year the realisation capacity is shared in proportion to "
                  "`performance` (> 0, relative to the other classes) × what the class is asked "
                  "for (quota + balance, none when ahead, + its shelter residents ready to move "
                  "on). The start backlog goes to the classes whose share by `quota_share` × "
                  "`performance` falls short of their quota share, in proportion to the shortfall "
                  "(by quota share when none falls short)"},
      {.key = "urgent_share",
       .target = &H::urgent_share,
       .range = kProbability,
       .meaning = "linked households with medical or social priority (urgentie): housed first in "
                  "their class's line"},
      {.key = "dwellings",
       .target = &Loader::read_dwellings,
       .form = "`line`, or mapping `{single, small, family, large}` → share (sum 1)",
       .fallback = "one pool that fits every household",
       .meaning = "the realisation capacity (persons) by the household a dwelling fits: single "
                  "units and shared housing (1 person), small (2-3), family (4-5), large (6 or "
                  "more). Fixed shares, or `line`: each half-year a class offers each size in "
                  "proportion to the persons in its line who need it (municipalities look for "
                  "what the households linked to them need), large dwellings at "
                  "`large_dwelling_factor` of their share. A dwelling goes to the first household "
                  "of its own size in the line, else to the first smaller one; a household too "
                  "large for it is passed over. HAR+ shelter and doorstroomlocaties take single "
                  "persons only"},
      {.key = "large_dwelling_factor",
       .target = &H::large_dwelling_factor,
       .range = kProbability,
       .meaning = "with `dwellings: line`: the large dwellings (6 or more) offered, as a share of "
                  "what the persons waiting for one would get; the rest goes to single units. "
                  "Below 1, large dwellings are scarcer than the need (ASSUMPTION in the shipped "
                  "scenarios)"},
      {.key = "large_family_dwellings_per_year",
       .target = &H::large_family_dwellings_per_year,
       .range = kCount,
       .unit = "dwellings per year",
       .meaning = "dwellings adapted for households of 6 or more (large-family scheme), on top of "
                  "the realisation capacity: each houses the large household that has waited "
                  "longest"},
  };
  return fields;
}

Table<NareisParams> nareis_fields() {
  using N = NareisParams;
  static const Field<N> fields[] = {
      {.key = "window_days",
       .target = &N::window_days,
       .range = kNonNegative,
       .unit = "days",
       .meaning = "application window after the permit"},
      {.key = "capacity_per_week",
       .target = &N::capacity_per_week,
       .range = kCount,
       .presence = kRequired,
       .unit = "decisions per week",
       .meaning = "mvv decisions per week (with `clearance_weeks` > 0: at least this); required "
                  "when the section is present"},
      {.key = "clearance_weeks",
       .target = &N::clearance_weeks,
       .range = kNonNegative,
       .unit = "weeks",
       .meaning = "0: off; otherwise capacity follows the workload: the IND decides "
                  "max(`capacity_per_week`, waiting / `clearance_weeks`) a week"},
      {.key = "grant_rate",
       .target = &N::grant_rate,
       .range = kProbability,
       .meaning = "mvv grant rate"},
      {.key = "collect",
       .target = &N::collect,
       .unit = "days",
       .meaning = "time to collect the visa"},
      {.key = "travel", .target = &N::travel, .unit = "days", .meaning = "time to travel"},
      {.key = "join_referent_share",
       .target = &N::join_referent_share,
       .range = kProbability,
       .meaning = "arrivals joining a referent still in COA"},
      {.key = "travel_share",
       .target = &N::travel_share,
       .range = kProbability,
       .meaning = "granted family members who collect the mvv and travel; the others never come "
                  "(`nareis.mvv_unused`)"},
  };
  return fields;
}

Table<DepartureParams> departure_fields() {
  using D = DepartureParams;
  static const Field<D> fields[] = {
      {.key = "routes",
       .target = &Loader::read_routes,
       .range = kProbability,
       .presence = kRequired,
       .form = "mapping of route → `{share, duration}` or `{share, mean_days}`",
       .meaning =
           "routes: `voluntary_origin, voluntary_dublin, voluntary_other, forced_origin, "
           "forced_dublin, forced_other, unsupervised, permit_later, administrative, "
           "no_departure`; shares sum to 1 at every dated change. One route may give `share: "
           "rest`: 1 minus the others at every change (an error names the date where the "
           "others exceed 1), so a calibration can free the other shares (the baseline's "
           "`no_departure`). A route's time to departure is either `duration` (a distribution, "
           "default exponential 90, drawn when the case enters the route: a dated change "
           "reaches only the cases entering after it) or `mean_days` (a schedule, positive: an "
           "exponential time whose mean *in force at each moment* sets the pace, so a change on "
           "a date reaches every case already on the route, as a change in DTenV's departure "
           "work would; not both)"},
      {.key = "dublin_transfer_term_days",
       .target = &D::dublin_transfer_term_days,
       .range = kPositive,
       .unit = "days",
       .meaning = "Dublin transfer term"},
      {.key = "dublin_transfer_term_absconded_days",
       .target = &D::dublin_transfer_term_absconded_days,
       .range = kPositive,
       .unit = "days",
       .meaning = "the transfer term for a claimant who absconds (18 months, Dublin Regulation "
                  "art. 29(2)): leaving unsupervised within it does not make the Netherlands "
                  "responsible"},
      {.key = "dublin_transfer_success",
       .target = &D::dublin_transfer_success,
       .range = kProbability,
       .meaning = "Dublin transfers that happen"},
      {.key = "dublin_transfer_duration",
       .target = &D::dublin_transfer_duration,
       .unit = "days",
       .meaning = "time to transfer"},
      {.key = "other_outcome_unsupervised_share",
       .target = &D::other_outcome_unsupervised_share,
       .range = kProbability,
       .meaning = "of the 'other' outcomes not entering the DTenV caseload, the share leaving "
                  "unsupervised at once (the rest leave the chain unrecorded)"},
      {.key = "other_outcome_dtenv_share",
       .target = &D::other_outcome_dtenv_share,
       .range = kProbability,
       .meaning = "'other' outcomes (withdrawn, not processed) entering the DTenV caseload like "
                  "a final rejection (reception ends after four weeks, a route is drawn)"},
      {.key = "travel_document_share",
       .target = &D::travel_document_share,
       .range = kProbability,
       .meaning = "forced cases (origin/other) with a valid travel document"},
      {.key = "detention_places",
       .target = &D::detention_places,
       .range = kNonNegative,
       .unit = "places",
       .fallback = "unlimited",
       .meaning = "immigration detention places for forced removals"},
      {.key = "detention",
       .target = &D::detention,
       .unit = "days",
       .meaning = "days in detention before the removal"},
      {.key = "non_asylum",
       .target = &Loader::read_non_asylum,
       .form = "mapping",
       .fallback = "absent",
       .meaning = "the departure caseload outside the asylum chain (below)"},
  };
  return fields;
}

Table<NonAsylumParams> non_asylum_fields() {
  using N = NonAsylumParams;
  static const Field<N> fields[] = {
      {.key = "caseload_at_start",
       .target = &N::caseload_at_start,
       .range = kCount,
       .unit = "persons",
       .meaning = "caseload on the start date, split over the routes as the entries then"},
      {.key = "entries_per_year",
       .target = &Loader::read_non_asylum_entries,
       .range = kNonNegative,
       .presence = kRequired,
       .unit = "persons per year",
       .form = "mapping `forced`, `independent`, `unsupervised` → schedule",
       .meaning = "entries into the caseload per year, by the route they will leave by (each "
                  "route required)"},
      {.key = "mean_days_to_depart",
       .target = &N::mean_days_to_depart,
       .range = kPositive,
       .presence = kRequired,
       .unit = "days",
       .meaning = "mean time from entry to departure"},
  };
  return fields;
}

Table<UkraineParams> ukraine_fields() {
  using U = UkraineParams;
  static const Field<U> fields[] = {
      {.key = "registered_at_start",
       .target = &U::registered_at_start,
       .range = kCount,
       .unit = "persons",
       .meaning = "under temporary protection on the start date"},
      {.key = "registrations_per_year",
       .target = &U::registrations_per_year,
       .range = kCount,
       .unit = "persons per year",
       .meaning = "new registrations"},
      {.key = "mean_stay_years",
       .target = &U::mean_stay_years,
       .range = kPositive,
       .unit = "years",
       .meaning = "mean stay"},
      {.key = "municipal_capacity",
       .target = &U::municipal_capacity,
       .range = kCount,
       .unit = "places",
       .meaning = "GOO places"},
      {.key = "municipal_share",
       .target = &U::municipal_share,
       .range = kProbability,
       .meaning = "registered persons seeking municipal reception"},
      {.key = "protection_end",
       .target = &U::protection_end,
       .meaning = "end of temporary protection"},
      {.key = "activation_share",
       .target = &U::activation_share,
       .range = kProbability,
       .meaning = "applications activated at the end"},
      {.key = "transition_status",
       .target = &U::transition_status,
       .meaning = "a transition status is offered"},
      {.key = "transition_activation_share",
       .target = &U::transition_activation_share,
       .range = kProbability,
       .meaning = "activation share with a transition status"},
      {.key = "activated_group",
       .target = &Loader::read_activated_group,
       .presence = kRequired,
       .form = "group name",
       .meaning = "the nationality group (in `groups:`) whose track shares, grant rates, nareis "
                  "share and family sizes activated applicants follow"},
      {.key = "activated_reception",
       .target = &Loader::read_activated_reception,
       .presence = kRequired,
       .form = "`municipal` or `coa`",
       .meaning = "activated applicants keep their municipal place while the IND decides (and "
                  "with a permit until housed), or move to COA"},
  };
  return fields;
}

Table<InitialState> initial_fields() {
  using I = InitialState;
  static const Field<I> fields[] = {
      {.key = "ind_backlog",
       .target = &I::ind_backlog,
       .range = kCount,
       .unit = "persons",
       .meaning = "cases waiting on the start date"},
      {.key = "ind_backlog_max_age_days",
       .target = &I::ind_backlog_max_age_days,
       .range = kCount,
       .unit = "days",
       .meaning = "ages spread over [0, max]"},
      {.key = "permit_holders_in_coa",
       .target = &I::permit_holders_in_coa,
       .range = kCount,
       .unit = "persons",
       .meaning = "permit holders waiting for housing"},
      {.key = "permit_holders_max_age_days",
       .target = &I::permit_holders_max_age_days,
       .range = kNonNegative,
       .unit = "days",
       .meaning = "permits spread over [0, max] days before start"},
      {.key = "in_appeal",
       .target = &I::in_appeal,
       .range = kCount,
       .unit = "persons",
       .meaning = "cases at court"},
      {.key = "rejected_in_coa",
       .target = &I::rejected_in_coa,
       .range = kCount,
       .unit = "persons",
       .meaning = "rejected, in their last four weeks of reception"},
      {.key = "amv_share",
       .target = &I::amv_share,
       .range = kProbability,
       .meaning = "minors among the initial persons"},
      {.key = "nareis_waiting",
       .target = &I::nareis_waiting,
       .range = kCount,
       .unit = "persons",
       .meaning = "mvv applications awaiting a decision"},
      {.key = "nareis_max_age_days",
       .target = &I::nareis_max_age_days,
       .range = kNonNegative,
       .unit = "days",
       .meaning = "their ages"},
      {.key = "nareis_travelling",
       .target = &I::nareis_travelling,
       .range = kCount,
       .unit = "persons",
       .meaning = "granted family members still to arrive"},
      {.key = "limbo",
       .target = &I::limbo,
       .range = kCount,
       .unit = "persons",
       .meaning = "rejected persons out of reception"},
      {.key = "har_plus_residents",
       .target = &I::har_plus_residents,
       .range = kCount,
       .unit = "persons",
       .meaning = "permit holders in HAR shelter, placed before the start (already housed): "
                  "they move on to regular housing after the HAR stay in force on the start "
                  "date"},
  };
  return fields;
}

Table<CostParams> cost_fields() {
  using C = CostParams;
  static const Field<C> fields[] = {
      {.key = "coa_occupied_place_per_day",
       .target = &C::coa_occupied_place_per_day,
       .range = kNonNegative,
       .unit = "euros per day",
       .meaning = "per occupied COA place (Court of Audit 2023)"},
      {.key = "coa_empty_place_per_day",
       .target = &C::coa_empty_place_per_day,
       .range = kNonNegative,
       .unit = "euros per day",
       .meaning = "per empty COA place (Court of Audit 2023)"},
  };
  return fields;
}

}  // namespace asylumsim::scenario::schema
