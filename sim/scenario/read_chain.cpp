// The scenario header, the nationality groups, and the keys of kind 'custom' from groups to
// reception (their tables: schema_chain.cpp, schema_exits.cpp).
#include "asylumsim/scenario/inflow_file.hpp"
#include "loader.hpp"

namespace asylumsim::scenario::detail {

bool Loader::read_header(const YamlView& v) {
  if (!v.defined() || !v.expect_map(schema::keys_of(schema::header_fields()))) return false;
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
    if (!read_fields(g, p, schema::group_fields())) continue;
    s_.groups.push_back(std::move(p));
  }
}

void Loader::read_track_shares(const YamlView& v, GroupParams& g) {
  per_key_schedules(v, kTrackNames, g.track_share, 0, Range::kProbability);
  if (v.defined()) check_sum_to_one(v, g.track_share);
}

// A list of probabilities for sizes 1, 2, ... that sums to 1; [1.0] when absent.
void Loader::read_size_shares(const YamlView& v, std::vector<double>& shares,
                              std::string_view what) {
  if (v.defined() && v.expect_sequence()) {
    double sum = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      shares.push_back(number(v.element(i), 0, Range::kProbability));
      sum += shares.back();
    }
    if (std::abs(sum - 1.0) > 1e-6)
      v.error(fmt::format("{} probabilities sum to {:.6g} (expected 1)", what, sum));
  }
  if (shares.empty()) shares = {1.0};
}

void Loader::read_family_size(const YamlView& v, GroupParams& g) {
  read_size_shares(v, g.family_size, "family-size");
}

void Loader::read_household_size(const YamlView& v, GroupParams& g) {
  read_size_shares(v, g.household_size, "household-size");
  if (g.household_size.size() > kMaxHouseholdSize)
    v.error(fmt::format("at most {} sizes (households of 1 to {} persons)", kMaxHouseholdSize,
                        kMaxHouseholdSize));
}

void Loader::read_seasonality(const YamlView& v, InflowParams& in) {
  if (!v.defined() || !v.expect_sequence()) return;
  if (v.size() != 12) {
    v.error(fmt::format("expected 12 monthly factors, got {}", v.size()));
    return;
  }
  double sum = 0;
  for (std::size_t i = 0; i < 12; ++i)
    sum += in.seasonality[i] = number(v.element(i), 1, Range::kNonNegative);
  if (sum <= 0)
    v.error("seasonality factors must not all be zero");
  else
    for (auto& f : in.seasonality) f *= 12.0 / sum;  // normalise to mean 1
}

void Loader::read_inflow_file(const YamlView& v, InflowParams&) {
  read_first_applications_file(v, s_);
}

void Loader::read_moratoria(const YamlView& m, IndParams& p) {
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

void Loader::read_re_registration(const YamlView& v, ReceptionParams& r) {
  read_section(v, r.re_registration, schema::re_registration_fields());
}

}  // namespace asylumsim::scenario::detail
