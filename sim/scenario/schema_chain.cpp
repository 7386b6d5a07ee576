// The schemas of the scenario sections from the header to appeals (schema.hpp): one row per key,
// in the order the keys are read. The reader walks these rows and docs/scenario.md is generated
// from them (`asylumsim schema --markdown`).
#include "asylumsim/scenario/schema.hpp"
#include "loader.hpp"

namespace asylumsim::scenario::schema {

using detail::Loader;
constexpr auto kRequired = Presence::kRequired;

Table<Scenario> header_fields() {
  static const Field<Scenario> fields[] = {
      {.key = "name",
       .target = ReadBySection{},
       .presence = kRequired,
       .form = "text",
       .meaning = "name, used for the output directory"},
      {.key = "description",
       .target = ReadBySection{},
       .form = "text",
       .fallback = "\"\"",
       .meaning = "free text about the scenario"},
      {.key = "start",
       .target = ReadBySection{},
       .presence = kRequired,
       .form = "date",
       .meaning = "first simulated day; the first of a month"},
      {.key = "end",
       .target = ReadBySection{},
       .presence = kRequired,
       .form = "date",
       .meaning = "last simulated day; the last day of a month"},
      {.key = "seed",
       .target = ReadBySection{},
       .range = kNonNegative,
       .form = "integer",
       .fallback = "1",
       .meaning = "master seed"},
      {.key = "replications",
       .target = ReadBySection{},
       .form = "integer",
       .fallback = "1",
       .meaning = "Monte Carlo replications, 1 to 10,000,000"},
  };
  return fields;
}

Table<GroupParams> group_fields() {
  using G = GroupParams;
  static const Field<G> fields[] = {
      {.key = "first_applications_per_year",
       .target = &G::first_applications_per_year,
       .range = kCount,
       .presence = kRequired,
       .unit = "persons per year",
       .meaning = "first applications per year (incl. births)"},
      {.key = "amv_share",
       .target = &G::amv_share,
       .range = kProbability,
       .meaning = "unaccompanied minors among first applications"},
      {.key = "family_with_minors_share",
       .target = &G::family_with_minors_share,
       .range = kProbability,
       .meaning = "applicants in families with minor children"},
      {.key = "track_share",
       .target = &Loader::read_track_shares,
       .range = kProbability,
       .presence = kRequired,
       .form = "per track, schedules",
       .meaning = "track shares of first applications (sum 1 at every date); `dublin`: a Dublin "
                  "claim is sent (see `ind.dublin_claim_refused_share`)"},
      {.key = "grant_rate",
       .target = &G::grant_rate,
       .range = kProbability,
       .presence = kRequired,
       .meaning = "grants / (grants + rejections)"},
      {.key = "nareis_apply_share",
       .target = &G::nareis_apply_share,
       .range = kProbability,
       .meaning = "permit holders applying for nareis"},
      {.key = "family_size",
       .target = &Loader::read_family_size,
       .range = kProbability,
       .form = "list of probabilities (sum 1)",
       .fallback = "[1.0]",
       .meaning = "P(1, 2, ... family members) per application"},
      {.key = "household_size",
       .target = &Loader::read_household_size,
       .range = kProbability,
       .form = "list of probabilities (sum 1), at most 12",
       .fallback = "[1.0]",
       .meaning = "P(1, 2, ... persons) in the household a first applicant arrives in (not "
                  "unaccompanied minors); the household is decided, linked and housed together"},
      {.key = "voluntary_departure_factor",
       .target = &G::voluntary_departure_factor,
       .range = kNonNegative,
       .unit = "factor",
       .meaning = "multiplies voluntary route shares"},
  };
  return fields;
}

Table<InflowParams> inflow_fields() {
  using I = InflowParams;
  static const Field<I> fields[] = {
      {.key = "seasonality",
       .target = &Loader::read_seasonality,
       .range = kNonNegative,
       .unit = "factor",
       .form = "12 numbers",
       .fallback = "all 1",
       .meaning = "monthly factors for first applications (normalised to mean 1)"},
      {.key = "repeat_per_year",
       .target = &I::repeat_per_year,
       .range = kCount,
       .unit = "persons per year",
       .meaning = "repeat applications"},
      {.key = "resettlement_per_year",
       .target = &I::resettlement_per_year,
       .range = kCount,
       .unit = "persons per year",
       .meaning = "resettled refugees"},
      {.key = "relocation_per_year",
       .target = &I::relocation_per_year,
       .range = kCount,
       .unit = "persons per year",
       .meaning = "relocated asylum seekers"},
      {.key = "dublin_transfers_in_per_year",
       .target = &I::dublin_transfers_in_per_year,
       .range = kCount,
       .unit = "persons per year",
       .meaning = "Dublin transfers into NL"},
      {.key = "dublin_claims_sent_share",
       .target = &I::dublin_claims_sent_share,
       .range = kProbability,
       .meaning = "Dublin-track cases for which a claim is sent"},
      {.key = "article8_family_per_year",
       .target = &I::article8_family_per_year,
       .range = kCount,
       .unit = "persons per year",
       .meaning = "family members with a regular permit under art. 8 ECHR, received by COA and "
                  "housed under the taakstelling (docs/model.md §1)"},
      {.key = "first_applications_file",
       .target = &Loader::read_inflow_file,
       .form = "path",
       .fallback = "none",
       .meaning = "a CSV of first applications per calendar month (below), relative to this file"},
  };
  return fields;
}

Table<RegistrationParams> registration_fields() {
  using R = RegistrationParams;
  static const Field<R> fields[] = {
      {.key = "ter_apel_cap",
       .target = &R::ter_apel_cap,
       .range = kCount,
       .unit = "persons",
       .meaning = "residents cap of the registration centre"},
      {.key = "duration", .target = &R::duration, .unit = "days", .meaning = "registration time"},
      {.key = "screening_from",
       .target = &R::screening_from,
       .meaning = "start of the EU Pact screening"},
      {.key = "screening", .target = &R::screening, .unit = "days", .meaning = "screening time"},
  };
  return fields;
}

Table<IndParams> ind_fields() {
  using P = IndParams;
  static const Field<P> fields[] = {
      {.key = "capacity_per_week",
       .target = &P::capacity_per_week,
       .range = kCount,
       .presence = kRequired,
       .unit = "decisions per week",
       .meaning = "decisions per week"},
      {.key = "share_unused_capacity",
       .target = &P::share_unused_capacity,
       .meaning = "unused short-track capacity passes to longer tracks"},
      {.key = "other_share",
       .target = &P::other_share,
       .range = kProbability,
       .meaning = "withdrawn / not processed"},
      {.key = "abscond_per_year",
       .target = &P::abscond_per_year,
       .range = kNonNegative,
       .unit = "per year",
       .meaning = "rate of leaving unsupervised while waiting"},
      {.key = "va_referral_share",
       .target = &P::va_referral_share,
       .range = kProbability,
       .meaning = "AA cases referred to VA"},
      {.key = "dublin_claim_refused_share",
       .target = &P::dublin_claim_refused_share,
       .range = kProbability,
       .meaning = "Dublin claims the requested state refuses; the case goes to AA at registration"},
      {.key = "legal_term_days",
       .target = &P::legal_term_days,
       .range = kPositive,
       .unit = "days",
       .meaning = "legal decision term; a change applies to every case still waiting and not yet "
                  "past the old term (a shorter term makes those past it overdue at once)"},
      {.key = "not_in_time_appeal_share",
       .target = &P::not_in_time_appeal_share,
       .range = kProbability,
       .meaning = "overdue cases appealing for not deciding in time"},
      {.key = "not_in_time_notice",
       .target = &P::not_in_time_notice,
       .unit = "days",
       .meaning = "notice of default before the appeal"},
      {.key = "not_in_time_refile_days",
       .target = &P::not_in_time_refile_days,
       .range = kNonNegative,
       .unit = "days",
       .meaning = "refile interval while still waiting (0: never)"},
      {.key = "priority_share",
       .target = &P::priority_share,
       .range = kProbability,
       .meaning = "new cases handled with priority"},
      {.key = "investigation_share",
       .target = &P::investigation_share,
       .range = kProbability,
       .meaning = "cases needing further investigation (nader onderzoek) when the IND takes them "
                  "up; each case draws once"},
      {.key = "investigation_duration",
       .target = &P::investigation_duration,
       .unit = "days",
       .meaning = "how long the investigation holds the case aside; afterwards it goes first in "
                  "its queue"},
      {.key = "repeat_grant_rate",
       .target = &P::repeat_grant_rate,
       .range = kProbability,
       .meaning = "grant rate of repeat applications"},
      {.key = "decision_speedup",
       .target = &P::decision_speedup,
       .range = kPositive,
       .unit = "factor",
       .meaning = "capacity multiplier (e.g. no intended-decision step)"},
      {.key = "moratoria",
       .target = &Loader::read_moratoria,
       .form = "list of `{group, from, until, resume?}`",
       .fallback = "[]",
       .meaning = "decision moratoria per group; `resume: first` (default) decides the held "
                  "cases before the line when it ends, `resume: back` puts them at the back of "
                  "the line"},
  };
  return fields;
}

Table<AppealParams> appeal_fields() {
  using A = AppealParams;
  static const Field<A> fields[] = {
      {.key = "appeal_share",
       .target = &A::appeal_share,
       .range = kProbability,
       .meaning = "rejections appealed"},
      {.key = "provisional_relief_share",
       .target = &A::provisional_relief_share,
       .range = kProbability,
       .meaning = "appeals with a vovo request"},
      {.key = "court_duration",
       .target = &A::court_duration,
       .unit = "days",
       .meaning = "court lead time"},
      {.key = "court_upheld_share",
       .target = &A::court_upheld_share,
       .range = kProbability,
       .meaning = "IND decision upheld"},
      {.key = "higher_appeal_share",
       .target = &A::higher_appeal_share,
       .range = kProbability,
       .meaning = "rulings taken to the Council of State"},
      {.key = "council_duration",
       .target = &A::council_duration,
       .unit = "days",
       .meaning = "Council of State lead time"},
      {.key = "council_upheld_share",
       .target = &A::council_upheld_share,
       .range = kProbability,
       .meaning = "rejection upheld by the Council"},
      {.key = "not_in_time_court_duration",
       .target = &A::not_in_time_court_duration,
       .unit = "days",
       .meaning = "not-in-time appeal lead time"},
      {.key = "not_in_time_priority",
       .target = &A::not_in_time_priority,
       .range = kProbability,
       .meaning = "won not-in-time cases prioritised"},
  };
  return fields;
}

}  // namespace asylumsim::scenario::schema
