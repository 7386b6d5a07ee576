// Households of first applicants (groups.*.household_size): they arrive together, the IND decides
// them as one case, and members granted with their head are linked and housed with it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <vector>

#include "../support/fixtures.hpp"
#include "../support/model_run.hpp"
#include "asylumsim/model/chain_model.hpp"
#include "asylumsim/model/metrics.hpp"

using namespace asylumsim;
using model::ChainModel;
using model::PersonId;
using model::Stage;
using test::indicator;
using test::with_households;

namespace {

// Each first applicant's first step out of the IND queue (its decision), and the household head
// it had then; and when each person left COA for a home.
struct Trace {
  struct Decision {
    engine::Tick at;
    Stage to;
    PersonId head;
  };
  std::map<PersonId, Decision> decided;
  std::map<PersonId, engine::Tick> housed;
};

Trace run_traced(const YAML::Node& y, std::vector<model::Person>* persons_out = nullptr) {
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  Trace tr;
  m.observe_transitions([&](PersonId id, Stage from, Stage to, engine::Tick t) {
    const auto& p = m.persons()[id];
    if (from == Stage::kIndWaiting && to != Stage::kIndWaiting &&
        p.origin == model::Origin::kFirst && !tr.decided.count(id))
      tr.decided[id] = {t, to, p.head};
    if (from == Stage::kPermitHolder && to == Stage::kHoused) tr.housed[id] = t;
  });
  m.run();
  m.check_conservation();
  if (persons_out) *persons_out = m.persons();
  return tr;
}

bool granted(Stage to) {
  return to == Stage::kPermitHolder || to == Stage::kHoused;
}

}  // namespace

TEST_CASE("first applicants arrive in households of the drawn sizes", "[model][households]") {
  std::vector<model::Person> persons;
  run_traced(with_households(), &persons);
  std::map<int, int> heads_by_size;
  for (PersonId id = 0; id < persons.size(); ++id)
    if (persons[id].origin == model::Origin::kFirst && persons[id].head == id)
      ++heads_by_size[persons[id].household_size];
  REQUIRE(heads_by_size[1] > 100);
  CHECK(heads_by_size[2] > 50);
  CHECK(heads_by_size[6] > 5);
  CHECK(heads_by_size.rbegin()->first <= 6 + 20);  // at most the largest drawn, plus nareis
}

TEST_CASE("the IND decides a household as one case", "[model][households]") {
  const Trace tr = run_traced(with_households());
  int members = 0, same_day = 0, same_outcome = 0;
  for (const auto& [id, d] : tr.decided) {
    if (d.head == id) continue;
    const auto head = tr.decided.find(d.head);
    if (head == tr.decided.end()) continue;
    ++members;
    if (head->second.at != d.at) continue;
    ++same_day;
    if (granted(head->second.to) == granted(d.to)) ++same_outcome;
  }
  REQUIRE(members > 200);
  // Members who register after their head's case was decided are cases of their own: rare.
  CHECK(same_day > 0.9 * members);
  CHECK(same_outcome == same_day);
}

TEST_CASE("members granted with their head are housed with it", "[model][households]") {
  std::vector<model::Person> persons;
  const Trace tr = run_traced(with_households(), &persons);
  int together = 0;
  for (const auto& [id, at] : tr.housed) {
    const PersonId head = persons[id].head;
    if (head == id || head == model::kNoPerson) continue;
    const auto h = tr.housed.find(head);
    REQUIRE(h != tr.housed.end());
    CHECK(h->second == at);
    ++together;
  }
  CHECK(together > 100);
}

TEST_CASE("exits by household size add up to all exits", "[model][households][indicators]") {
  const test::RunOnce run(with_households());
  for (const char* when : {"2024", "2025"}) {
    double sum = 0;
    for (const char* band : model::Metrics::kHouseholdBandNames) {
      const double n = indicator(run, std::string("housing.permit_holders_exited.") + band, when);
      sum += n;
      if (std::string(band) != "hh_1") CHECK(n > 0);
    }
    CHECK(sum == Approx(indicator(run, "housing.permit_holders_exited", when)));
  }
  const double p50 = indicator(run, "housing.exit_weeks_after_permit.hh_4_5.p50", "2025");
  CHECK(p50 > 0);
  CHECK(p50 < 157);
}

TEST_CASE("households of one person leave the run as it was", "[model][households]") {
  // [1.0, 0.0] draws every household's size (on a stream of its own) and runs the household code
  // with singles only: the chain must not notice.
  auto y = test::small_yaml();
  y["groups"]["alpha"]["household_size"] = std::vector<double>{1.0, 0.0};
  const test::RunOnce singles(y);
  const test::RunOnce plain(test::small_yaml());
  for (const char* id : {"coa.occupancy", "coa.permit_holders", "ind.backlog.aa", "ind.backlog.va",
                         "housing.backlog", "nareis.waiting_abroad"})
    for (const char* when : {"2024-07-01", "2025-01-01", "2025-07-01", "2025-12-31"})
      CHECK(indicator(singles, id, when) == indicator(plain, id, when));
  for (const char* id : {"ind.decisions_first", "housing.realised", "departure.chain_total"})
    CHECK(indicator(singles, id, "2025") == indicator(plain, id, "2025"));
}

namespace {

// Weeks from permit to leaving COA for housing, per household, by the size of dwelling it needed
// (the persons housed together).
std::vector<std::vector<double>> exit_weeks_by_size(const YAML::Node& y) {
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  std::map<PersonId, std::pair<int, double>> households;  // head -> persons, weeks
  m.observe_transitions([&](PersonId id, Stage from, Stage to, engine::Tick t) {
    if (from != Stage::kPermitHolder || to != Stage::kHoused) return;
    const auto& p = m.persons()[id];
    auto& h = households[p.head];
    h.first += 1;
    if (p.head == id) h.second = engine::days_from_ticks(t - p.permit_at) / 7.0;
  });
  m.run();
  m.check_conservation();
  std::vector<std::vector<double>> weeks(model::Metrics::kHouseholdBands);
  for (const auto& [head, h] : households)
    weeks[static_cast<std::size_t>(model::Metrics::household_band(h.first))].push_back(h.second);
  return weeks;
}

YAML::Node with_dwellings(double single, double large) {
  auto y = with_households();
  y["housing"]["dwellings"]["single"] = single;
  y["housing"]["dwellings"]["small"] = (1 - single - large) / 2;
  y["housing"]["dwellings"]["family"] = (1 - single - large) / 2;
  y["housing"]["dwellings"]["large"] = large;
  return y;
}

}  // namespace

TEST_CASE("a household too large for the dwelling on offer is passed over", "[model][housing]") {
  // Only single and family dwellings: households of 6 or more never fit one; the line goes on
  // past them and houses the smaller households behind them.
  const auto weeks = exit_weeks_by_size(with_dwellings(0.8, 0.0));
  CHECK(weeks[3].empty());
  CHECK(weeks[0].size() > 500);
  CHECK(weeks[2].size() > 20);
  // With large dwellings they are housed too.
  const auto with_large = exit_weeks_by_size(with_dwellings(0.8, 0.1));
  CHECK(with_large[3].size() > 10);
}

TEST_CASE("the large-family scheme houses households of 6 or more in adapted dwellings",
          "[model][housing][measures]") {
  auto y = with_dwellings(0.8, 0.0);
  y["measures"]["large_families"]["type"] = "large_family_housing";
  y["measures"]["large_families"]["from"] = "2024-01-01";
  y["measures"]["large_families"]["dwellings_per_year"] = 40;
  const test::RunOnce run(y);
  const double dwellings = indicator(run, "housing.large_family_dwellings", "2025");
  CHECK(dwellings > 5);
  CHECK(dwellings <= 41);
  CHECK(indicator(run, "cost.measures", "2025") >= 35000 * dwellings);
  CHECK(indicator(run, "housing.permit_holders_exited.hh_6plus", "2025") >= 6 * dwellings);
}

TEST_CASE("a household applies in one track", "[model][households]") {
  const auto s = test::scenario_from(with_households());
  ChainModel m(s, 0);
  std::map<PersonId, int> first_track;  // household head -> track of its first to register
  int members = 0, same = 0;
  m.observe_transitions([&](PersonId id, Stage from, Stage to, engine::Tick) {
    const auto& p = m.persons()[id];
    if (from != Stage::kRegistration || to != Stage::kIndWaiting) return;
    if (p.origin != model::Origin::kFirst || (p.head == id && p.next_member == model::kNoPerson))
      return;
    const auto [it, first] = first_track.try_emplace(p.head, p.track);
    if (first) return;
    ++members;
    // The same track, or the extended procedure the household was referred to meanwhile.
    if (p.track == it->second || (it->second == scenario::kAA && p.track == scenario::kVA)) ++same;
  });
  m.run();
  REQUIRE(members > 200);
  CHECK(same == members);
}

TEST_CASE("a household larger than a day's decision capacity is decided when enough has built up",
          "[model][households]") {
  auto y = test::small_yaml();
  y["groups"]["alpha"]["household_size"] = std::vector<double>{0, 0, 0, 0, 0, 0, 0, 1.0};
  y["ind"]["capacity_per_week"]["aa"] = 2;  // 0.29 a day: a household of 8 waits 4 weeks
  const Trace tr = run_traced(y);
  std::map<std::pair<PersonId, engine::Tick>, int> decided_together;
  for (const auto& [id, d] : tr.decided)
    if (d.to != Stage::kIndWaiting) ++decided_together[{d.head, d.at}];
  int large = 0;
  for (const auto& [key, n] : decided_together) large += n >= 6 ? 1 : 0;
  CHECK(large > 3);
}

TEST_CASE("when the head leaves, the first member granted heads the rest of the household",
          "[model][households]") {
  auto y = with_households();
  y["ind"]["abscond_per_year"]["aa"] = 1.5;  // many heads leave while the household waits
  std::vector<model::Person> persons;
  const Trace tr = run_traced(y, &persons);
  int rehomed = 0;
  for (const auto& [id, at] : tr.housed) {
    const PersonId head = persons[id].head;
    const auto d = tr.decided.find(id);
    if (head == id || d == tr.decided.end() || d->second.head == head) continue;
    // Housed with a head other than the one it arrived with: the successor, housed the same day.
    ++rehomed;
    const auto h = tr.housed.find(head);
    REQUIRE(h != tr.housed.end());
    CHECK(h->second == at);
  }
  CHECK(rehomed > 5);
}

TEST_CASE("dwellings that follow the line house every size, large ones slower when scarce",
          "[model][housing]") {
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  auto y = with_households();
  y["housing"]["dwellings"] = "line";
  const auto alike = exit_weeks_by_size(y);
  for (const auto& weeks : alike) REQUIRE(weeks.size() > 10);
  // Each size is offered what its line needs: no size is starved, none waits far longer.
  for (std::size_t band = 1; band < alike.size(); ++band)
    CHECK(median(alike[band]) < 1.5 * median(alike[0]) + 4);
  // Large dwellings at a fifth of the need: households of 6 or more wait longer, the rest not.
  y["housing"]["large_dwelling_factor"] = 0.2;
  const auto scarce = exit_weeks_by_size(y);
  REQUIRE(scarce[3].size() > 10);
  CHECK(median(scarce[3]) > 1.5 * median(alike[3]));
  CHECK(median(scarce[0]) <= median(alike[0]) + 2);
}
