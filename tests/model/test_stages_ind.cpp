// The rules of IND decisions and registration, checked on the small scenario with the transition
// observer (one file per stage or pair of stages: test_stages_*.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "../support/fixtures.hpp"
#include "../support/model_run.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;
using engine::Tick;
using model::ChainModel;
using model::Stage;
using test::indicator;
using test::RunOnce;

namespace {
// The small scenario with a long AA queue in which every overdue applicant appeals for not
// deciding in time (and nobody in the other queues does).
YAML::Node long_aa_queue_all_appealing() {
  auto y = test::small_yaml();
  y["ind"]["capacity_per_week"]["aa"] = 5;
  y["ind"]["not_in_time_appeal_share"] = YAML::Load("{dublin: 0, safe_country: 0, aa: 1.0, va: 0}");
  return y;
}

}  // namespace

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
  // No refiling, no initial backlog, and no case that re-enters the IND with a term of its own
  // (a court's referral back, the end of a Dublin transfer term).
  auto base = long_aa_queue_all_appealing();
  base["initial"]["ind_backlog"] = YAML::Load("{dublin: 0, safe_country: 0, aa: 0, va: 0}");
  base["appeals"]["court_upheld_share"] = 1.0;
  base["appeals"]["council_upheld_share"] = 1.0;
  base["departure"]["dublin_transfer_success"] = 1.0;
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
