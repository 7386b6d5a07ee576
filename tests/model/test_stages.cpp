// Each chain stage's rules, checked on the small scenario with the transition observer.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;
using engine::Tick;
using model::ChainModel;
using model::Stage;

namespace {
// A scenario and replication 0 of it, run to the end. The model keeps a reference to its scenario,
// so both live here together.
struct RunOnce {
  scenario::Scenario s;
  ChainModel m;
  explicit RunOnce(const YAML::Node& y) : s(test::scenario_from(y)), m(s, 0) { m.run(); }
  operator const ChainModel&() const { return m; }
};

// The small scenario with a long AA queue in which every overdue applicant appeals for not
// deciding in time (and nobody in the other queues does).
YAML::Node long_aa_queue_all_appealing() {
  auto y = test::small_yaml();
  y["ind"]["capacity_per_week"]["aa"] = 5;
  y["ind"]["not_in_time_appeal_share"] = YAML::Load("{dublin: 0, safe_country: 0, aa: 1.0, va: 0}");
  return y;
}

// The small scenario in which no Dublin transfer succeeds and every DTenV case takes one of
// `routes`, run to the end, counting the cases that go from the caseload back to the IND queue
// (the transfer term ended: the Netherlands decides in AA).
struct FailedTransfers {
  scenario::Scenario s;
  ChainModel m;
  int returned_to_ind = 0;
  FailedTransfers(YAML::Node y, const YAML::Node& routes)
      : s(with_failed_transfers(std::move(y), routes)), m(s, 0) {
    m.observe_transitions([&](model::PersonId, Stage from, Stage to, Tick) {
      returned_to_ind +=
          (from == Stage::kRejected || from == Stage::kLimbo) && to == Stage::kIndWaiting;
    });
    m.run();
  }
  static scenario::Scenario with_failed_transfers(YAML::Node y, const YAML::Node& routes) {
    y["departure"]["dublin_transfer_success"] = 0.0;
    y["departure"]["routes"] = routes;
    return test::scenario_from(y);
  }
  operator const ChainModel&() const { return m; }
};

double indicator(const ChainModel& m, const std::string& id, const std::string& when) {
  const auto* ind = indicators::find_indicator(id);
  REQUIRE(ind != nullptr);
  indicators::When w;
  if (when.size() == 10)
    w.date = engine::parse_date(when);
  else
    w.period = engine::parse_period(when);
  std::string err;
  auto v = indicators::evaluate(m.recorder(), m.scenario().calendar(), *ind, w, &err);
  INFO(err);
  REQUIRE(v.has_value());
  return *v;
}
}  // namespace

TEST_CASE("reception ends exactly 4 weeks after a final rejection", "[model][reception]") {
  auto y = test::small_yaml();
  y["reception"]["vbl_share"] = 0.0;
  y["groups"]["alpha"]["family_with_minors_share"] = 0.0;
  y["groups"]["alpha"]["amv_share"] = 0.0;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  std::map<model::PersonId, Tick> rejected_at;
  int checked = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick t) {
    const auto& p = m.persons()[id];
    // Initial-state rejections are already part-way through their four weeks; persons without
    // a COA place (Ukrainians, limbo) have no reception to end.
    if (p.origin == model::Origin::kInitial) return;
    if (to == Stage::kRejected && p.location != model::kNoLocation) rejected_at[id] = t;
    if (from == Stage::kRejected && to == Stage::kLimbo && rejected_at.count(id)) {
      REQUIRE(rejected_at.count(id) == 1);
      REQUIRE(t - rejected_at[id] == engine::days(28));
      ++checked;
    }
  });
  m.run();
  CHECK(checked > 100);
}

TEST_CASE("families with minors keep reception after rejection", "[model][reception]") {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["family_with_minors_share"] = 1.0;
  y["groups"]["alpha"]["amv_share"] = 0.0;
  y["groups"]["beta"]["family_with_minors_share"] = 1.0;
  y["initial"]["amv_share"] = 0.0;
  const auto s_m = test::scenario_from(y);
  ChainModel m(s_m, 0);
  int to_limbo = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (from == Stage::kRejected && to == Stage::kLimbo &&
        m.persons()[id].origin == model::Origin::kFirst)
      ++to_limbo;
  });
  m.run();
  CHECK(to_limbo == 0);
  CHECK(indicator(m, "coa.occupancy.family_location", "2025-12-31") > 0);
}

TEST_CASE("a moratorium pauses decisions for its group and raises its backlog", "[model][ind]") {
  auto y = test::small_yaml();
  YAML::Node mor;
  mor["group"] = "beta";
  mor["from"] = "2024-03-01";
  mor["until"] = "2024-08-31";
  y["ind"]["moratoria"].push_back(mor);
  const auto s = test::scenario_from(y);
  const int beta = s.group_index("beta");
  const Tick from = s.calendar().to_tick(*engine::parse_date("2024-03-01"));
  const Tick until = s.calendar().to_tick(*engine::parse_date("2024-08-31"));
  ChainModel m(s, 0);
  int decided_in_window = 0, decided_after = 0;
  m.observe_transitions([&](model::PersonId id, Stage from_stage, Stage to, Tick t) {
    if (from_stage != Stage::kIndWaiting || m.persons()[id].group != beta) return;
    // Leaving the queue by a decision (not by absconding, which is a departure).
    if (to == Stage::kDeparted) return;
    if (to == Stage::kIndWaiting) return;  // AA -> VA referral re-enters the queue
    if (t >= from && t < until) ++decided_in_window;
    if (t >= until && t < until + engine::days(60)) ++decided_after;
  });
  m.run();
  CHECK(decided_in_window == 0);
  CHECK(decided_after > 50);  // resumed cases go first

  CHECK(indicator(m, "ind.paused_by_moratorium", "2024-07-31") > 100);
  CHECK(indicator(m, "ind.paused_by_moratorium", "2024-10-01") == 0);

  // The group's own backlog at the end of the moratorium, with and without it.
  auto waiting_beta_at = [&](YAML::Node yy) {
    yy["scenario"]["end"] = "2024-08-31";
    yy.remove("ukraine");  // its protection end lies beyond this shorter horizon
    const RunOnce mm(yy);
    int n = 0;
    for (const auto& p : mm.m.persons()) n += p.stage == Stage::kIndWaiting && p.group == beta;
    return n;
  };
  const int with = waiting_beta_at(YAML::Clone(y));
  const int without = waiting_beta_at(test::small_yaml());
  CHECK(with > without + 200);
}

TEST_CASE("a half-year's realisation never exceeds quota plus backlog plus advance",
          "[model][housing]") {
  auto y = test::small_yaml();
  y["housing"]["realisation_per_half_year"] = 100000;  // municipalities could house everyone
  y["housing"]["quota_per_half_year"] = 400;
  y["housing"]["backlog_at_start"] = 100;
  y["housing"]["advance_share"] = 0.0;
  y["initial"]["permit_holders_in_coa"] = 3000;
  // Minors with Nidos count for the quota outside the municipal cap; leave them out here.
  y["groups"]["alpha"]["amv_share"] = 0.0;
  y["initial"]["amv_share"] = 0.0;
  const RunOnce m(y);
  double backlog = 100;
  for (const char* h : {"2024-H1", "2024-H2", "2025-H1", "2025-H2"}) {
    const double realised = indicator(m, "housing.realised", h);
    CHECK(realised <= 400 + backlog + 1e-9);
    CHECK(realised >=
          400 + backlog - 3);  // binding: enough permit holders wait (household rounding)
    backlog = backlog + 400 - realised;
  }
}

TEST_CASE("backlog carries over: backlog(next) = backlog + quota - realised", "[model][housing]") {
  const auto s_m = test::scenario_from(test::small_yaml());
  ChainModel m(s_m, 1);
  m.run();
  const char* halves[] = {"2024-H1", "2024-H2", "2025-H1"};
  const char* starts[] = {"2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01"};
  for (int i = 0; i < 3; ++i) {
    const double b = indicator(m, "housing.backlog", starts[i]);
    const double q = indicator(m, "housing.quota", halves[i]);
    const double r = indicator(m, "housing.realised", halves[i]);
    CHECK(indicator(m, "housing.backlog", starts[i + 1]) == Approx(b + q - r));
  }
}

TEST_CASE("nareis applications are made only within the window after the permit",
          "[model][nareis]") {
  const auto s = test::scenario_from(test::small_yaml());
  ChainModel m(s, 0);
  int applications = 0;
  m.observe_transitions([&](model::PersonId id, Stage, Stage to, Tick t) {
    if (to != Stage::kNareisAbroad) return;
    const auto head = m.persons()[id].head;
    if (head == model::kNoPerson) return;  // initial state: referent not modelled
    ++applications;
    const Tick since_permit = t - m.persons()[head].permit_at;
    REQUIRE(since_permit >= 0);
    REQUIRE(since_permit <= engine::days(90));
  });
  m.run();
  CHECK(applications > 100);
}

TEST_CASE("Ter Apel holds at most its cap and the rest overflows to emergency places",
          "[model][registration]") {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["first_applications_per_year"] = 200000;
  y["registration"]["ter_apel_cap"] = 500;
  y["registration"]["duration"] = 14;
  const RunOnce m(y);
  for (const char* d : {"2024-03-01", "2024-08-01", "2025-02-01"}) {
    CHECK(indicator(m, "coa.occupancy.col", d) <= 500);
  }
  CHECK(indicator(m, "coa.occupancy.emergency", "2024-03-01") > 500);
}

TEST_CASE("a failed Dublin transfer sends the case to the AA track after the term",
          "[model][departure]") {
  auto y = test::small_yaml();
  y["departure"]["dublin_transfer_success"] = 0.0;
  for (auto kv : y["departure"]["routes"])
    kv.second["duration"] = YAML::Load("{dist: fixed, value: 400}");
  y["departure"]["routes"]["no_departure"] = YAML::Load("{share: 0.10}");
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int reentered = 0;
  std::map<model::PersonId, int> track_at_rejection;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (to == Stage::kRejected) track_at_rejection[id] = m.persons()[id].track;
    if ((from == Stage::kRejected || from == Stage::kLimbo) && to == Stage::kIndWaiting) {
      CHECK(track_at_rejection[id] == scenario::kDublin);  // only failed Dublin transfers return
      ++reentered;
    }
  });
  m.run();
  CHECK(reentered > 10);
}

TEST_CASE("not-in-time appeals are filed only after the legal term", "[model][ind]") {
  auto y = test::small_yaml();
  y["ind"]["capacity_per_week"]["aa"] = 5;  // a long queue
  y["ind"]["not_in_time_appeal_share"]["aa"] = 1.0;
  const RunOnce m(y);
  CHECK(indicator(m, "court.inflow_not_in_time", "2024-Q1") > 0);  // the old initial backlog
  // With a 6-month term and a 2-week notice, no applicant of 2024 can appeal before mid-July.
  auto y2 = test::small_yaml();
  y2["ind"]["capacity_per_week"]["aa"] = 5;
  y2["ind"]["not_in_time_appeal_share"]["aa"] = 1.0;
  y2["initial"]["ind_backlog"] = YAML::Load("{dublin: 0, safe_country: 0, aa: 0, va: 0}");
  const RunOnce m2(y2);
  for (const char* mth : {"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"})
    CHECK(indicator(m2, "court.inflow_not_in_time", mth) == 0);
  CHECK(indicator(m2, "court.inflow_not_in_time", "2024-H2") > 100);
}

TEST_CASE("bed-days equal the time integral of occupancy", "[model][reception]") {
  const RunOnce m(test::small_yaml());
  // A year of bed-days is 366 (2024) times the time-average occupancy; both lie between the
  // smallest and largest month-end occupancy of the year times the days.
  const double bed_days = indicator(m, "coa.bed_days", "2024");
  double lo = 1e18, hi = 0;
  for (int month = 1; month <= 12; ++month) {
    const double v = indicator(m, "coa.occupancy", fmt::format("2024-{:02d}-01", month));
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  CHECK(bed_days >= 0.8 * lo * 366);
  CHECK(bed_days <= 1.2 * hi * 366);
  double by_type = 0;
  for (const char* l : {"col", "pol", "azc", "emergency", "tgo", "family_location", "vbl"})
    by_type += indicator(m, std::string("coa.bed_days.") + l, "2024");
  CHECK(by_type == Approx(bed_days).epsilon(1e-9));
}

TEST_CASE("ending temporary protection activates applications into the AA queue",
          "[model][ukraine]") {
  auto y = test::small_yaml();
  y["ukraine"]["activation_share"] = 0.5;
  const RunOnce m(y);
  const double before = indicator(m, "ukraine.registered", "2025-05-31");
  const double activated = indicator(m, "inflow.ukraine_activated", "2025-06");
  CHECK(activated == Approx(0.5 * before).margin(4 * std::sqrt(before)));  // binomial
  CHECK(indicator(m, "ukraine.registered", "2025-06-30") == 0);  // no transition status: all leave
  auto y2 = test::small_yaml();
  y2["ukraine"]["transition_status"] = true;
  y2["ukraine"]["transition_activation_share"] = 0.1;
  const RunOnce m2(y2);
  CHECK(indicator(m2, "inflow.ukraine_activated", "2025-06") < 0.2 * before);
  CHECK(indicator(m2, "ukraine.registered", "2025-06-30") > 0.5 * before);
}

TEST_CASE("voluntary-return support raises voluntary departures of its group",
          "[model][departure]") {
  auto y = test::small_yaml();
  const RunOnce base(y);
  y["groups"]["alpha"]["voluntary_departure_factor"] = 3.0;
  const RunOnce m(y);
  CHECK(indicator(m, "departure.dtenv_voluntary", "2025") >
        1.5 * indicator(base, "departure.dtenv_voluntary", "2025"));
}

TEST_CASE("forced removal needs a travel document and a detention place", "[model][departure]") {
  auto y = test::small_yaml();
  y["departure"]["travel_document_share"] = 0.0;
  y["departure"]["dublin_transfer_success"] = 0.0;
  const RunOnce m(y);
  CHECK(indicator(m, "departure.route.forced_origin", "2025") == 0);  // no papers, no removal
  CHECK(indicator(m, "departure.route.forced_dublin", "2025") > 0);   // Dublin transfers need none

  auto y2 = test::small_yaml();
  y2["departure"]["detention_places"] = 5;
  y2["departure"]["detention"] = 30;
  const RunOnce limited(y2);
  // Five places held 30 days each remove at most 5 * 366 / 30 = 61 persons a year.
  CHECK(indicator(limited, "departure.chain_forced", "2024") <= 62);
  CHECK(indicator(limited, "departure.detention_inflow", "2024") <= 66);
  const RunOnce free_places(test::small_yaml());
  CHECK(indicator(free_places, "departure.chain_forced", "2024") > 100);
}

TEST_CASE("the caseload outside the asylum chain adds its departures to the chain-wide routes",
          "[model][departure]") {
  auto y = test::small_yaml();
  const RunOnce base(y);
  // 60 days to departure on average; started at its equilibrium (entries x 60 / 365.25).
  YAML::Node n;
  n["caseload_at_start"] = 1150;
  n["mean_days_to_depart"] = 60;
  n["entries_per_year"]["forced"] = 3000;
  n["entries_per_year"]["independent"] = 2000;
  n["entries_per_year"]["unsupervised"] = 2000;
  y["departure"]["non_asylum"] = n;
  const RunOnce m(y);
  const std::pair<const char*, double> routes[] = {
      {"forced", 3000}, {"independent", 2000}, {"unsupervised", 2000}};
  for (const auto& [route, entries] : routes) {
    INFO(route);
    const double departed = indicator(m, fmt::format("departure.non_asylum.{}", route), "2025");
    // In equilibrium a year's departures equal a year's entries: Poisson entries, binomial exits.
    CHECK(departed == Approx(entries).margin(5 * std::sqrt(entries)));
    // Its own random stream: the asylum chain's departures are untouched (common random
    // numbers), so the chain-wide figure grows by exactly the caseload's departures.
    const std::string chain = fmt::format("departure.chain_{}", route);
    CHECK(indicator(m, chain, "2025") == Approx(indicator(base, chain, "2025") + departed));
  }
  CHECK(indicator(m, "departure.dtenv_outflow_total", "2025") ==
        indicator(base, "departure.dtenv_outflow_total", "2025"));
  const double caseload = indicator(m, "departure.non_asylum.caseload", "2025-12-31");
  CHECK(caseload == Approx(7000 * 60 / 365.25).margin(5 * std::sqrt(7000 * 60 / 365.25)));
}

TEST_CASE("granted family members who never travel do not arrive", "[model][nareis]") {
  auto y = test::small_yaml();
  y["nareis"]["travel_share"] = 0.6;
  const RunOnce m(y);
  double granted = 0, unused = 0;
  for (const char* year : {"2024", "2025"}) {
    granted += indicator(m, "nareis.mvv_granted", year);
    unused += indicator(m, "nareis.mvv_unused", year);
  }
  REQUIRE(granted > 500);
  // Binomial: 40% of the grants lapse unused.
  CHECK(unused == Approx(0.4 * granted).margin(4 * std::sqrt(0.24 * granted)));
  auto y_all = test::small_yaml();
  const RunOnce all(y_all);
  CHECK(indicator(all, "nareis.mvv_unused", "2025") == 0);
  CHECK(indicator(m, "inflow.family_arrivals", "2025") <
        0.8 * indicator(all, "inflow.family_arrivals", "2025"));
}

TEST_CASE("permit holders of before the start still apply for nareis within their window",
          "[model][nareis]") {
  auto y = test::small_yaml();
  y["initial"]["permit_holders_max_age_days"] = 300;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int from_initial = 0;
  Tick latest = 0;
  m.observe_transitions([&](model::PersonId id, Stage, Stage to, Tick t) {
    const auto& p = m.persons()[id];
    if (to != Stage::kNareisAbroad || t == 0 || p.head == model::kNoPerson) return;
    const auto& referent = m.persons()[p.head];
    if (referent.permit_at >= 0) return;  // only permits from before the start
    ++from_initial;
    latest = std::max(latest, t);
  });
  m.run();
  // About 90/300 of the 800 initial permit holders are inside the window; half of the alpha
  // group and 30% of beta apply, each for one to three family members.
  CHECK(from_initial > 40);
  CHECK(latest <= engine::days(90));  // only in what was left of the 90-day window
}

// Applicants abscond, and everyone who leaves with unknown destination comes back after 30 days.
static YAML::Node everyone_re_registers() {
  auto y = test::small_yaml();
  y["ind"]["abscond_per_year"] = YAML::Load("{dublin: 0.8, safe_country: 0.5, aa: 0.3, va: 0.3}");
  y["reception"]["re_registration"] =
      YAML::Load("{absconded_share: 1.0, rejected_share: 1.0, delay: {dist: fixed, value: 30}}");
  return y;
}

TEST_CASE("people who left with unknown destination re-register after the delay",
          "[model][reception]") {
  auto y = everyone_re_registers();
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  std::map<model::PersonId, Tick> left_at;
  std::map<model::PersonId, Stage> left_from;
  int returned = 0, returned_to_ind = 0, returned_rejected = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick t) {
    const auto& p = m.persons()[id];
    if (to == Stage::kAway) {
      left_at[id] = t;
      left_from[id] = from;
      return;
    }
    if (from != Stage::kAway) return;
    REQUIRE(left_at.count(id) == 1);
    CHECK(t - left_at[id] == engine::days(30));
    CHECK(p.location != model::kNoLocation);  // a new reception contract
    ++returned;
    if (left_from[id] == Stage::kIndWaiting) {
      // The procedure resumes; a Dublin claimant's transfer term has passed: AA.
      CHECK(to == Stage::kIndWaiting);
      CHECK(p.track != scenario::kDublin);
      ++returned_to_ind;
    } else if (to == Stage::kRejected) {
      ++returned_rejected;
    }
  });
  m.run();
  CHECK(returned_to_ind > 50);
  CHECK(returned_rejected > 50);
  double re_registered = 0, unsupervised = 0;
  for (const char* year : {"2024", "2025"}) {
    re_registered += indicator(m, "coa.re_registrations", year);
    unsupervised += indicator(m, "departure.chain_unsupervised", year);
  }
  // Everyone who came back was counted once as leaving unsupervised; the counter and the
  // observed transitions agree.
  CHECK(re_registered == returned);
  CHECK(re_registered <= unsupervised);

  auto y_none = test::small_yaml();
  y_none["ind"]["abscond_per_year"] = y["ind"]["abscond_per_year"];
  const RunOnce none(y_none);
  CHECK(indicator(none, "coa.re_registrations", "2024") == 0);
  CHECK(indicator(none, "coa.re_registrations", "2025") == 0);
  // Re-registrations are received by COA like any new reception contract, under their own reason.
  CHECK(indicator(m, "coa.received", "2025") > indicator(none, "coa.received", "2025"));
  CHECK(indicator(m, "coa.received.re_registration", "2025") ==
        indicator(m, "coa.re_registrations", "2025"));
  CHECK(indicator(none, "coa.received.re_registration", "2025") == 0);
}

TEST_CASE("rejected people who come back may re-enter the DTenV caseload outside reception",
          "[model][reception]") {
  auto y = everyone_re_registers();
  const RunOnce at_coa(y);
  y["reception"]["re_registration"]["outside_reception_share"] = 1.0;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int back_outside = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (from != Stage::kAway) return;
    const auto& p = m.persons()[id];
    if (to == Stage::kLimbo) {
      CHECK(p.location == model::kNoLocation);  // no reception contract
      ++back_outside;
    } else {
      CHECK(to != Stage::kRejected);  // every rejected return is outside reception
    }
  });
  m.run();
  CHECK(back_outside > 50);
  double outside = 0, inflow = 0, inflow_at_coa = 0, received = 0, received_at_coa = 0;
  for (const char* year : {"2024", "2025"}) {
    outside += indicator(m, "departure.reentries_outside_reception", year);
    inflow += indicator(m, "departure.dtenv_inflow", year);
    inflow_at_coa += indicator(at_coa, "departure.dtenv_inflow", year);
    received += indicator(m, "coa.received.re_registration", year);
    received_at_coa += indicator(at_coa, "coa.received.re_registration", year);
    CHECK(indicator(at_coa, "departure.reentries_outside_reception", year) == 0);
  }
  CHECK(outside == back_outside);
  // They still enter the DTenV caseload, but COA receives only those back in the procedure.
  CHECK(inflow == Approx(inflow_at_coa).epsilon(0.1));
  CHECK(received + outside == Approx(received_at_coa).epsilon(0.1));
  CHECK(received < received_at_coa - 0.8 * outside);
}

TEST_CASE("coa.received is the sum of its parts by reason", "[model][reception]") {
  auto y = test::small_yaml();
  y["ind"]["abscond_per_year"] = YAML::Load("{dublin: 1.0, safe_country: 0.5, aa: 0.2, va: 0.2}");
  y["inflow"]["article8_family_per_year"] = 500;
  const RunOnce m(y);
  for (const char* year : {"2024", "2025"}) {
    double parts = 0;
    for (const char* from : model::kIntakeNames)
      parts += indicator(m, fmt::format("coa.received.{}", from), year);
    CHECK(parts == indicator(m, "coa.received", year));
    // Registration counts every applicant who reports; family members arriving have their part.
    CHECK(indicator(m, "coa.received.registration", year) >=
          indicator(m, "inflow.first_applications", year) +
              indicator(m, "inflow.repeat_applications", year));
    CHECK(indicator(m, "coa.received.nareis", year) ==
          indicator(m, "inflow.family_arrivals", year));
    CHECK(indicator(m, "coa.received.article8", year) ==
          indicator(m, "inflow.article8_family", year));
  }
}

TEST_CASE("art. 8 family members are received by COA and housed, outside the asylum permits",
          "[model][inflow]") {
  auto y = test::small_yaml();
  const RunOnce base(y);
  y["inflow"]["article8_family_per_year"] = 3000;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int received_as_permit_holders = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    const auto& p = m.persons()[id];
    if (from == Stage::kRegistration && to == Stage::kPermitHolder &&
        p.origin == model::Origin::kNareis && p.head == id && p.location == model::kNoLocation)
      ++received_as_permit_holders;  // the transition comes just before the COA place
  });
  m.run();
  const double arrivals = indicator(m, "inflow.article8_family", "2025");
  CHECK(arrivals == Approx(3000).margin(5 * std::sqrt(3000.0)));  // Poisson
  CHECK(received_as_permit_holders > 5000);
  // Their own random stream: the asylum procedure is unchanged (common random numbers), while
  // COA receives them and they wait to be housed. (Asylum permits may differ a little: family
  // members whose referent is still in COA join them, and housing them takes turns.)
  CHECK(indicator(m, "ind.grants_first", "2025") == indicator(base, "ind.grants_first", "2025"));
  CHECK(indicator(m, "permits.total", "2025") ==
        Approx(indicator(base, "permits.total", "2025")).epsilon(0.02));
  CHECK(indicator(m, "inflow.first_applications", "2025") ==
        indicator(base, "inflow.first_applications", "2025"));
  CHECK(indicator(m, "coa.received", "2025") >= indicator(base, "coa.received", "2025") + arrivals);
  CHECK(indicator(m, "coa.permit_holders", "2025-12-31") >
        indicator(base, "coa.permit_holders", "2025-12-31"));
}

TEST_CASE("the grant rate is grants over all first decisions, as the documented figures are",
          "[model][ind]") {
  const RunOnce m(test::small_yaml());
  for (const char* year : {"2024", "2025"}) {
    const double decisions = indicator(m, "ind.decisions_first", year);
    REQUIRE(decisions > 0);
    CHECK(indicator(m, "ind.other_first", year) > 0);  // so the two definitions differ
    CHECK(indicator(m, "ind.grant_rate_first", year) ==
          Approx(indicator(m, "ind.grants_first", year) / decisions));
  }
}

TEST_CASE("a shorter legal term makes waiting cases overdue at once, each appealing once",
          "[model][ind]") {
  // No refiling, no initial backlog.
  auto base = long_aa_queue_all_appealing();
  base["initial"]["ind_backlog"] = YAML::Load("{dublin: 0, safe_country: 0, aa: 0, va: 0}");
  auto shortened = YAML::Clone(base);
  shortened["ind"]["legal_term_days"] =
      YAML::Load("[{from: 2024-01-01, value: 457}, {from: 2024-10-01, value: 183}]");
  const RunOnce m(shortened);
  // Under 15 months nobody who applied in 2024 is overdue before the change; after it, everyone
  // waiting since before April is, at once (two weeks' notice later).
  for (const char* mth : {"2024-07", "2024-08", "2024-09"})
    CHECK(indicator(m, "court.inflow_not_in_time", mth) == 0);
  CHECK(indicator(m, "court.inflow_not_in_time", "2024-10") > 100);
  // Every case files at most once: never more appeals than with the short term throughout (where
  // each overdue case files exactly once); the superseded 15-month expiries must not fire again.
  const RunOnce always_short(base);
  CHECK(indicator(m, "court.inflow_not_in_time", "2025") > 0);
  CHECK(indicator(m, "court.inflow_not_in_time", "2024") +
            indicator(m, "court.inflow_not_in_time", "2025") <=
        indicator(always_short, "court.inflow_not_in_time", "2024") +
            indicator(always_short, "court.inflow_not_in_time", "2025"));
  // A longer term postpones expiries already scheduled under the shorter one.
  auto lengthened = YAML::Clone(base);
  lengthened["ind"]["legal_term_days"] =
      YAML::Load("[{from: 2024-01-01, value: 183}, {from: 2024-03-01, value: 457}]");
  const RunOnce l(lengthened);
  for (const char* mth : {"2024-07", "2024-10", "2025-01", "2025-03"})
    CHECK(indicator(l, "court.inflow_not_in_time", mth) == 0);
  CHECK(indicator(l, "court.inflow_not_in_time", "2025-H2") > 0);
}

TEST_CASE("not-in-time appeals in the AA and VA queues are registered as VA cases",
          "[model][ind]") {
  const RunOnce m(long_aa_queue_all_appealing());
  const double all = indicator(m, "court.inflow_not_in_time", "2025");
  CHECK(all > 100);
  CHECK(indicator(m, "court.inflow_not_in_time_va", "2025") == all);
  auto only_safe = test::small_yaml();
  only_safe["ind"]["capacity_per_week"]["safe_country"] = 1;
  only_safe["ind"]["not_in_time_appeal_share"] =
      YAML::Load("{dublin: 0, safe_country: 1.0, aa: 0, va: 0}");
  const RunOnce s(only_safe);
  CHECK(indicator(s, "court.inflow_not_in_time", "2025") > 0);
  CHECK(indicator(s, "court.inflow_not_in_time_va", "2025") == 0);
}

TEST_CASE("cases held by a moratorium go first afterwards, or to the back of the line",
          "[model][ind]") {
  auto decided_soon_after = [](const char* resume) {
    auto y = test::small_yaml();
    YAML::Node mor;
    mor["group"] = "beta";
    mor["from"] = "2024-03-01";
    mor["until"] = "2024-08-31";
    mor["resume"] = resume;
    y["ind"]["moratoria"].push_back(mor);
    y["ind"]["capacity_per_week"]["aa"] = 20;  // a queue of several months
    const auto s = test::scenario_from(y);
    const int beta = s.group_index("beta");
    const Tick until = s.calendar().to_tick(*engine::parse_date("2024-08-31"));
    ChainModel m(s, 0);
    int n = 0;
    m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick t) {
      const auto& p = m.persons()[id];
      if (from != Stage::kIndWaiting || p.group != beta || p.track != scenario::kAA ||
          to == Stage::kDeparted || to == Stage::kIndWaiting)
        return;
      if (p.applied < until && t >= until && t < until + engine::days(45)) ++n;
    });
    m.run();
    return n;
  };
  const int first = decided_soon_after("first");
  const int back = decided_soon_after("back");
  CHECK(first > 50);
  CHECK(back * 2 < first);
  auto bad = test::small_yaml();
  bad["ind"]["moratoria"].push_back(
      YAML::Load("{group: beta, from: 2024-03-01, until: 2024-08-31, resume: later}"));
  CHECK_THAT(test::error_of(bad), Catch::Contains("unknown resume order 'later'"));
}

// The small scenario in which every safe-country case taken up is investigated for `days` first
// with probability `share`; overdue safe-country applicants appeal with `appeal_share`.
YAML::Node safe_country_investigated(double share, double days, double appeal_share) {
  auto y = test::small_yaml();
  y["ind"]["investigation_share"] = YAML::Load(fmt::format("{{safe_country: {}}}", share));
  y["ind"]["investigation_duration"] = YAML::Load(fmt::format("{{safe_country: {}}}", days));
  y["ind"]["not_in_time_appeal_share"]["safe_country"] = appeal_share;
  y["appeals"]["not_in_time_court_duration"] = 10;
  return y;
}

TEST_CASE("further investigation holds a case aside for its duration, once", "[model][ind]") {
  const RunOnce none(safe_country_investigated(0.0, 250, 0.0));
  const RunOnce all(safe_country_investigated(1.0, 250, 0.0));
  const RunOnce half(safe_country_investigated(0.5, 250, 0.0));
  CHECK(indicator(none, "ind.investigations", "2025") == 0);
  CHECK(indicator(none, "ind.within_legal_term.safe_country", "2025") > 0.9);
  // Held 250 days after being taken up, nobody is decided within the 183-day term.
  const double decided = indicator(all, "ind.decisions_first.safe_country", "2025");
  CHECK(decided > 100);
  CHECK(indicator(all, "ind.within_legal_term.safe_country", "2025") == 0);
  CHECK(indicator(all, "ind.lead_time_weeks.safe_country", "2025") > 250 / 7.0);
  // Each case is investigated once, however often it comes back to the queue.
  const auto investigated = std::count_if(
      all.m.persons().begin(), all.m.persons().end(),
      [](const model::Person& p) { return (p.flags & model::flag::kInvestigated) != 0; });
  CHECK(investigated > 100);
  CHECK(indicator(all, "ind.investigations", "2024") +
            indicator(all, "ind.investigations", "2025") ==
        static_cast<double>(investigated));
  const double some = indicator(half, "ind.within_legal_term.safe_country", "2025");
  CHECK(some > 0.2);
  CHECK(some < 0.8);
}

TEST_CASE("a court order for a decision ends a further investigation early", "[model][ind]") {
  // Investigated for 400 days, every overdue applicant appeals: the court orders a decision about
  // 183 + 14 + 10 days after the application, so no case waits out the investigation.
  const RunOnce ordered(safe_country_investigated(1.0, 400, 1.0));
  CHECK(indicator(ordered, "ind.decisions_first.safe_country", "2025") > 100);
  CHECK(indicator(ordered, "ind.lead_time_weeks.safe_country", "2025") < 300 / 7.0);
}

TEST_CASE("VA referrals are prioritised with the VA priority share", "[model][ind]") {
  auto lead_va = [](double share) {
    auto y = test::small_yaml();
    y["ind"]["priority_share"] =
        YAML::Load(fmt::format("{{dublin: 0, safe_country: 0, aa: 0.5, va: {}}}", share));
    const RunOnce m(y);
    return indicator(m, "ind.lead_time_weeks.va", "2025");
  };
  CHECK(lead_va(1.0) < 0.8 * lead_va(0.0));
}

TEST_CASE("unaccompanied minors come of age and are no longer counted as amv",
          "[model][reception]") {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["amv_share"] = 0.3;
  y["initial"]["amv_share"] = 0.2;
  const RunOnce never(y);
  y["reception"]["amv_time_to_adulthood"] = YAML::Load("{dist: fixed, value: 100}");
  const RunOnce adult(y);
  CHECK(indicator(adult, "coa.amv", "2025-12-31") <
        0.5 * indicator(never, "coa.amv", "2025-12-31"));
  // Exactly 100 days after arrival (or after the start, for the initial stocks) nobody is a minor.
  const Tick end = adult.s.horizon_ticks();
  for (const auto& p : adult.m.persons()) {
    if (!(p.flags & model::flag::kAmv)) continue;
    REQUIRE(p.origin == model::Origin::kFirst);
    REQUIRE(end - p.applied < engine::days(101));
  }
}

TEST_CASE("HAR residents of before the start move on to regular housing", "[model][housing]") {
  auto y = test::small_yaml();
  y["initial"]["har_plus_residents"] = 500;
  y["housing"]["har_plus_move_on"] = YAML::Load("{dist: exponential, mean: 200}");
  const RunOnce m(y);
  CHECK(indicator(m, "housing.har_plus_placements", "2024") == 0);  // no HAR+ in the scenario
  CHECK(indicator(m, "housing.har_plus_residents", "2024-01-01") == 500);
  const double moved = indicator(m, "housing.har_plus_moved_on", "2024") +
                       indicator(m, "housing.har_plus_moved_on", "2025");
  CHECK(indicator(m, "housing.har_plus_residents", "2026-01-01") == 500 - moved);
  CHECK(moved > 400);  // about 500 (1 - e^(-730/200)) = 487
}

TEST_CASE("a Dublin claimant who absconds has the 18-month transfer term", "[model][departure]") {
  // Every failed transfer takes the unsupervised route after 300 days: beyond the 6-month term,
  // within the 18 months that absconding gives.
  auto reentries = [](double absconded_term) {
    auto y = test::small_yaml();
    y["departure"]["dublin_transfer_term_absconded_days"] = absconded_term;
    YAML::Node routes;
    routes["unsupervised"] = YAML::Load("{share: 1.0, duration: {dist: fixed, value: 300}}");
    return FailedTransfers(y, routes).returned_to_ind;
  };
  CHECK(reentries(548) == 0);
  CHECK(reentries(200) > 10);
}

TEST_CASE("'other' outcomes can enter the DTenV caseload like a rejection", "[model][ind]") {
  auto y = test::small_yaml();
  y["ind"]["other_share"] = YAML::Load("{dublin: 1.0, safe_country: 1.0, aa: 1.0, va: 1.0}");
  y["departure"]["other_outcome_dtenv_share"] = 1.0;
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int to_rejected = 0, left_at_once = 0;
  m.observe_transitions([&](model::PersonId id, Stage from, Stage to, Tick) {
    if (from != Stage::kIndWaiting || m.persons()[id].track != scenario::kAA) return;
    to_rejected += to == Stage::kRejected || to == Stage::kLimbo;
    left_at_once += to == Stage::kDeparted;
  });
  m.run();
  CHECK(to_rejected > 100);
  // Absconding from the queue is the only way out left; no appeal, no grant.
  CHECK(left_at_once < to_rejected / 5);
  CHECK(indicator(m, "ind.rejections_first", "2025") == 0);
  CHECK(indicator(m, "ind.other_first", "2025") > 100);
  CHECK(indicator(m, "departure.dtenv_outflow_total", "2025") > 100);
}

TEST_CASE("a refused Dublin claim is counted and sends the case to AA at registration",
          "[model][registration]") {
  auto run = [](double refused) {
    auto y = test::small_yaml();
    y["ind"]["dublin_claim_refused_share"] = refused;
    y["initial"]["ind_backlog"]["dublin"] = 0;
    return RunOnce(y);
  };
  const RunOnce kept = run(0.0), refused = run(1.0);
  const double claims = indicator(kept, "dublin.claims_sent", "2025");
  CHECK(claims > 100);
  CHECK(indicator(kept, "ind.decisions_first.dublin", "2025") > 50);
  // Every claim is refused: the same claims go out, nobody is decided in the Dublin track and
  // each of them is an AA case instead.
  CHECK(indicator(refused, "dublin.claims_sent", "2025") == Approx(claims).epsilon(0.15));
  CHECK(indicator(refused, "ind.decisions_first.dublin", "2025") == 0);
  const double extra_aa_share = indicator(refused, "track.share_aa_va_of_first", "2025") -
                                indicator(kept, "track.share_aa_va_of_first", "2025");
  const double claim_share = claims / indicator(kept, "inflow.first_applications", "2025");
  CHECK(extra_aa_share == Approx(claim_share).epsilon(0.2));
}

TEST_CASE("the end of the Dublin transfer term closes the DTenV case as administrative outflow",
          "[model][departure]") {
  YAML::Node routes;  // nobody leaves: only the transfer term ends a case
  routes["no_departure"] = YAML::Load("{share: 1.0}");
  const FailedTransfers m(test::small_yaml(), routes);
  const int term_ended = m.returned_to_ind;
  CHECK(term_ended > 10);
  CHECK(indicator(m, "departure.route.administrative", "2024") +
            indicator(m, "departure.route.administrative", "2025") ==
        term_ended);
  CHECK(indicator(m, "departure.dtenv_outflow_total", "2025") ==
        indicator(m, "departure.route.administrative", "2025"));
}

TEST_CASE("the DTenV inflow counts final rejections and returns after re-registration",
          "[model][departure]") {
  auto y = test::small_yaml();
  y["reception"]["re_registration"] =
      YAML::Load("{absconded_share: 0, rejected_share: 1.0, delay: {dist: fixed, value: 30}}");
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  int entered = 0;
  m.observe_transitions([&](model::PersonId, Stage from, Stage to, Tick) {
    // A final rejection (from the queue, a court or the Council of State) or a return after
    // leaving with unknown destination; the cases of the initial state are no inflow.
    entered += to == Stage::kRejected &&
               (from == Stage::kIndWaiting || from == Stage::kInAppeal || from == Stage::kAway);
  });
  m.run();
  CHECK(indicator(m, "coa.re_registrations", "2025") > 10);
  CHECK(indicator(m, "departure.dtenv_inflow", "2024") +
            indicator(m, "departure.dtenv_inflow", "2025") ==
        Approx(entered).margin(0.5));
}

TEST_CASE("a route's mean_days sets its pace in calendar time, for cases already on it",
          "[model][departure]") {
  // Every DTenV case leaves unsupervised: almost never in 2024, at a mean of 30 days from 2025.
  auto routes_with = [](const char* timing) {
    auto y = test::small_yaml();
    y["departure"]["dublin_transfer_success"] = 0.0;
    y["departure"]["routes"] = YAML::Node();
    y["departure"]["routes"]["unsupervised"]["share"] = 1.0;
    y["departure"]["routes"]["unsupervised"][timing] =
        std::string(timing) == "mean_days"
            ? YAML::Load("[{from: 2024-01-01, value: 100000}, {from: 2025-01-01, value: 30}]")
            : YAML::Load(
                  "[{from: 2024-01-01, value: {dist: exponential, mean: 100000}},"
                  " {from: 2025-01-01, value: {dist: exponential, mean: 30}}]");
    return y;
  };
  const RunOnce paced(routes_with("mean_days"));
  const RunOnce at_entry(routes_with("duration"));
  const double entered_2024 = indicator(paced, "departure.dtenv_inflow", "2024");
  REQUIRE(entered_2024 > 200);
  for (const ChainModel* m : {&paced.m, &at_entry.m})
    CHECK(indicator(*m, "departure.route.unsupervised", "2024") < 0.02 * entered_2024);
  // The 2024 caseload leaves in the first months of 2025 only when the pace applies to it.
  CHECK(indicator(paced, "departure.route.unsupervised", "2025-Q1") > 0.8 * entered_2024);
  CHECK(indicator(at_entry, "departure.route.unsupervised", "2025-Q1") <
        0.6 * indicator(paced, "departure.route.unsupervised", "2025-Q1"));
}
