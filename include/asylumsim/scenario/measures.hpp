// Policy measures as named, dated scenario blocks (the `measures:` mapping). Each block has a
// type, a start date, an optional end date and its parameters; the loader reads and checks them
// here, and measures/apply.hpp turns each into changes of the chain's mechanics (schedules,
// capacities, routing), never of an output number. docs/measures.md documents every type.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/time.hpp"
#include "asylumsim/scenario/diagnostics.hpp"

namespace asylumsim::scenario {

using engine::Tick;

// HAR+: municipalities place permit holders in temporary shelter or shared housing; a placement
// counts for the taakstelling at once; residents move on to regular housing later.
struct HarPlusMeasure {
  double places_per_month = 0;      // or derived from a budget: budget / contribution / months
  double contribution_eur = 30000;  // state contribution per placement (38,000 without kitchen)
  std::optional<engine::Distribution> move_on;  // days until moving on to regular housing
};
// Doorstroomlocaties: transit places near the final municipality, opened by date.
struct TransitMeasure {
  std::vector<std::pair<Tick, double>> places;  // places available from each date (cumulative)
  std::optional<engine::Distribution> stay;     // days before moving on to regular housing
  double contribution_eur_per_year = 0;         // state contribution per resident, first year
};
// Logeerregeling: a share of linked permit-holder households stays with family, friends or a
// host family until their home is ready, outside COA.
struct LogeerMeasure {
  double share = 0;
  double cost_eur_per_person = 0;  // e.g. an allowance to the host, per person placed
};
// Extra IND decision capacity for a track, reached after a hiring and training lag.
struct IndCapacityMeasure {
  int track = 0;
  double extra_per_week = 0;
  double lag_days = 0;  // linear ramp-up from 0 to the full extra capacity over this many days
};
struct MoratoriumMeasure {
  int group = -1;
  bool resume_first = true;  // held cases go first when it ends; false: to the back of the line
};
// A country-policy change: a new grant rate for a group (all tracks, or one).
struct GrantRateMeasure {
  int group = -1;
  int track = -1;  // -1: every track
  double grant_rate = 0;
};
struct LegalTermMeasure {
  double days = 183;
};
// Abolition of the intended-decision step (voornemen): decisions go faster by a factor.
struct IntendedDecisionMeasure {
  double speedup = 1;
};
// The EU Migration Pact: screening at the border, a border procedure for nationalities with low
// recognition rates (decided in the accelerated track, with its own added capacity), faster
// decisions without the intended-decision step, and nareis for the nuclear family only.
struct PactMeasure {
  std::optional<engine::Distribution> screening;
  // Border procedure: this share of the AA/VA applications of the listed groups (all when empty)
  // comes from low-recognition nationalities and is decided in the accelerated track (spoor 2).
  double border_share = 0;
  std::vector<int> border_groups;
  double border_capacity_per_week = 0;
  double decision_speedup = 1;
  double nareis_factor = 1;  // nareis applications kept when limited to the nuclear family
  // Temporary asylum permits of `permit_years` (5 before the Pact); each renewal is IND work.
  double permit_years = 0;  // 0: permits are not shortened
  double renewal_effort = 0.25;
};
// The two-status system: subsidiary-protection holders (a share of grants) wait before they may
// apply for nareis and must meet income and housing requirements.
struct TwoStatusMeasure {
  double subsidiary_share = 0;
  double waiting_days = 0;
  double requirements_met_share = 1;
};
struct ReceptionCapacityMeasure {
  int location = 0;
  double places = 0;  // added (negative: closed)
};
struct TerApelCapMeasure {
  double cap = 2000;
};
struct DirectFamilyHousingMeasure {};
struct VoluntaryReturnMeasure {
  int group = -1;  // -1: every group
  double factor = 1;
  double cost_eur_per_person = 0;  // support per voluntary departure in the window
};
struct UkraineEndMeasure {
  double activation_share = 0.5;
  bool transition_status = false;
  double transition_activation_share = 0.1;
};
struct InflowShockMeasure {
  int group = -1;  // -1: every group
  double factor = 1;
};

using MeasureParams =
    std::variant<HarPlusMeasure, TransitMeasure, LogeerMeasure, IndCapacityMeasure,
                 MoratoriumMeasure, GrantRateMeasure, LegalTermMeasure, IntendedDecisionMeasure,
                 PactMeasure, TwoStatusMeasure, ReceptionCapacityMeasure, TerApelCapMeasure,
                 DirectFamilyHousingMeasure, VoluntaryReturnMeasure, UkraineEndMeasure,
                 InflowShockMeasure>;

// The YAML `type` of each alternative, in the variant's order.
inline constexpr const char* kMeasureTypes[] = {"har_plus",
                                                "doorstroomlocaties",
                                                "logeerregeling",
                                                "ind_capacity",
                                                "moratorium",
                                                "grant_rate",
                                                "legal_term",
                                                "intended_decision_abolished",
                                                "migration_pact",
                                                "two_status",
                                                "reception_capacity",
                                                "ter_apel_cap",
                                                "direct_family_housing",
                                                "voluntary_return",
                                                "ukraine_protection_end",
                                                "inflow_shock"};
static_assert(std::size(kMeasureTypes) == std::variant_size_v<MeasureParams>);

// The position of a parameter type in MeasureParams, and so of its name in kMeasureTypes.
template <class T, std::size_t I = 0>
constexpr std::size_t measure_index() {
  static_assert(I < std::variant_size_v<MeasureParams>, "not a measure parameter type");
  if constexpr (std::is_same_v<std::variant_alternative_t<I, MeasureParams>, T>)
    return I;
  else
    return measure_index<T, I + 1>();
}

struct Measure {
  std::string name;  // the block's key
  std::string description;
  Tick from = 0;
  Tick until = engine::kNever;    // exclusive; kNever: open-ended
  double cost_eur_per_month = 0;  // any running cost the measure declares (staff, contracts)
  MeasureParams params;
  Diagnostic where;  // the block's position in the file, for errors about composed parameters
  const char* type() const { return kMeasureTypes[params.index()]; }
};

}  // namespace asylumsim::scenario
