// The scenario sections from the header to reception: scenario, groups, inflow, registration,
// ind, appeals, reception.
#include "asylumsim/scenario/inflow_file.hpp"
#include "loader.hpp"

namespace asylumsim::scenario::detail {

bool Loader::read_header(const YamlView& v) {
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

// A nationality group named by a key (never by its position in the file); -1 when unknown.
int Loader::group_ref(const YamlView& v) {
  if (!v.defined()) return -1;
  const std::string name = v.as_string();
  const int index = s_.group_index(name);
  if (index < 0) {
    std::vector<std::string> names;
    for (const auto& g : s_.groups) names.push_back(g.name);
    const std::string sug = suggest(name, names);
    v.error(fmt::format("unknown nationality group '{}'{}", name,
                        sug.empty() ? "" : fmt::format(" (did you mean '{}'?)", sug)));
  }
  return index;
}

void Loader::read_groups(const YamlView& v) {
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
    per_key_schedules(g.required("grant_rate"), kTrackNames, p.grant_rate, 0, Range::kProbability);
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

void Loader::read_inflow(const YamlView& v) {
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

void Loader::per_track_distributions(const YamlView& v, PerTrack<DistSchedule>& out,
                                     const Distribution& fallback) {
  for (auto& d : out) d = DistSchedule(fallback);
  if (!v.defined() || !v.expect_map(names_of(kTrackNames))) return;
  for (int t = 0; t < kTracks; ++t) out[t] = distribution(v.child(kTrackNames[t]), out[t]);
}

void Loader::read_registration(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.expect_map({"ter_apel_cap", "duration", "screening_from", "screening"})) return;
  auto& r = s_.registration;
  r.ter_apel_cap = schedule(v.child("ter_apel_cap"), 2000, Range::kCount);
  r.duration = distribution(v.child("duration"), r.duration);
  if (v.has("screening_from"))
    r.screening_from = dated_tick(v.child("screening_from"), engine::kNever);
  r.screening = distribution(v.child("screening"), r.screening);
}

void Loader::read_ind(const YamlView& v) {
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
  per_key_schedules(v.child("not_in_time_appeal_share"), kTrackNames, p.not_in_time_appeal_share, 0,
                    Range::kProbability);
  p.not_in_time_notice = distribution(v.child("not_in_time_notice"), p.not_in_time_notice);
  p.not_in_time_refile_days = schedule(v.child("not_in_time_refile_days"), 0, Range::kNonNegative);
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
      mor.group_index = group_ref(e.child("group"));
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

void Loader::read_appeals(const YamlView& v) {
  if (!v.defined()) return;
  if (!v.expect_map({"appeal_share", "provisional_relief_share", "court_duration",
                     "court_upheld_share", "higher_appeal_share", "council_duration",
                     "council_upheld_share", "not_in_time_court_duration", "not_in_time_priority"}))
    return;
  auto& a = s_.appeals;
  per_key_schedules(v.child("appeal_share"), kTrackNames, a.appeal_share, 0, Range::kProbability);
  per_key_schedules(v.child("provisional_relief_share"), kTrackNames, a.provisional_relief_share, 0,
                    Range::kProbability);
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

void Loader::read_reception(const YamlView& v) {
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

void Loader::read_re_registration(const YamlView& v) {
  if (!v.defined() ||
      !v.expect_map({"absconded_share", "rejected_share", "outside_reception_share", "delay"}))
    return;
  auto& r = s_.reception.re_registration;
  r.absconded_share = schedule(v.child("absconded_share"), 0, Range::kProbability);
  r.rejected_share = schedule(v.child("rejected_share"), 0, Range::kProbability);
  r.outside_reception_share = schedule(v.child("outside_reception_share"), 0, Range::kProbability);
  r.delay = distribution(v.child("delay"), r.delay);
}

}  // namespace asylumsim::scenario::detail
