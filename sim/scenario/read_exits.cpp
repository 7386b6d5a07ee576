// The keys of kind 'custom' from housing on (their tables: schema_exits.cpp): direct family
// housing, departure routes, the non-asylum caseload, the Ukrainians' activated group.
#include "loader.hpp"

namespace asylumsim::scenario::detail {

void Loader::read_direct_family_housing(const YamlView& v, HousingParams& h) {
  if (!v.node().IsDefined()) return;
  h.direct_family_housing = true;
  h.direct_family_housing_from = dated_tick(v, engine::kNever);
}

void Loader::read_municipalities(const YamlView& v, HousingParams& h) {
  if (!v.defined()) return;
  if (!v.is_map() || v.size() == 0) {
    v.error("expected a mapping of municipality class name -> {quota_share, performance}");
    return;
  }
  if (v.size() > kMaxMunicipalityClasses) {
    v.error(fmt::format("{} municipality classes (expected at most {})", v.size(),
                        kMaxMunicipalityClasses));
    return;
  }
  double sum = 0;
  for (const std::string& name : v.keys()) {
    const YamlView c = v.child(name);
    if (!c.expect_map({"quota_share", "performance"})) continue;
    MunicipalityClass m{.name = name};
    m.quota_share = number(c.required("quota_share"), 0, Range::kProbability);
    m.performance = number(c.required("performance"), 1, Range::kPositive);
    sum += m.quota_share;
    h.municipalities.push_back(std::move(m));
  }
  if (std::abs(sum - 1.0) > 1e-6)
    v.error(fmt::format("quota shares sum to {:.6g} (expected 1)", sum));
}

void Loader::read_dwellings(const YamlView& v, HousingParams& h) {
  if (!v.defined()) return;
  if (v.is_scalar()) {
    if (v.as_string() == "line") {
      h.dwelling_bands = true;
      h.dwellings_follow_line = true;
    } else {
      v.error("expected `line` or a mapping {single, small, family, large} of shares");
    }
    return;
  }
  if (!v.expect_map(names_of(kDwellingNames))) return;
  h.dwelling_bands = true;
  double sum = 0;
  for (std::size_t b = 0; b < kDwellingNames.size(); ++b) {
    h.dwelling_shares[b] = number(v.child(kDwellingNames[b]), 0, Range::kProbability);
    sum += h.dwelling_shares[b];
  }
  if (std::abs(sum - 1.0) > 1e-6)
    v.error(fmt::format("dwelling shares sum to {:.6g} (expected 1)", sum));
}

void Loader::read_routes(const YamlView& routes, DepartureParams& d) {
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

void Loader::read_non_asylum(const YamlView& v, DepartureParams& d) {
  d.non_asylum.enabled = read_section(v, d.non_asylum, schema::non_asylum_fields());
}

void Loader::read_non_asylum_entries(const YamlView& v, NonAsylumParams& n) {
  if (!v.defined() || !v.expect_map(names_of(kNonAsylumRouteNames))) return;
  for (int r = 0; r < kNonAsylumRoutes; ++r)
    n.entries_per_year[r] = schedule(v.required(kNonAsylumRouteNames[r]),
                                     initial(n.entries_per_year[r]), Range::kNonNegative);
}

void Loader::read_activated_group(const YamlView& v, UkraineParams& u) {
  // Activated applicants are a nationality group of their own: track shares, grant rates and
  // nareis come from the group named here.
  u.activated_group = group_ref(v);
}

void Loader::read_activated_reception(const YamlView& reception, UkraineParams& u) {
  if (reception.defined()) {
    const std::string r = reception.as_string();
    if (r == "coa" || r == "municipal")
      u.activated_in_coa = r == "coa";
    else
      reception.error(
          fmt::format("'{}' is not a reception (expected municipal: they keep their "
                      "municipal place while the IND decides, or coa: they move to "
                      "COA reception)",
                      r));
  }
}

}  // namespace asylumsim::scenario::detail
