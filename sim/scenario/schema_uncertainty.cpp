// The schema of the `uncertainty:` block (docs/uncertainty.md): future first applications and
// drifting policy and behaviour levels. The custom readers are sim/scenario/uncertainty_reader.cpp.
#include "asylumsim/scenario/schema.hpp"
#include "loader.hpp"

namespace asylumsim::scenario::schema {

using detail::Loader;
constexpr auto kRequired = Presence::kRequired;

namespace {
constexpr Range kScale{0, 10, false, "a factor in [0, 10]; 0: off", "0–10"};
constexpr Range kSigma{0, 3, false, "a standard deviation of log changes in [0, 3]", "0–3"};
constexpr Range kReversion{0, 1, true, "an AR(1) coefficient in (0, 1]; 1: no pull back", "(0, 1]"};
constexpr std::string_view kReversionMeaning =
    "yearly AR(1) coefficient of the level around the scenario's path: the sd of a k-year change "
    "is sigma·sqrt((1 − reversion^k) / (1 − reversion)), levelling off at sigma / sqrt(1 − "
    "reversion); 1: a random walk (no pull back)";
}  // namespace

Table<InflowUncertainty> inflow_uncertainty_fields() {
  using U = InflowUncertainty;
  static constexpr Range kMixSigma{0, 3, false, "a standard deviation in [0, 3]", "0–3"};
  static constexpr Range kAutocorrelation{-0.95, 0.95, false, "a value in [-0.95, 0.95]",
                                          "-0.95 to 0.95"};
  static const Field<U> fields[] = {
      {.key = "enabled",
       .target = &U::enabled,
       .fallback = "true",
       .meaning = "false switches the source off"},
      {.key = "from",
       .target = &Loader::read_uncertainty_from,
       .presence = kRequired,
       .form = "date",
       .meaning = "first day of the uncertain future, the first of a month inside the horizon"},
      {.key = "scale",
       .target = &U::scale,
       .range = kScale,
       .unit = "factor",
       .meaning = "multiplies both standard deviations; 0 switches the source off"},
      {.key = "sigma",
       .target = &U::sigma,
       .range = kSigma,
       .presence = kRequired,
       .meaning = "sd of the yearly change of log first applications"},
      {.key = "autocorrelation",
       .target = &U::autocorrelation,
       .range = kAutocorrelation,
       .meaning = "lag-1 autocorrelation of the yearly changes (of a random walk: must be 0 with "
                  "`reversion` < 1)"},
      {.key = "reversion",
       .target = &U::reversion,
       .range = kReversion,
       .fallback = "1",
       .meaning = kReversionMeaning},
      {.key = "mix_sigma",
       .target = &U::mix_sigma,
       .range = kMixSigma,
       .meaning = "sd of a group's yearly log change relative to the total"},
      {.key = "centre",
       .target = &Loader::read_uncertainty_centre,
       .form = "`median` or `mean`",
       .fallback = "`median`",
       .meaning = "whether the scenario's first applications are the median or the expected "
                  "path"},
  };
  return fields;
}

Table<LevelUncertainty> level_uncertainty_fields() {
  using U = LevelUncertainty;
  static const Field<U> fields[] = {
      {.key = "enabled",
       .target = &U::enabled,
       .fallback = "true",
       .meaning = "false switches the source off"},
      {.key = "from",
       .target = &Loader::read_levels_from,
       .presence = kRequired,
       .form = "date",
       .meaning = "first day of the uncertain future, the first of a month inside the horizon"},
      {.key = "scale",
       .target = &U::scale,
       .range = kScale,
       .unit = "factor",
       .meaning = "multiplies sigma; 0 switches the source off"},
      {.key = "sigma",
       .target = &U::sigma,
       .range = kSigma,
       .presence = kRequired,
       .meaning = "sd of a level's yearly change: of its log (a count) or log-odds (a share)"},
      {.key = "reversion",
       .target = &U::reversion,
       .range = kReversion,
       .fallback = "1",
       .meaning = kReversionMeaning},
      {.key = "centre",
       .target = &Loader::read_levels_centre,
       .form = "`median` or `mean`",
       .fallback = "`median`",
       .meaning =
           "whether the scenario's count levels are the median or the expected path (shares: "
           "always the median)"},
  };
  return fields;
}

}  // namespace asylumsim::scenario::schema
