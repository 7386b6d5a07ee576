// Households in the start population (the IND backlog and the permit holders in COA are grouped as
// the inflow's first applicants are) and the families of nareis, who wait in COA together when
// their referent has a home already (issue 25).
#include <catch2/catch.hpp>
#include <map>
#include <vector>

#include "../support/fixtures.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;
using model::ChainModel;
using model::Origin;
using model::PersonId;
using model::Stage;
using test::with_households;

namespace {

struct Traced {
  struct Seeded {
    Stage stage;
    PersonId head;
    engine::Tick applied;
  };
  std::vector<model::Person> persons;
  std::map<PersonId, Seeded> start;          // the stage and head each start person was seeded with
  std::map<PersonId, PersonId> arrived;      // nareis arrivals: the head of the household joined
  std::map<PersonId, engine::Tick> decided;  // first step out of the IND queue
  std::map<PersonId, engine::Tick> housed;
};

Traced run_traced(const YAML::Node& y) {
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  Traced tr;
  m.observe_transitions([&](PersonId id, Stage from, Stage to, engine::Tick t) {
    const PersonId head = m.persons()[id].head;
    if (t <= 0 && from == Stage::kRegistration) tr.start[id] = {to, head, m.persons()[id].applied};
    if (from == Stage::kNareisAbroad && to == Stage::kPermitHolder) tr.arrived[id] = head;
    if (from == Stage::kIndWaiting && to != Stage::kIndWaiting && !tr.decided.count(id))
      tr.decided[id] = t;
    if (from == Stage::kPermitHolder && to == Stage::kHoused) tr.housed[id] = t;
  });
  m.run();
  m.check_conservation();  // coa.amv included: every minor counted is a person with the flag
  tr.persons = m.persons();
  return tr;
}

// Of the pairs (member, head) given, how many were housed the same day, of those both housed.
std::pair<int, int> housed_together(const Traced& tr, const std::map<PersonId, PersonId>& pairs) {
  int both = 0, together = 0;
  for (const auto& [id, head] : pairs) {
    const auto m = tr.housed.find(id);
    const auto h = tr.housed.find(head);
    if (m == tr.housed.end() || h == tr.housed.end()) continue;
    ++both;
    together += m->second == h->second ? 1 : 0;
  }
  return {together, both};
}

}  // namespace

TEST_CASE("the start backlog applied in households and is decided together", "[model][initial]") {
  const Traced tr = run_traced(with_households());
  int members = 0, same_date = 0, both_decided = 0, decided_together = 0;
  for (const auto& [id, seeded] : tr.start) {
    if (seeded.stage != Stage::kIndWaiting || seeded.head == id) continue;
    ++members;
    same_date += seeded.applied == tr.start.at(seeded.head).applied ? 1 : 0;
    if (tr.decided.count(id) && tr.decided.count(seeded.head)) {
      ++both_decided;
      decided_together += tr.decided.at(id) == tr.decided.at(seeded.head) ? 1 : 0;
    }
  }
  REQUIRE(members > 100);
  CHECK(same_date == members);
  REQUIRE(both_decided > 50);
  // The rest: a member whose case was investigated further, or the head's.
  CHECK(decided_together > both_decided * 9 / 10);
}

TEST_CASE("start permit holders in households share the permit and are housed together",
          "[model][initial]") {
  const Traced tr = run_traced(with_households());
  std::map<PersonId, PersonId> members;
  for (const auto& [id, seeded] : tr.start)
    if (seeded.stage == Stage::kPermitHolder && seeded.head != id) members[id] = seeded.head;
  REQUIRE(members.size() > 100);
  for (const auto& [id, head] : members) {
    CHECK(tr.persons[id].permit_at == tr.persons[head].permit_at);
    CHECK(!(tr.persons[id].flags & model::flag::kAmv));  // unaccompanied minors are alone
  }
  const auto [together, both] = housed_together(tr, members);
  REQUIRE(both > 100);
  CHECK(together == both);
}

TEST_CASE("without households the start population is single", "[model][initial]") {
  const Traced tr = run_traced(test::small_yaml());
  for (const auto& [id, seeded] : tr.start)
    if (seeded.stage == Stage::kIndWaiting || seeded.stage == Stage::kPermitHolder)
      CHECK(seeded.head == id);
}

TEST_CASE("a start nareis family applied together", "[model][initial][nareis]") {
  const Traced tr = run_traced(test::small_yaml());
  int members = 0, same_date = 0;
  for (const auto& [id, seeded] : tr.start) {
    if (seeded.stage != Stage::kNareisAbroad || seeded.head == id) continue;
    ++members;
    CHECK(tr.persons[seeded.head].origin == Origin::kNareis);
    same_date += seeded.applied == tr.start.at(seeded.head).applied ? 1 : 0;
  }
  REQUIRE(members > 100);  // family_size [0.5, 0.3, 0.2] over 1,000 persons
  CHECK(same_date == members);
}

TEST_CASE("nareis family members without their referent in COA wait together",
          "[model][nareis][households]") {
  const Traced tr = run_traced(test::small_yaml());
  std::map<PersonId, PersonId> joined_family;  // joined a family member, not the referent
  for (const auto& [id, head] : tr.arrived)
    if (head != id && tr.persons[head].origin == Origin::kNareis) joined_family[id] = head;
  REQUIRE(joined_family.size() > 50);
  const auto [together, both] = housed_together(tr, joined_family);
  REQUIRE(both > 50);
  CHECK(together == both);
}

// Every path to a permit ends in a link: no adult household head waits unlinked for longer than
// any link takes (minors are linked when they come of age).
TEST_CASE("no adult permit holder is left unlinked", "[model][housing][households]") {
  auto y = with_households();
  y["reception"]["amv_time_to_adulthood"] = YAML::Load("{dist: exponential, mean: 300}");
  const auto s = test::scenario_from(y);
  ChainModel m(s, 0);
  m.run();
  const engine::Tick end = s.horizon_ticks();
  int unlinked_long = 0, adults_waiting = 0;
  for (PersonId id = 0; id < m.persons().size(); ++id) {
    const auto& p = m.persons()[id];
    if (p.stage != Stage::kPermitHolder || p.head != id || (p.flags & model::flag::kAmv) ||
        p.location == scenario::kNidos)
      continue;
    ++adults_waiting;
    if (!(p.flags & model::flag::kLinked) && end - p.permit_at > engine::days(365)) ++unlinked_long;
  }
  REQUIRE(adults_waiting > 0);
  CHECK(unlinked_long == 0);
}
