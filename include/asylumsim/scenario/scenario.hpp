// The scenario: every number the chain model uses. Loaded from YAML (docs/scenario.md documents
// each key, its unit, default and source). Time-varying parameters are step schedules keyed by
// engine ticks; durations are distributions in days.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/measures.hpp"
#include "asylumsim/scenario/uncertainty.hpp"

namespace YAML {
class Node;  // yaml-cpp; only scenario_tree() and scenario_from_tree() need it
}

namespace asylumsim::scenario {

using Schedule = engine::StepSchedule<double>;

// The largest count the scenario accepts for persons, places and flows per period: above the
// population of the Netherlands, far below where a place count would overflow 64-bit integers.
inline constexpr double kMaxCount = 1e7;
// Person::group is 8 bits.
inline constexpr std::size_t kMaxGroups = 255;
// A lead-time distribution that may change at dates (a list of {from, value: distribution}).
using DistSchedule = engine::StepSchedule<engine::Distribution>;
using engine::Distribution;
using engine::Tick;

// IND tracks (sporen). Track 4 is split into the general (AA) and extended (VA) procedure.
enum Track : std::uint8_t { kDublin = 0, kSafeCountry = 1, kAA = 2, kVA = 3 };
inline constexpr int kTracks = 4;
inline constexpr std::array<const char*, kTracks> kTrackNames = {"dublin", "safe_country", "aa",
                                                                 "va"};

// COA location types, plus Nidos small-scale reception for minors.
enum Location : std::uint8_t {
  kCol = 0,
  kPol,
  kAzc,
  kEmergency,
  kTgo,
  kFamilyLocation,
  kVbl,
  kNidos
};
inline constexpr int kLocations = 8;
inline constexpr std::array<const char*, kLocations> kLocationNames = {
    "col", "pol", "azc", "emergency", "tgo", "family_location", "vbl", "nidos"};

// DTenV departure routes after a final rejection.
enum Route : std::uint8_t {
  kVoluntaryOrigin = 0,
  kVoluntaryDublin,
  kVoluntaryOther,
  kForcedOrigin,
  kForcedDublin,
  kForcedOther,
  kUnsupervised,
  kPermitLater,
  kAdministrative,
  kNoDeparture
};
inline constexpr int kRoutes = 10;
inline constexpr std::array<const char*, kRoutes> kRouteNames = {
    "voluntary_origin", "voluntary_dublin", "voluntary_other", "forced_origin",  "forced_dublin",
    "forced_other",     "unsupervised",     "permit_later",    "administrative", "no_departure"};

// How a migrant outside the asylum chain leaves the departure caseload (Fig 103's three routes).
enum NonAsylumRoute : int { kNonAsylumForced = 0, kNonAsylumIndependent, kNonAsylumUnsupervised };
inline constexpr int kNonAsylumRoutes = 3;
inline constexpr std::array<const char*, kNonAsylumRoutes> kNonAsylumRouteNames = {
    "forced", "independent", "unsupervised"};

template <class T>
using PerTrack = std::array<T, kTracks>;

// The same lead-time distribution on every track (a default).
inline PerTrack<DistSchedule> every_track(const Distribution& d) {
  return {DistSchedule(d), DistSchedule(d), DistSchedule(d), DistSchedule(d)};
}

// The largest household of first applicants a scenario may give (groups.*.household_size).
inline constexpr std::size_t kMaxHouseholdSize = 12;

struct GroupParams {
  std::string name;
  Schedule first_applications_per_year{0.0};
  Schedule amv_share{0.0};                 // unaccompanied minors among first applications
  Schedule family_with_minors_share{0.0};  // applicants in families with minor children
  PerTrack<Schedule> track_share;          // spoor shares of first applications (sum to 1)
  PerTrack<Schedule> grant_rate;           // grants / (grants + rejections) per track
  Schedule nareis_apply_share{0.0};        // permit holders applying for nareis within 3 months
  std::vector<double> family_size;         // P(k family members) for k = 1, 2, ...
  std::vector<double> household_size;  // P(a first applicant's household has k persons), k = 1..
  Schedule voluntary_departure_factor{1.0};  // multiplies voluntary-route shares (measures)
  Schedule voluntary_return_cost{0.0};       // euros per voluntary departure (support schemes)
};

struct InflowParams {
  std::array<double, 12> seasonality{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // mean 1
  Schedule repeat_per_year{0.0};
  Schedule resettlement_per_year{0.0};
  Schedule relocation_per_year{0.0};
  Schedule dublin_transfers_in_per_year{0.0};
  // Family members arriving with a regular permit under art. 8 ECHR (brief 1.6): not asylum
  // inflow, but they are received by COA and housed under the taakstelling.
  Schedule article8_family_per_year{0.0};
  Schedule dublin_claims_sent_share{1.0};  // Dublin cases for which NL sends a claim
  // inflow.first_applications_file: first applications per month and group as given by a
  // planner's CSV, indexed [month since the start month][group]; an empty row is a month the
  // file does not cover (the groups' rates and seasonality apply there).
  std::string first_applications_file;  // as resolved (relative to the working directory)
  std::vector<std::vector<double>> first_applications_by_month;
};

struct RegistrationParams {
  Schedule ter_apel_cap{2000.0};
  DistSchedule duration{Distribution::fixed(7.0)};
  Tick screening_from = engine::kNever;
  DistSchedule screening{Distribution::fixed(0.0)};
};

struct IndParams {
  PerTrack<Schedule> capacity_per_week;      // decisions per week per track
  bool share_unused_capacity = true;         // unused short-track capacity goes to longer tracks
  PerTrack<Schedule> other_share;            // withdrawn / not processed
  PerTrack<Schedule> abscond_per_year;       // rate of leaving COA unsupervised while waiting
  Schedule va_referral_share{0.0};           // share of AA cases referred to VA at the AA decision
  Schedule dublin_claim_refused_share{0.0};  // Dublin claims refused: the case goes to AA
  Schedule legal_term_days{183.0};
  PerTrack<Schedule> not_in_time_appeal_share;  // overdue cases whose applicant appeals
  Schedule not_in_time_refile_days{
      0.0};                           // >0: still waiting after a ruling, appeal again after this
  PerTrack<Schedule> priority_share;  // new cases the IND handles with priority (class 0)
  // Nader onderzoek: cases that need further investigation (documents, language analysis, medical
  // advice) when taken up; they wait aside for the duration, then go first in their queue.
  PerTrack<Schedule> investigation_share;
  PerTrack<DistSchedule> investigation_duration{every_track(Distribution::exponential(90.0))};
  DistSchedule not_in_time_notice{Distribution::fixed(14.0)};  // ingebrekestelling period
  Schedule repeat_grant_rate{0.15};
  Schedule decision_speedup{1.0};  // Pact: abolishing the intended-decision step
  // Pact: asylum permits granted from this date last `permit_years`; each renewal costs the IND
  // `renewal_effort` decisions (AA capacity).
  Tick short_permit_from = engine::kNever;
  double permit_years = 3.0;
  double renewal_effort = 0.25;
  struct Moratorium {
    std::string group;
    int group_index = -1;
    Tick from = 0, until = 0;
    // When it ends, held cases are decided first (true), or rejoin the back of the line (false).
    bool resume_first = true;
  };
  std::vector<Moratorium> moratoria;
};

struct AppealParams {
  PerTrack<Schedule> appeal_share;              // rejections appealed (beroep)
  PerTrack<Schedule> provisional_relief_share;  // appeals with a vovo request
  PerTrack<DistSchedule> court_duration{every_track(Distribution::exponential(130.0))};
  Schedule court_upheld_share{0.8};   // IND decision upheld by the court
  Schedule higher_appeal_share{0.2};  // court rulings taken to the Council of State
  DistSchedule council_duration{Distribution::exponential(120.0)};
  Schedule council_upheld_share{0.85};
  DistSchedule not_in_time_court_duration{Distribution::exponential(60.0)};
  Schedule not_in_time_priority{1.0};  // share of won not-in-time cases prioritised
};

struct ReceptionParams {
  std::array<Schedule, kLocations> capacity;
  Schedule reception_end_days{28.0};
  Schedule vbl_share{0.05};        // rejected moved to the VBL while working on departure
  Schedule amv_nidos_share{0.45};  // unaccompanied minors placed with Nidos
  // Days from arrival until an unaccompanied minor turns 18 (no longer counted as amv; a
  // rejected one then loses reception like an adult). Absent: minors never come of age.
  std::optional<DistSchedule> amv_time_to_adulthood;
  // Re-registration (brief 1.4): a person who left with unknown destination (MOB) and comes back
  // gets a new reception contract. Shares of MOB leavers who come back, by when they left.
  struct ReRegistration {
    Schedule absconded_share{0.0};  // left while waiting for the IND: the procedure resumes
    Schedule rejected_share{0.0};   // left unsupervised from the DTenV caseload after rejection
    // Of the rejected who come back, the share back in the DTenV caseload outside reception
    // (found by the police or reporting to DTenV): no new COA reception contract.
    Schedule outside_reception_share{0.0};
    DistSchedule delay{Distribution::exponential(180.0)};  // time away before re-registering
  } re_registration;
};

// A class of municipalities that keep up with their quota alike (docs/model.md, "Housing"). COA
// links a permit holder to a municipality by quota share; each class houses from its own line,
// with its own share of the national realisation capacity and its own balance.
inline constexpr std::size_t kMaxMunicipalityClasses = 64;
struct MunicipalityClass {
  std::string name;
  double quota_share = 1.0;  // share of the national taakstelling (quota is set by population)
  double performance = 1.0;  // realisation per unit of quota share, relative to the other classes
};

struct HousingParams {
  DistSchedule link_duration{Distribution::fixed(14.0)};  // permit to koppeling
  Schedule quota_per_half_year{0.0};                      // taakstelling (scenario series)
  Tick quota_forecast_from = engine::kNever;              // from here the model forecasts the quota
  Schedule realisation_per_half_year{0.0};  // municipal housing capacity, persons per half-year
  // Capacity that follows the task: this share of the half-year's obligation (quota + backlog at
  // its start), on top of realisation_per_half_year. 0: off.
  Schedule realisation_share_of_obligation{0.0};
  double backlog_at_start = 0.0;
  Schedule advance_share{0.15};  // housing beyond quota+backlog allowed (share of quota)
  double norm_weeks = 14.0;
  // HAR+ (Regeling stimuleren uitstroom): placements in temporary shelter or shared housing that
  // count for the taakstelling at once; people move on to regular housing later.
  Schedule har_plus_per_month{0.0};
  DistSchedule har_plus_move_on{Distribution::exponential(365.0)};
  // Doorstroomlocaties: transit places near the final municipality (ASSUMPTION: moving in counts
  // for the taakstelling), with a length of stay before moving on to regular housing.
  Schedule transit_places{0.0};
  DistSchedule transit_stay{Distribution::exponential(180.0)};
  bool direct_family_housing = false;
  Tick direct_family_housing_from = engine::kNever;
  // Logeerregeling: share of linked households staying with hosts, outside COA, until housed.
  Schedule logeer_share{0.0};
  // Empty: one national line (all municipalities alike).
  std::vector<MunicipalityClass> municipalities;
  // Share of linked households with medical or social priority: first in their class's line.
  Schedule urgent_share{0.0};
  // Dwellings by the household they fit (single, 2-3, 4-5, 6 or more persons): the share of the
  // realisation capacity (persons) offered in each. Off: one pool that fits every household.
  bool dwelling_bands = false;
  std::array<double, 4> dwelling_shares{1, 0, 0, 0};
  // `dwellings: line`: each half-year a class offers each size in proportion to the persons in its
  // line needing it, large dwellings at large_dwelling_factor of their share (the rest single).
  bool dwellings_follow_line = false;
  double large_dwelling_factor = 1.0;
  // Dwellings adapted for households of 6 or more (large-family scheme), per year: each houses the
  // large household that has waited longest, on top of the realisation capacity.
  Schedule large_family_dwellings_per_year{0.0};
};

inline constexpr std::array<const char*, 4> kDwellingNames = {"single", "small", "family", "large"};

struct NareisParams {
  Schedule window_days{90.0};
  Schedule capacity_per_week{0.0};
  // Capacity that follows the workload: with clearance_weeks > 0 the IND decides at least
  // capacity_per_week, and more when the waiting stock needs it: waiting / clearance_weeks.
  Schedule clearance_weeks{0.0};
  Schedule grant_rate{0.87};
  DistSchedule collect{Distribution::exponential(45.0)};
  DistSchedule travel{Distribution::exponential(45.0)};
  Schedule join_referent_share{1.0};  // arrivals joining a referent still in COA
  Schedule travel_share{1.0};         // granted family members who collect the mvv and travel
  // Two-status system: subsidiary-protection holders wait, and must meet requirements, first.
  Schedule subsidiary_share{0.0};
  Schedule subsidiary_waiting_days{0.0};
  Schedule subsidiary_requirements_met{1.0};
};

// Migrants without legal stay who never applied for asylum (found by the police, AVIM or KMar;
// overstayers): not persons of the asylum chain, but the chain-wide departure figures (Fig 103)
// count their departures. A stock-flow caseload per route: entries per year by the route they
// will leave by, and a mean time from entry to departure.
struct NonAsylumParams {
  bool enabled = false;
  double caseload_at_start = 0.0;  // split over the routes as the entries on the start date
  std::array<Schedule, kNonAsylumRoutes> entries_per_year;
  Schedule mean_days_to_depart{90.0};
};

struct DepartureParams {
  std::array<Schedule, kRoutes> route_share;
  std::array<DistSchedule, kRoutes> route_duration;  // drawn when the case enters the route
  // Routes given by `mean_days:` instead: an exponential time whose mean may change at dates and
  // applies in calendar time, so a change of pace reaches every case already on the route.
  std::array<bool, kRoutes> route_paced{};
  std::array<Schedule, kRoutes> route_mean_days;
  Schedule dublin_transfer_term_days{183.0};
  // Dublin Regulation art. 29(2): the term runs to 18 months when the person absconds.
  Schedule dublin_transfer_term_absconded_days{548.0};
  Schedule dublin_transfer_success{0.3};
  DistSchedule dublin_transfer_duration{Distribution::exponential(90.0)};
  Schedule other_outcome_unsupervised_share{0.8};  // of those not entering the DTenV caseload
  Schedule other_outcome_dtenv_share{0.0};         // 'other' outcomes entering the DTenV caseload
  // Forced departure needs a valid travel document (forced to origin or elsewhere; a Dublin
  // transfer does not) and a place in immigration detention, held until the removal.
  Schedule travel_document_share{1.0};
  Schedule detention_places{1e9};
  DistSchedule detention{Distribution::fixed(0.0)};
  NonAsylumParams non_asylum;
};

struct UkraineParams {
  bool enabled = false;
  double registered_at_start = 0.0;
  Schedule registrations_per_year{0.0};
  Schedule mean_stay_years{4.0};
  Schedule municipal_capacity{0.0};
  Schedule municipal_share{0.8};  // registered persons who want municipal reception
  Tick protection_end = engine::kNever;
  Schedule activation_share{0.5};  // share activating the dormant asylum application
  bool transition_status = false;
  Schedule transition_activation_share{0.1};
  int activated_group = -1;       // the group whose parameters activated applicants follow
  bool activated_in_coa = false;  // false: they keep municipal reception while the IND decides
};

// Costs reported per run (euros). COA place costs: Court of Audit (Algemene Rekenkamer) 2023,
// about 70 per occupied and 47 per empty place per day. The others are set by measures.
struct CostParams {
  Schedule coa_occupied_place_per_day{70.0};
  Schedule coa_empty_place_per_day{47.0};
  Schedule har_plus_per_placement{0.0};        // HAR+ contribution while the measure runs
  Schedule transit_per_resident_year{0.0};     // doorstroomlocaties contribution, first year only
  Schedule logeer_per_placement{0.0};          // logeerregeling: per household member placed
  Schedule large_family_dwelling{0.0};         // large-family scheme: per dwelling, 6-9 persons
  Schedule large_family_dwelling_10plus{0.0};  // the same, 10 or more persons
  Schedule measures_per_month{0.0};            // running costs the measures declare
};

struct InitialState {
  // IND first-application backlog per track, spread uniformly over the given age in days.
  PerTrack<double> ind_backlog{0, 0, 0, 0};
  PerTrack<double> ind_backlog_max_age_days{90, 120, 500, 700};
  double permit_holders_in_coa = 0.0;
  double permit_holders_max_age_days = 300.0;
  double in_appeal = 0.0;
  double rejected_in_coa = 0.0;
  double amv_share = 0.07;
  double nareis_waiting = 0.0;
  double nareis_max_age_days = 400.0;
  double nareis_travelling = 0.0;  // granted before the start, arriving over collect+travel time
  double limbo = 0.0;
  double har_plus_residents = 0.0;  // permit holders in HAR shelter (placed before the start)
};

// One assumption of the projection: block (projection.hpp), kept for the report.
struct ProjectionAssumption {
  std::string key;       // the schedule's key path, e.g. ind.capacity_per_week.va
  std::string from;      // the first day it applies (ISO date)
  std::string value;     // as written (YAML)
  std::string source;    // the source in the brief, or the reasoning
  std::string replaced;  // the single value the schedule had before, "" when it had steps
};

struct Scenario {
  std::string file;
  std::string name;
  // FNV-1a of the resolved scenario (the YAML tree after `extends`, re-emitted): identifies what
  // was run even when a base file changed under an unchanged variant file.
  std::uint64_t resolved_digest = 0;
  std::string description;
  // 16 hex digits naming the resolved scenario (extends merged; seed and replications left out,
  // they are reported on their own): results carry it so that they cannot be mixed up.
  std::string hash;
  // Plausibility warnings that applied (scenario/plausibility.hpp), as printed: the report lists
  // them. Filled by the command line, not by the loader.
  std::vector<std::string> warnings;
  engine::Date start{};
  engine::Date end{};  // last simulated day (inclusive)
  std::uint64_t seed = 1;
  int replications = 1;
  std::vector<GroupParams> groups;
  InflowParams inflow;
  RegistrationParams registration;
  IndParams ind;
  AppealParams appeals;
  ReceptionParams reception;
  HousingParams housing;
  NareisParams nareis;
  DepartureParams departure;
  UkraineParams ukraine;
  InitialState initial;
  CostParams costs;
  std::vector<Measure> measures;                 // as read; already applied to the parameters above
  std::vector<ProjectionAssumption> projection;  // the projection: block, already applied
  std::vector<std::string> overrides;            // --set KEY.PATH=VALUE options applied, in order
  // --- forecast uncertainty (issue 26; scenario/uncertainty.hpp) ---
  InflowUncertainty inflow_uncertainty;
  LevelUncertainty level_uncertainty;
  std::shared_ptr<const ReplicationDraws> draws;  // null: every replication runs this scenario
  std::vector<std::string> uncertainty_sources{"chance"};  // in the bands (set by the CLI)

  engine::Calendar calendar() const { return engine::Calendar(start); }
  Tick horizon_ticks() const;  // ticks from start to the end of the last day
  int months() const;          // whole months in the horizon
  int group_index(std::string_view name) const;
};

// What the measures module lends the loader (measures/load.hpp): the measure types, to read every
// measures: block at load time, and what is done with a scenario once it is read and before it is
// handed out (its measures composed into the parameters; throws InputError). This module only
// reads; it comes before the measures module and knows nothing of what a measure does.
class Completion {
 public:
  // Every measure type, in the order errors list them.
  virtual const std::vector<const MeasureSchema*>& measure_types() const = 0;
  virtual void complete(Scenario& s) const = 0;

 protected:
  ~Completion() = default;
};

// Reads and validates a scenario file; throws InputError with every problem found. A scenario
// ready to simulate comes from measures::load_scenario (measures/load.hpp).
Scenario read_scenario(const std::string& path, const Completion& complete);
Scenario read_scenario_text(const std::string& text, const std::string& name,
                            const Completion& complete);

// The file's YAML tree with its `extends:` resolved (sim/scenario/extends.cpp; each base is read
// and completed on its own first), and the scenario read from such a tree;
// read_scenario(path, c) is scenario_from_tree(scenario_tree(path, c), path, c).
YAML::Node scenario_tree(const std::string& path, const Completion& complete);
Scenario scenario_from_tree(const YAML::Node& root, const std::string& file,
                            const Completion& complete);

}  // namespace asylumsim::scenario
