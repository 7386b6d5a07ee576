// The shared core of one replication that every chain stage works on: the scenario, the clock and
// the event list, the person records with their stage counts and the COA resident index, and the
// recorder with its metric ids. The stages (include/asylumsim/model/stages/) own everything else:
// their queues, capacities, counters and random streams. See docs/architecture.md, "Stages".
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "asylumsim/engine/recorder.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/engine/simulator.hpp"
#include "asylumsim/model/metrics.hpp"
#include "asylumsim/model/metrics_by_group.hpp"
#include "asylumsim/model/person.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

using engine::Tick;
using PersonId = std::uint32_t;
using scenario::kTracks;

// Every event of the chain. ChainModel::dispatch routes each kind to the stage that handles it.
enum EventKind : std::uint32_t {
  kMonthBoundary,
  kDaily,
  kFirstArrival,  // aux = group
  kRepeatArrival,
  kResettlementArrival,
  kRelocationArrival,
  kDublinInArrival,
  kArticle8Arrival,  // family member with a regular permit (art. 8 ECHR)
  kRegistrationDone,
  kLegalTermExpired,  // aux = how many legal-term changes had happened when it was scheduled
  kLegalTermChanged,  // the legal decision term changes (a step of ind.legal_term_days)
  kNotInTimeRuling,
  kAbscond,
  kCourtRuling,
  kCouncilRuling,
  kReceptionEnds,
  kRouteDone,
  kDublinTermEnds,
  kLinked,
  kNareisApply,
  kNareisArrival,
  kProtectionEnds,
  kShelterMoveOn,
  kRemoval,            // end of detention: the forced departure happens
  kPermitRenewal,      // a temporary asylum permit is due for renewal (IND work)
  kReRegistration,     // a person who left with unknown destination comes back (aux 1: absconded)
  kComesOfAge,         // an unaccompanied minor turns 18
  kInvestigationDone,  // further investigation of an IND case ends (aux = the case's epoch)
  kEventKinds
};

class UkraineStage;

class Kernel {
 public:
  using TransitionObserver = std::function<void(PersonId, Stage from, Stage to, Tick at)>;
  // What the census reads of each COA resident, dense and in the same order as `residents`, so
  // the monthly scan streams through memory instead of visiting person records at random.
  struct ResidentCensus {
    Tick coa_since;
    Tick permit_at;  // kNever unless a permit holder
  };

  // The kernel keeps a reference to the scenario, which must outlive it.
  Kernel(const scenario::Scenario& s, std::uint64_t replication);
  Kernel(scenario::Scenario&&, std::uint64_t) = delete;

  // A random stream of this replication, keyed by its name (docs/architecture.md, "Random
  // numbers"): a stage creates each of its streams from the same key as before, so moving a
  // stream between stages changes no number.
  engine::RandomStream stream(std::string_view name) const { return {s.seed, replication, name}; }

  Tick now() const { return sim.now(); }
  double at(const scenario::Schedule& sch) const { return sch.at(sim.now()); }
  Tick after_days(double d) const { return sim.now() + engine::ticks_from_days(d); }
  double draw(const scenario::DistSchedule& d, engine::RandomStream& rng) const {
    return d.at(sim.now()).sample(rng);
  }
  void schedule(Tick at, EventKind k, PersonId who = 0, std::uint32_t aux = 0,
                engine::Priority p = engine::Priority::kNormal) {
    sim.schedule_at(at, p, {k, who, aux});
  }
  engine::EventHandle schedule_cancellable(Tick at, EventKind k, PersonId who,
                                           std::uint32_t aux = 0) {
    return sim.schedule_at(at, engine::Priority::kNormal, {k, who, aux});
  }

  PersonId new_person(Origin origin, std::uint8_t group);
  // Moves a person to another stage: keeps the stage counts, the resident index and the transition
  // observer up to date, and lets go of a municipal place the person no longer needs.
  void set_stage(PersonId id, Stage st);
  // The resident index: persons with a COA place (Nidos excluded), for the monthly census.
  // (Inline: on the hot path of every COA entry and exit.)
  void add_resident(PersonId id) {
    Person& p = persons[id];
    p.resident_slot = static_cast<std::uint32_t>(residents.size());
    residents.push_back(id);
    resident_census.push_back(
        {p.coa_since, p.stage == Stage::kPermitHolder ? p.permit_at : engine::kNever});
  }
  void drop_resident(PersonId id) {  // O(1): the last resident takes the leaver's slot
    const std::uint32_t slot = persons[id].resident_slot;
    const PersonId last = residents.back();
    residents[slot] = last;
    resident_census[slot] = resident_census.back();
    persons[last].resident_slot = slot;
    residents.pop_back();
    resident_census.pop_back();
    persons[id].resident_slot = kNoPerson;
  }

  const scenario::Scenario& s;
  const std::uint64_t replication;
  engine::Calendar cal;
  engine::Simulator<> sim;
  engine::Recorder rec;
  Metrics m;
  GroupMetrics gm;  // the same flows and stocks per nationality group
  std::vector<Person> persons;
  std::array<std::uint64_t, kStages> stage_count{};
  std::vector<PersonId> residents;
  std::vector<ResidentCensus> resident_census;
  TransitionObserver observer;
  int month = 0;
  // Set by the model: the stage that holds municipal places (set_stage releases them).
  UkraineStage* municipal_reception = nullptr;
};

// What every stage shares: the kernel, and short names for what it offers. Not polymorphic: the
// model calls each stage's handlers directly, so the event loop has no virtual calls.
class StageBase {
 protected:
  explicit StageBase(Kernel& k) : k_(k), s_(k.s) {}
  Tick now() const { return k_.now(); }
  double at(const scenario::Schedule& sch) const { return k_.at(sch); }
  Tick after_days(double d) const { return k_.after_days(d); }
  double draw(const scenario::DistSchedule& d, engine::RandomStream& rng) const {
    return k_.draw(d, rng);
  }
  void schedule(Tick at, EventKind k, PersonId who = 0, std::uint32_t aux = 0,
                engine::Priority p = engine::Priority::kNormal) {
    k_.schedule(at, k, who, aux, p);
  }
  void set_stage(PersonId id, Stage st) { k_.set_stage(id, st); }

  Kernel& k_;
  const scenario::Scenario& s_;
};

}  // namespace asylumsim::model
