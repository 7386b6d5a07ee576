// Reads a scenario file into a Scenario, checking every key: unknown keys, types, ranges, dates
// inside the horizon, shares that sum to one. All problems are collected and thrown together.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "asylumsim/measures/apply.hpp"
#include "asylumsim/scenario/inflow_file.hpp"
#include "asylumsim/scenario/resolve.hpp"
#include "asylumsim/scenario/scenario.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::scenario {

Tick Scenario::horizon_ticks() const {
  return calendar().to_tick(engine::Date{std::chrono::sys_days{end} + std::chrono::days{1}});
}

int Scenario::months() const {
  const engine::Date after{std::chrono::sys_days{end} + std::chrono::days{1}};
  return calendar().month_index(after);
}

int Scenario::group_index(std::string_view n) const {
  for (std::size_t i = 0; i < groups.size(); ++i)
    if (groups[i].name == n) return static_cast<int>(i);
  return -1;
}

namespace {

// kCount: persons, places or a flow per period, 0 to kMaxCount.
enum class Range { kAny, kNonNegative, kPositive, kProbability, kCount };

const char* range_text(Range r) {
  switch (r) {
    case Range::kAny:
      return "a number";
    case Range::kNonNegative:
      return "a number >= 0";
    case Range::kPositive:
      return "a number > 0";
    case Range::kProbability:
      return "a probability between 0 and 1";
    case Range::kCount:
      return "a count between 0 and 10,000,000";
  }
  return "";
}

bool in_range(double v, Range r) {
  switch (r) {
    case Range::kAny:
      return true;
    case Range::kNonNegative:
      return v >= 0;
    case Range::kPositive:
      return v > 0;
    case Range::kProbability:
      return v >= 0 && v <= 1;
    case Range::kCount:
      return v >= 0 && v <= kMaxCount;
  }
  return true;
}

std::vector<std::string> names_of(const auto& arr) {
  return std::vector<std::string>(arr.begin(), arr.end());
}

class Loader {
 public:
  Loader(YAML::Node root, std::string file)
      : file_(std::move(file)), root_(root, "", &file_, &diag_) {}

  Scenario load() {
    s_.file = file_;
    YAML::Emitter canonical;
    canonical << root_.node();
    s_.resolved_digest = engine::fnv1a64(canonical.c_str());
    if (!root_.expect_map({"scenario", "groups", "inflow", "registration", "ind", "appeals",
                           "reception", "housing", "nareis", "departure", "ukraine", "initial",
                           "costs", "measures", "calibration", "uncertainty", "extends"}))
      throw InputError(diag_);
    if (root_.has("extends"))  // resolved (and removed) only when a scenario is loaded from a file
      root_.child("extends").error("extends needs a scenario file: load it by its path");
    if (!read_header(root_.required("scenario"))) throw InputError(diag_);
    read_groups(root_.required("groups"));
    read_inflow(root_.child("inflow"));
    read_registration(root_.child("registration"));
    read_ind(root_.child("ind"));
    read_appeals(root_.child("appeals"));
    read_reception(root_.required("reception"));
    read_housing(root_.required("housing"));
    read_nareis(root_.child("nareis"));
    read_departure(root_.required("departure"));
    read_ukraine(root_.child("ukraine"));
    read_initial(root_.child("initial"));
    read_costs(root_.child("costs"));
    read_measures(root_.child("measures"));
    read_uncertainty(root_.child("uncertainty"), s_, s_.inflow_uncertainty);  // issue 26
    if (!diag_.empty()) throw InputError(diag_);
    measures::apply_measures(s_);
    if (auto composed = measures::check_composed(s_); !composed.empty()) throw InputError(composed);
    return std::move(s_);
  }

 private:
  // --- scalars ----------------------------------------------------------------------------------
  double number(const YamlView& v, double fallback, Range r) {
    if (!v.defined()) return fallback;
    const double x = v.as_number(fallback);
    if (!in_range(x, r)) {
      // A share typed as a percentage (30 for 30%) gets the fraction it most likely means.
      const bool percent = r == Range::kProbability && x > 1 && x <= 100;
      v.error(fmt::format("value {} is out of range (expected {}){}", x, range_text(r),
                          percent ? fmt::format(" (did you mean {}? a share is a fraction, not a "
                                                "percentage)",
                                                x / 100)
                                  : ""));
      return fallback;
    }
    return x;
  }

  std::optional<engine::Date> date(const YamlView& v) {
    if (!v.defined()) return std::nullopt;
    const std::string text = v.as_string();
    auto d = engine::parse_date(text);
    if (!d) v.error(engine::not_a_date_message(text));
    return d;
  }

  // A date that must lie inside the simulated horizon.
  Tick dated_tick(const YamlView& v, Tick fallback) {
    auto d = date(v);
    if (!d) return fallback;
    if (*d < s_.start || *d > s_.end) {
      v.error(fmt::format("date {} is outside the scenario horizon ({} to {})",
                          engine::format_date(*d), engine::format_date(s_.start),
                          engine::format_date(s_.end)));
      return fallback;
    }
    return cal_.to_tick(*d);
  }

  // A number, or a list of {from: DATE, value: X} steps starting on the scenario's start date.
  Schedule schedule(const YamlView& v, double fallback, Range r) {
    if (!v.defined()) return Schedule(fallback);
    if (v.is_scalar()) return Schedule(number(v, fallback, r));
    if (!v.expect_sequence()) return Schedule(fallback);
    if (v.size() == 0) {
      v.error("schedule is empty (expected a number or a list of {from, value} steps)");
      return Schedule(fallback);
    }
    return dated_steps(v, fallback, [&](const YamlView& x) { return number(x, fallback, r); });
  }

  // A list of {from: DATE, value: V} steps: the first on the start date, dates increasing.
  template <class T, class ParseValue>
  engine::StepSchedule<T> dated_steps(const YamlView& v, const T& fallback,
                                      ParseValue parse_value) {
    engine::StepSchedule<T> out(fallback);
    Tick prev = std::numeric_limits<Tick>::min();
    for (std::size_t i = 0; i < v.size(); ++i) {
      const YamlView step = v.element(i);
      if (!step.expect_map({"from", "value"})) continue;
      const Tick t = dated_tick(step.required("from"), 0);
      const T x = parse_value(step.required("value"));
      if (i == 0 && t != 0)
        step.child("from").error(
            fmt::format("the first step must start on the scenario start date {}",
                        engine::format_date(s_.start)));
      if (i > 0 && t <= prev) step.child("from").error("steps must be in increasing date order");
      prev = t;
      out.set_from(t, x);
    }
    return out;
  }

  Distribution single_distribution(const YamlView& v, Distribution fallback) {
    if (!v.defined()) return fallback;
    if (v.is_scalar()) return Distribution::fixed(number(v, fallback.mean, Range::kNonNegative));
    if (!v.expect_map({"dist", "mean", "cv", "value", "quantiles"})) return fallback;
    const std::string kind = v.required("dist").as_string("fixed");
    if (kind == "fixed")
      return Distribution::fixed(number(v.required("value"), 0, Range::kNonNegative));
    if (kind == "exponential")
      return Distribution::exponential(number(v.required("mean"), 1, Range::kPositive));
    if (kind == "lognormal" || kind == "gamma") {
      const double mean = number(v.required("mean"), 1, Range::kPositive);
      const double cv = number(v.required("cv"), 1, Range::kPositive);
      return kind == "gamma" ? Distribution::gamma(mean, cv) : Distribution::lognormal(mean, cv);
    }
    if (kind == "empirical") {
      const YamlView q = v.required("quantiles");
      std::vector<double> qs;
      if (q.defined() && q.expect_sequence()) {
        for (std::size_t i = 0; i < q.size(); ++i)
          qs.push_back(number(q.element(i), 0, Range::kNonNegative));
        if (qs.size() < 2) q.error("expected at least two quantiles (minimum and maximum)");
        for (std::size_t i = 1; i < qs.size(); ++i)
          if (qs[i] < qs[i - 1]) {
            q.element(i).error("quantiles must not decrease");
            break;
          }
      }
      return Distribution::empirical(qs);
    }
    v.child("dist").error(fmt::format(
        "unknown distribution '{}' (expected fixed, exponential, lognormal, gamma or empirical)",
        kind));
    return fallback;
  }

  // A distribution, or a list of {from: DATE, value: DISTRIBUTION} steps (dated changes).
  DistSchedule distribution(const YamlView& v, const DistSchedule& fallback) {
    if (!v.defined()) return fallback;
    const bool dated = v.is_sequence() && v.size() > 0 && v.element(0).has("from");
    if (!dated) return DistSchedule(single_distribution(v, fallback.at(0)));
    return dated_steps(v, fallback.at(0),
                       [&](const YamlView& x) { return single_distribution(x, fallback.at(0)); });
  }

  template <std::size_t N>
  void per_key_schedules(const YamlView& v, const std::array<const char*, N>& names,
                         std::array<Schedule, N>& out, double fallback, Range r) {
    if (v.defined() && !v.expect_map(names_of(names))) return;
    for (std::size_t i = 0; i < N; ++i) out[i] = schedule(v.child(names[i]), fallback, r);
  }

  // The ticks at which any of the shares except shares[skip] changes (the lowest tick stands for
  // 'from the start'), and their sum at a tick: what both share checks below walk through.
  template <std::size_t N>
  static std::set<Tick> change_times(const std::array<Schedule, N>& shares, std::size_t skip = N) {
    std::set<Tick> times{std::numeric_limits<Tick>::min()};
    for (std::size_t i = 0; i < N; ++i)
      if (i != skip)
        for (const auto& st : shares[i].steps()) times.insert(st.from);
    return times;
  }
  template <std::size_t N>
  static double sum_at(const std::array<Schedule, N>& shares, Tick t, std::size_t skip = N) {
    double sum = 0;
    for (std::size_t i = 0; i < N; ++i)
      if (i != skip) sum += shares[i].at(t);
    return sum;
  }

  // Checks that shares sum to 1 at every date one of them changes (from the start date on).
  template <std::size_t N>
  void check_sum_to_one(const YamlView& v, const std::array<Schedule, N>& shares) {
    for (Tick t : change_times(shares)) {
      t = std::max<Tick>(t, 0);
      const double sum = sum_at(shares, t);
      if (std::abs(sum - 1.0) > 1e-6) {
        v.error(fmt::format("shares sum to {:.6g} on {} (expected 1)", sum,
                            engine::format_date(cal_.to_date(t))));
        return;
      }
    }
  }

  // Sets shares[rest] to 1 minus the other shares at every date one of them changes; reports a
  // date where they already exceed 1.
  template <std::size_t N>
  void take_rest(const YamlView& v, std::array<Schedule, N>& shares, std::size_t rest) {
    Schedule out;
    for (Tick t : change_times(shares, rest)) {
      const double others = sum_at(shares, t, rest);
      if (others > 1.0 + 1e-6) {
        v.error(fmt::format("the other shares sum to {:.6g} on {}: nothing is left for 'rest'",
                            others, engine::format_date(cal_.to_date(std::max<Tick>(t, 0)))));
        return;
      }
      out.set_from(t, std::max(0.0, 1.0 - others));
    }
    shares[rest] = out;
  }

  // --- sections ---------------------------------------------------------------------------------
  bool read_header(const YamlView& v) {
    if (!v.defined() ||
        !v.expect_map({"name", "description", "start", "end", "seed", "replications"}))
      return false;
    s_.name = v.required("name").as_string("unnamed");
    s_.description = v.child("description").defined() ? v.child("description").as_string() : "";
    auto start = date(v.required("start"));
    auto end = date(v.required("end"));
    if (!start || !end) return false;
    if (static_cast<unsigned>(start->day()) != 1) {
      v.child("start").error("the start date must be the first day of a month");
      return false;
    }
    if (*end < *start) {
      v.child("end").error("end date is before the start date");
      return false;
    }
    const engine::Date after{std::chrono::sys_days{*end} + std::chrono::days{1}};
    if (static_cast<unsigned>(after.day()) != 1) {
      v.child("end").error("the end date must be the last day of a month");
      return false;
    }
    s_.start = *start;
    s_.end = *end;
    cal_ = engine::Calendar(s_.start);
    const std::int64_t seed = v.child("seed").defined() ? v.child("seed").as_integer(1) : 1;
    if (seed < 0) v.child("seed").error("seed must be >= 0");
    s_.seed = static_cast<std::uint64_t>(seed);
    const std::int64_t reps =
        v.child("replications").defined() ? v.child("replications").as_integer(1) : 1;
    if (reps < 1 || reps > 10'000'000)
      v.child("replications").error("replications must be between 1 and 10000000");
    s_.replications = static_cast<int>(std::clamp<std::int64_t>(reps, 1, 10'000'000));
    return true;
  }

  void read_groups(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.is_map() || v.size() == 0) {
      v.error("expected a mapping of nationality groups (for example syria:, eritrea:, other:)");
      return;
    }
    if (v.size() > kMaxGroups) {
      v.error(fmt::format("{} nationality groups (expected at most {})", v.size(), kMaxGroups));
      return;
    }
    std::set<std::string> seen;
    for (const std::string& name : v.keys()) {
      if (!seen.insert(name).second) {
        v.error_at_key(name, "duplicate nationality group");
        continue;
      }
      const YamlView g = v.child(name);
      GroupParams p;
      p.name = name;
      if (!g.expect_map({"first_applications_per_year", "amv_share", "family_with_minors_share",
                         "track_share", "grant_rate", "nareis_apply_share", "family_size",
                         "voluntary_departure_factor"}))
        continue;
      p.first_applications_per_year =
          schedule(g.required("first_applications_per_year"), 0, Range::kCount);
      p.amv_share = schedule(g.child("amv_share"), 0, Range::kProbability);
      p.family_with_minors_share =
          schedule(g.child("family_with_minors_share"), 0, Range::kProbability);
      const YamlView ts = g.required("track_share");
      per_key_schedules(ts, kTrackNames, p.track_share, 0, Range::kProbability);
      if (ts.defined()) check_sum_to_one(ts, p.track_share);
      per_key_schedules(g.required("grant_rate"), kTrackNames, p.grant_rate, 0,
                        Range::kProbability);
      p.nareis_apply_share = schedule(g.child("nareis_apply_share"), 0, Range::kProbability);
      const YamlView fs = g.child("family_size");
      if (fs.defined() && fs.expect_sequence()) {
        double sum = 0;
        for (std::size_t i = 0; i < fs.size(); ++i) {
          p.family_size.push_back(number(fs.element(i), 0, Range::kProbability));
          sum += p.family_size.back();
        }
        if (std::abs(sum - 1.0) > 1e-6)
          fs.error(fmt::format("family-size probabilities sum to {:.6g} (expected 1)", sum));
      }
      if (p.family_size.empty()) p.family_size = {1.0};
      p.voluntary_departure_factor =
          schedule(g.child("voluntary_departure_factor"), 1, Range::kNonNegative);
      s_.groups.push_back(std::move(p));
    }
  }

  void read_inflow(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.expect_map({"seasonality", "repeat_per_year", "resettlement_per_year",
                       "relocation_per_year", "dublin_transfers_in_per_year",
                       "dublin_claims_sent_share", "article8_family_per_year",
                       "first_applications_file"}))
      return;
    auto& in = s_.inflow;
    const YamlView sv = v.child("seasonality");
    if (sv.defined() && sv.expect_sequence()) {
      if (sv.size() != 12) {
        sv.error(fmt::format("expected 12 monthly factors, got {}", sv.size()));
      } else {
        double sum = 0;
        for (std::size_t i = 0; i < 12; ++i)
          sum += in.seasonality[i] = number(sv.element(i), 1, Range::kNonNegative);
        if (sum <= 0)
          sv.error("seasonality factors must not all be zero");
        else
          for (auto& f : in.seasonality) f *= 12.0 / sum;  // normalise to mean 1
      }
    }
    in.repeat_per_year = schedule(v.child("repeat_per_year"), 0, Range::kCount);
    in.resettlement_per_year = schedule(v.child("resettlement_per_year"), 0, Range::kCount);
    in.relocation_per_year = schedule(v.child("relocation_per_year"), 0, Range::kCount);
    in.dublin_transfers_in_per_year =
        schedule(v.child("dublin_transfers_in_per_year"), 0, Range::kCount);
    in.dublin_claims_sent_share =
        schedule(v.child("dublin_claims_sent_share"), 1, Range::kProbability);
    in.article8_family_per_year = schedule(v.child("article8_family_per_year"), 0, Range::kCount);
    read_first_applications_file(v.child("first_applications_file"), s_);
  }

  // A distribution per track (spoor); tracks not named keep `fallback`.
  void per_track_distributions(const YamlView& v, PerTrack<DistSchedule>& out,
                               const Distribution& fallback) {
    for (auto& d : out) d = DistSchedule(fallback);
    if (!v.defined() || !v.expect_map(names_of(kTrackNames))) return;
    for (int t = 0; t < kTracks; ++t) out[t] = distribution(v.child(kTrackNames[t]), out[t]);
  }

  void read_registration(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.expect_map({"ter_apel_cap", "duration", "screening_from", "screening"})) return;
    auto& r = s_.registration;
    r.ter_apel_cap = schedule(v.child("ter_apel_cap"), 2000, Range::kCount);
    r.duration = distribution(v.child("duration"), r.duration);
    if (v.has("screening_from"))
      r.screening_from = dated_tick(v.child("screening_from"), engine::kNever);
    r.screening = distribution(v.child("screening"), r.screening);
  }

  void read_ind(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.expect_map({"capacity_per_week", "share_unused_capacity", "other_share",
                       "abscond_per_year", "va_referral_share", "dublin_claim_refused_share",
                       "legal_term_days", "not_in_time_appeal_share", "not_in_time_notice",
                       "not_in_time_refile_days", "priority_share", "investigation_share",
                       "investigation_duration", "repeat_grant_rate", "decision_speedup",
                       "moratoria"}))
      return;
    auto& p = s_.ind;
    per_key_schedules(v.required("capacity_per_week"), kTrackNames, p.capacity_per_week, 0,
                      Range::kCount);
    if (v.has("share_unused_capacity"))
      p.share_unused_capacity = v.child("share_unused_capacity").as_bool(true);
    per_key_schedules(v.child("other_share"), kTrackNames, p.other_share, 0, Range::kProbability);
    per_key_schedules(v.child("abscond_per_year"), kTrackNames, p.abscond_per_year, 0,
                      Range::kNonNegative);
    p.va_referral_share = schedule(v.child("va_referral_share"), 0, Range::kProbability);
    p.dublin_claim_refused_share =
        schedule(v.child("dublin_claim_refused_share"), 0, Range::kProbability);
    p.legal_term_days = schedule(v.child("legal_term_days"), 183, Range::kPositive);
    per_key_schedules(v.child("not_in_time_appeal_share"), kTrackNames, p.not_in_time_appeal_share,
                      0, Range::kProbability);
    p.not_in_time_notice = distribution(v.child("not_in_time_notice"), p.not_in_time_notice);
    p.not_in_time_refile_days =
        schedule(v.child("not_in_time_refile_days"), 0, Range::kNonNegative);
    per_key_schedules(v.child("priority_share"), kTrackNames, p.priority_share, 0,
                      Range::kProbability);
    per_key_schedules(v.child("investigation_share"), kTrackNames, p.investigation_share, 0,
                      Range::kProbability);
    per_track_distributions(v.child("investigation_duration"), p.investigation_duration,
                            Distribution::exponential(90.0));
    p.repeat_grant_rate = schedule(v.child("repeat_grant_rate"), 0.15, Range::kProbability);
    p.decision_speedup = schedule(v.child("decision_speedup"), 1, Range::kPositive);
    const YamlView m = v.child("moratoria");
    if (m.defined() && m.expect_sequence()) {
      for (std::size_t i = 0; i < m.size(); ++i) {
        const YamlView e = m.element(i);
        if (!e.expect_map({"group", "from", "until", "resume"})) continue;
        IndParams::Moratorium mor;
        mor.group = e.required("group").as_string();
        mor.group_index = s_.group_index(mor.group);
        if (mor.group_index < 0 && e.child("group").defined()) {
          std::vector<std::string> names;
          for (const auto& g : s_.groups) names.push_back(g.name);
          const std::string sug = suggest(mor.group, names);
          e.child("group").error(
              fmt::format("unknown nationality group '{}'{}", mor.group,
                          sug.empty() ? "" : fmt::format(" (did you mean '{}'?)", sug)));
        }
        const std::size_t before = diag_.size();
        mor.from = dated_tick(e.required("from"), 0);
        mor.until = dated_tick(e.required("until"), 0);
        if (diag_.size() == before && mor.until <= mor.from)
          e.child("until").error("end date is not after the start date");
        mor.resume_first = resume_first(e.child("resume"));
        p.moratoria.push_back(mor);
      }
    }
  }

  void read_appeals(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.expect_map({"appeal_share", "provisional_relief_share", "court_duration",
                       "court_upheld_share", "higher_appeal_share", "council_duration",
                       "council_upheld_share", "not_in_time_court_duration",
                       "not_in_time_priority"}))
      return;
    auto& a = s_.appeals;
    per_key_schedules(v.child("appeal_share"), kTrackNames, a.appeal_share, 0, Range::kProbability);
    per_key_schedules(v.child("provisional_relief_share"), kTrackNames, a.provisional_relief_share,
                      0, Range::kProbability);
    per_track_distributions(v.child("court_duration"), a.court_duration,
                            Distribution::exponential(130.0));
    a.court_upheld_share = schedule(v.child("court_upheld_share"), 0.8, Range::kProbability);
    a.higher_appeal_share = schedule(v.child("higher_appeal_share"), 0.2, Range::kProbability);
    a.council_duration = distribution(v.child("council_duration"), a.council_duration);
    a.council_upheld_share = schedule(v.child("council_upheld_share"), 0.85, Range::kProbability);
    a.not_in_time_court_duration =
        distribution(v.child("not_in_time_court_duration"), a.not_in_time_court_duration);
    a.not_in_time_priority = schedule(v.child("not_in_time_priority"), 1, Range::kProbability);
  }

  void read_reception(const YamlView& v) {
    if (!v.defined() ||
        !v.expect_map({"capacity", "reception_end_days", "vbl_share", "amv_nidos_share",
                       "amv_time_to_adulthood", "re_registration"}))
      return;
    auto& r = s_.reception;
    per_key_schedules(v.required("capacity"), kLocationNames, r.capacity, 0, Range::kCount);
    r.reception_end_days = schedule(v.child("reception_end_days"), 28, Range::kNonNegative);
    r.vbl_share = schedule(v.child("vbl_share"), 0.05, Range::kProbability);
    r.amv_nidos_share = schedule(v.child("amv_nidos_share"), 0.45, Range::kProbability);
    if (v.has("amv_time_to_adulthood"))
      r.amv_time_to_adulthood =
          distribution(v.child("amv_time_to_adulthood"), DistSchedule{Distribution::fixed(0)});
    read_re_registration(v.child("re_registration"));
  }

  void read_re_registration(const YamlView& v) {
    if (!v.defined() ||
        !v.expect_map({"absconded_share", "rejected_share", "outside_reception_share", "delay"}))
      return;
    auto& r = s_.reception.re_registration;
    r.absconded_share = schedule(v.child("absconded_share"), 0, Range::kProbability);
    r.rejected_share = schedule(v.child("rejected_share"), 0, Range::kProbability);
    r.outside_reception_share =
        schedule(v.child("outside_reception_share"), 0, Range::kProbability);
    r.delay = distribution(v.child("delay"), r.delay);
  }

  void read_housing(const YamlView& v) {
    if (!v.defined() ||
        !v.expect_map({"link_duration", "quota_per_half_year", "quota_forecast_from",
                       "realisation_per_half_year", "backlog_at_start", "advance_share",
                       "norm_weeks", "har_plus_per_month", "har_plus_move_on", "transit_places",
                       "transit_stay", "direct_family_housing_from"}))
      return;
    auto& h = s_.housing;
    h.link_duration = distribution(v.child("link_duration"), h.link_duration);
    h.quota_per_half_year = schedule(v.required("quota_per_half_year"), 0, Range::kCount);
    if (v.has("quota_forecast_from"))
      h.quota_forecast_from = dated_tick(v.child("quota_forecast_from"), engine::kNever);
    h.realisation_per_half_year =
        schedule(v.required("realisation_per_half_year"), 0, Range::kCount);
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

  void read_nareis(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.expect_map({"window_days", "capacity_per_week", "grant_rate", "collect", "travel",
                       "join_referent_share", "travel_share"}))
      return;
    auto& n = s_.nareis;
    n.window_days = schedule(v.child("window_days"), 90, Range::kNonNegative);
    n.capacity_per_week = schedule(v.required("capacity_per_week"), 0, Range::kCount);
    n.grant_rate = schedule(v.child("grant_rate"), 0.87, Range::kProbability);
    n.collect = distribution(v.child("collect"), n.collect);
    n.travel = distribution(v.child("travel"), n.travel);
    n.join_referent_share = schedule(v.child("join_referent_share"), 1, Range::kProbability);
    n.travel_share = schedule(v.child("travel_share"), 1, Range::kProbability);
  }

  void read_departure(const YamlView& v) {
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

  // A route's time to departure: `duration` is drawn when the case enters the route; `mean_days`
  // is an exponential whose mean in force at each moment sets the pace (calendar time).
  void read_route_timing(const YamlView& route, int r) {
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

  void read_non_asylum(const YamlView& v) {
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

  void read_ukraine(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.expect_map({"registered_at_start", "registrations_per_year", "mean_stay_years",
                       "municipal_capacity", "municipal_share", "protection_end",
                       "activation_share", "transition_status", "transition_activation_share"}))
      return;
    auto& u = s_.ukraine;
    u.enabled = true;
    u.registered_at_start = number(v.child("registered_at_start"), 0, Range::kCount);
    u.registrations_per_year = schedule(v.child("registrations_per_year"), 0, Range::kCount);
    u.mean_stay_years = schedule(v.child("mean_stay_years"), 4, Range::kPositive);
    u.municipal_capacity = schedule(v.child("municipal_capacity"), 0, Range::kCount);
    u.municipal_share = schedule(v.child("municipal_share"), 0.8, Range::kProbability);
    if (v.has("protection_end"))
      u.protection_end = dated_tick(v.child("protection_end"), engine::kNever);
    u.activation_share = schedule(v.child("activation_share"), 0.5, Range::kProbability);
    if (v.has("transition_status"))
      u.transition_status = v.child("transition_status").as_bool(false);
    u.transition_activation_share =
        schedule(v.child("transition_activation_share"), 0.1, Range::kProbability);
  }

  void read_initial(const YamlView& v) {
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

  void read_costs(const YamlView& v) {
    if (!v.defined() || !v.expect_map({"coa_occupied_place_per_day", "coa_empty_place_per_day"}))
      return;
    auto& c = s_.costs;
    c.coa_occupied_place_per_day =
        schedule(v.child("coa_occupied_place_per_day"), 70, Range::kNonNegative);
    c.coa_empty_place_per_day =
        schedule(v.child("coa_empty_place_per_day"), 47, Range::kNonNegative);
  }

  // --- measures
  // ----------------------------------------------------------------------------------- A window
  // date: before the start counts from the start; an end after the horizon never comes.
  std::optional<Tick> window_date(const YamlView& v, bool is_end) {
    auto d = date(v);
    if (!d) return std::nullopt;
    if (*d < s_.start) {
      if (is_end)
        v.error(
            fmt::format("the measure ends {}, before the scenario starts {} (expected a later "
                        "date, or no until)",
                        engine::format_date(*d), engine::format_date(s_.start)));
      return is_end ? std::nullopt : std::optional<Tick>(0);
    }
    if (*d > s_.end) {
      if (!is_end)
        v.error(fmt::format(
            "the measure starts {}, after the scenario ends {}: it would never apply "
            "(expected a date up to {})",
            engine::format_date(*d), engine::format_date(s_.end), engine::format_date(s_.end)));
      return is_end ? std::optional<Tick>(engine::kNever) : std::nullopt;
    }
    return cal_.to_tick(*d);
  }

  int named_index(const YamlView& v, const std::vector<std::string>& names, const char* what) {
    const std::string name = v.as_string();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<int>(it - names.begin());
    const std::string sug = suggest(name, names);
    v.error(fmt::format("unknown {} '{}'{}", what, name,
                        sug.empty() ? "" : fmt::format(" (did you mean '{}'?)", sug)));
    return -1;
  }
  std::vector<std::string> group_names() const {
    std::vector<std::string> names;
    for (const auto& g : s_.groups) names.push_back(g.name);
    return names;
  }
  // A moratorium's optional `resume`: `first` (the default: held cases are decided before the
  // line) or `back` (they rejoin the back of the line).
  bool resume_first(const YamlView& v) {
    if (!v.defined()) return true;
    const std::vector<std::string> options = {"first", "back"};
    return named_index(v, options, "resume order") != 1;
  }
  // An optional `group`: -1 (every group) when absent.
  int optional_group(const YamlView& b) {
    return b.has("group") ? named_index(b.child("group"), group_names(), "nationality group") : -1;
  }
  std::optional<engine::Distribution> optional_distribution(const YamlView& v) {
    if (!v.defined()) return std::nullopt;
    return single_distribution(v, engine::Distribution::fixed(0));
  }

  MeasureParams measure_params(std::size_t type, const YamlView& b, const Measure& m) {
    switch (type) {
      case measure_index<HarPlusMeasure>(): {
        HarPlusMeasure p;
        p.contribution_eur = number(b.child("contribution_eur"), 30000, Range::kNonNegative);
        p.move_on = optional_distribution(b.child("move_on"));
        if (b.has("budget_eur") == b.has("places_per_month")) {
          b.error("give either places_per_month or budget_eur");
        } else if (b.has("places_per_month")) {
          p.places_per_month = number(b.child("places_per_month"), 0, Range::kCount);
        } else {
          const double budget = number(b.child("budget_eur"), 0, Range::kNonNegative);
          const Tick end = std::min(m.until, s_.horizon_ticks());
          const double months = engine::days_from_ticks(end - m.from) / (365.25 / 12.0);
          if (p.contribution_eur <= 0)
            b.child("contribution_eur").error("a budget needs a positive contribution");
          else if (months > 0)
            p.places_per_month = budget / p.contribution_eur / months;
        }
        return p;
      }
      case measure_index<TransitMeasure>(): {
        TransitMeasure p;
        const YamlView places = b.required("places");
        if (places.defined() && places.expect_sequence()) {
          Tick prev = -1;
          for (std::size_t i = 0; i < places.size(); ++i) {
            const YamlView e = places.element(i);
            if (!e.expect_map({"from", "value"})) continue;
            const Tick t = window_date(e.required("from"), false).value_or(0);
            if (t <= prev && i > 0) e.child("from").error("steps must be in increasing date order");
            prev = t;
            p.places.emplace_back(t, number(e.required("value"), 0, Range::kCount));
          }
        }
        p.stay = optional_distribution(b.child("stay"));
        p.contribution_eur_per_year =
            number(b.child("contribution_eur_per_year"), 0, Range::kNonNegative);
        return p;
      }
      case measure_index<LogeerMeasure>():
        return LogeerMeasure{number(b.required("share"), 0, Range::kProbability),
                             number(b.child("cost_eur_per_person"), 0, Range::kNonNegative)};
      case measure_index<IndCapacityMeasure>(): {
        IndCapacityMeasure p;
        p.track = std::max(0, named_index(b.required("track"), names_of(kTrackNames), "track"));
        p.extra_per_week = number(b.required("extra_per_week"), 0, Range::kCount);
        p.lag_days = number(b.child("hiring_lag_days"), 0, Range::kNonNegative);
        return p;
      }
      case measure_index<MoratoriumMeasure>(): {
        if (m.until == engine::kNever && !b.has("until"))
          b.error("a moratorium needs an end date (until)");
        return MoratoriumMeasure{
            std::max(0, named_index(b.required("group"), group_names(), "nationality group")),
            resume_first(b.child("resume"))};
      }
      case measure_index<GrantRateMeasure>(): {
        GrantRateMeasure p;
        p.group = optional_group(b);
        p.track =
            b.has("track") ? named_index(b.child("track"), names_of(kTrackNames), "track") : -1;
        p.grant_rate = number(b.required("grant_rate"), 0, Range::kProbability);
        return p;
      }
      case measure_index<LegalTermMeasure>():
        return LegalTermMeasure{number(b.required("days"), 183, Range::kPositive)};
      case measure_index<IntendedDecisionMeasure>():
        return IntendedDecisionMeasure{number(b.required("speedup"), 1, Range::kPositive)};
      case measure_index<PactMeasure>(): {
        PactMeasure p;
        p.screening = optional_distribution(b.child("screening"));
        const YamlView bp = b.child("border_procedure");
        if (bp.defined() && bp.expect_map({"share", "groups", "capacity_per_week"})) {
          p.border_share = number(bp.required("share"), 0, Range::kProbability);
          p.border_capacity_per_week = number(bp.child("capacity_per_week"), 0, Range::kCount);
          const YamlView gs = bp.child("groups");
          if (gs.defined() && gs.expect_sequence())
            for (std::size_t i = 0; i < gs.size(); ++i)
              p.border_groups.push_back(
                  std::max(0, named_index(gs.element(i), group_names(), "nationality group")));
        }
        p.decision_speedup = number(b.child("decision_speedup"), 1, Range::kPositive);
        p.nareis_factor = number(b.child("nareis_factor"), 1, Range::kProbability);
        p.permit_years = number(b.child("permit_years"), 0, Range::kNonNegative);
        p.renewal_effort = number(b.child("renewal_effort"), 0.25, Range::kNonNegative);
        return p;
      }
      case measure_index<TwoStatusMeasure>(): {
        TwoStatusMeasure p;
        p.subsidiary_share = number(b.required("subsidiary_share"), 0, Range::kProbability);
        p.waiting_days = number(b.child("waiting_days"), 0, Range::kNonNegative);
        p.requirements_met_share =
            number(b.child("requirements_met_share"), 1, Range::kProbability);
        return p;
      }
      case measure_index<ReceptionCapacityMeasure>(): {
        ReceptionCapacityMeasure p;
        p.location = std::max(
            0, named_index(b.required("location"), names_of(kLocationNames), "location type"));
        p.places = number(b.required("places"), 0, Range::kAny);
        return p;
      }
      case measure_index<TerApelCapMeasure>():
        return TerApelCapMeasure{number(b.required("cap"), 2000, Range::kCount)};
      case measure_index<DirectFamilyHousingMeasure>():
        return DirectFamilyHousingMeasure{};
      case measure_index<VoluntaryReturnMeasure>():
        return VoluntaryReturnMeasure{
            optional_group(b), number(b.required("factor"), 1, Range::kNonNegative),
            number(b.child("cost_eur_per_person"), 0, Range::kNonNegative)};
      case measure_index<UkraineEndMeasure>(): {
        UkraineEndMeasure p;
        if (!s_.ukraine.enabled)
          b.error("temporary protection for Ukrainians is not enabled in this scenario (ukraine:)");
        p.activation_share = number(b.child("activation_share"), 0.5, Range::kProbability);
        p.transition_status =
            b.has("transition_status") ? b.child("transition_status").as_bool(false) : false;
        p.transition_activation_share =
            number(b.child("transition_activation_share"), 0.1, Range::kProbability);
        return p;
      }
      case measure_index<InflowShockMeasure>():
        return InflowShockMeasure{optional_group(b),
                                  number(b.required("factor"), 1, Range::kNonNegative)};
    }
    throw std::logic_error("measure type without a parser");
  }

  // Keys each measure type accepts besides type, description, from, until, cost_eur_per_month.
  static std::vector<std::string> measure_keys(std::size_t type) {
    const auto with = [](std::initializer_list<std::string> own) {
      std::vector<std::string> out = {"type", "description", "from", "until", "cost_eur_per_month"};
      out.insert(out.end(), own);
      return out;
    };
    switch (type) {
      case measure_index<HarPlusMeasure>():
        return with({"places_per_month", "budget_eur", "contribution_eur", "move_on"});
      case measure_index<TransitMeasure>():
        return with({"places", "stay", "contribution_eur_per_year"});
      case measure_index<LogeerMeasure>():
        return with({"share", "cost_eur_per_person"});
      case measure_index<IndCapacityMeasure>():
        return with({"track", "extra_per_week", "hiring_lag_days"});
      case measure_index<MoratoriumMeasure>():
        return with({"group", "resume"});
      case measure_index<GrantRateMeasure>():
        return with({"group", "track", "grant_rate"});
      case measure_index<LegalTermMeasure>():
        return with({"days"});
      case measure_index<IntendedDecisionMeasure>():
        return with({"speedup"});
      case measure_index<PactMeasure>():
        return with({"screening", "border_procedure", "decision_speedup", "nareis_factor",
                     "permit_years", "renewal_effort"});
      case measure_index<TwoStatusMeasure>():
        return with({"subsidiary_share", "waiting_days", "requirements_met_share"});
      case measure_index<ReceptionCapacityMeasure>():
        return with({"location", "places"});
      case measure_index<TerApelCapMeasure>():
        return with({"cap"});
      case measure_index<DirectFamilyHousingMeasure>():
        return with({});
      case measure_index<VoluntaryReturnMeasure>():
        return with({"group", "factor", "cost_eur_per_person"});
      case measure_index<UkraineEndMeasure>():
        return with({"activation_share", "transition_status", "transition_activation_share"});
      case measure_index<InflowShockMeasure>():
        return with({"group", "factor"});
    }
    throw std::logic_error("measure type without keys");
  }

  void read_measures(const YamlView& v) {
    if (!v.defined()) return;
    if (!v.is_map()) {
      v.error("expected a mapping from measure name to measure block");
      return;
    }
    const std::vector<std::string> types(std::begin(kMeasureTypes), std::end(kMeasureTypes));
    for (const std::string& name : v.keys()) {
      const YamlView b = v.child(name);
      if (!b.is_map()) {
        b.error("a measure is a mapping with type, from, until (optional) and its parameters");
        continue;
      }
      const YamlView type_node = b.required("type");
      if (!type_node.defined()) continue;
      const int type = named_index(type_node, types, "measure type");
      if (type < 0) continue;
      const auto t = static_cast<std::size_t>(type);
      if (!b.expect_map(measure_keys(t))) continue;
      Measure m;
      m.name = name;
      const YAML::Mark mark = b.node().Mark();
      m.where = {b.file(), mark.line + 1, mark.column + 1, b.path(), ""};
      m.description = b.has("description") ? b.child("description").as_string() : "";
      const std::size_t before = diag_.size();
      m.from = window_date(b.required("from"), false).value_or(0);
      if (b.has("until")) m.until = window_date(b.child("until"), true).value_or(engine::kNever);
      if (diag_.size() == before && m.until <= m.from)
        b.child("until").error("the end date (until) is not after the start date (from)");
      m.cost_eur_per_month = number(b.child("cost_eur_per_month"), 0, Range::kNonNegative);
      m.params = measure_params(t, b, m);
      s_.measures.push_back(std::move(m));
    }
  }

  std::string file_;
  Diagnostics diag_;
  YamlView root_;
  Scenario s_;
  engine::Calendar cal_{engine::Date{}};
};

}  // namespace

Scenario scenario_from_tree(const YAML::Node& root, const std::string& file) {
  return Loader(root, file).load();
}

Scenario load_scenario(const std::string& path) {
  const YAML::Node own = load_yaml_file(path);
  const YAML::Node resolved = scenario_tree(path);
  Scenario s = load_resolved(resolved, path);
  stamp_identity(s, own, resolved, path);
  return s;
}

Scenario load_scenario_text(const std::string& text, const std::string& name) {
  const YAML::Node root = load_yaml_text(text, name);
  Scenario s = Loader(root, name).load();
  stamp_identity(s, root, root, name);
  return s;
}

}  // namespace asylumsim::scenario
