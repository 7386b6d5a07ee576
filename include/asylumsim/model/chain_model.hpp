// The person-level model of the Dutch asylum chain. One ChainModel is one replication: it owns the
// kernel (clock, persons, recorder; kernel.hpp) and the chain's stages, each a component with its
// own state and random streams (stages/: inflow, registration, ind, appeals, reception, housing,
// nareis, departure, ukraine). The model routes every event to its stage and keeps only what cuts
// across the stages: the start state, month boundaries, the daily cycle, the census and the
// conservation check.
//
// A person's path is an explicit state machine: `Person::stage` says where the person is, events
// move them on. See docs/architecture.md for why this beats coroutines here.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "asylumsim/model/household.hpp"
#include "asylumsim/model/kernel.hpp"
#include "asylumsim/model/stages/appeals.hpp"
#include "asylumsim/model/stages/departure.hpp"
#include "asylumsim/model/stages/housing.hpp"
#include "asylumsim/model/stages/ind.hpp"
#include "asylumsim/model/stages/inflow.hpp"
#include "asylumsim/model/stages/nareis.hpp"
#include "asylumsim/model/stages/reception.hpp"
#include "asylumsim/model/stages/registration.hpp"
#include "asylumsim/model/stages/ukraine.hpp"

namespace asylumsim::model {

struct RunTotals {
  std::uint64_t events = 0;
  std::uint64_t persons = 0;
  double seconds = 0.0;
};

class ChainModel {
 public:
  // The model keeps a reference to the scenario, which must outlive it.
  ChainModel(const scenario::Scenario& s, std::uint64_t replication);
  ChainModel(scenario::Scenario&&, std::uint64_t) = delete;
  // The stages hold references to each other and to the kernel: the model cannot move.
  ChainModel(const ChainModel&) = delete;
  ChainModel& operator=(const ChainModel&) = delete;
  // Runs to the scenario's end, or only up to `until` when earlier (everything before it is the
  // same as in a full run: later events cannot change it).
  RunTotals run(Tick until = engine::kNever);

  const engine::Recorder& recorder() const { return k_.rec; }
  const scenario::Scenario& scenario() const { return k_.s; }
  const std::vector<Person>& persons() const { return k_.persons; }
  const Metrics& metrics() const { return k_.m; }
  // The class of municipalities (index into housing.municipalities) a permit holder was linked
  // to; -1 when none. For tests and traces.
  int municipal_class(PersonId id) const { return housing_.municipal_class(id); }
  // Conservation: everyone who entered is in exactly one stage or has left, and every derived
  // stock (stage counts, COA places and residents, permit holders in COA, the IND backlog per
  // track, the housing line, limbo, ...) equals its recount from the person records. Throws
  // std::logic_error naming the first mismatch.
  void check_conservation() const;

  // Optional observer of every stage transition (tests, traces). Not for the hot path of batches.
  using TransitionObserver = Kernel::TransitionObserver;
  void observe_transitions(TransitionObserver f) { k_.observer = std::move(f); }

 private:
  friend struct ModelTestAccess;
  void dispatch(const engine::Event& e);
  void on_month_boundary();
  void on_daily();
  void census();
  void record_places_short();
  void record_stay_quantiles();
  void check_stage_counts() const;
  void check_coa() const;
  void check_stocks() const;

  // --- initial state (initial_state.cpp) ---
  void seed_initial_state();
  // The start population's past: when each resident entered COA.
  void backdate_coa_entry(PersonId id, Tick since);
  Tick past_application(Tick decided, engine::RandomStream& rng) const;
  // The household `id` joins (households of the start population, as in the inflow): its root.
  PersonId join_initial_household(HouseholdFiller& filler, PersonId id);
  void link_initial_permit_holder(PersonId id);
  struct Family {
    PersonId first = kNoPerson;
    std::uint32_t places_left = 0;
  };
  template <class DrawGroup>
  PersonId new_family_member(Family& family, Origin origin, DrawGroup& draw_group);

  Kernel k_;
  // The stages refer to each other in cycles (a court sends a case back to the IND), so some are
  // given references to stages constructed after them: a stage only stores the references in its
  // constructor and uses them once the run starts.
  InflowStage inflow_;
  RegistrationStage registration_;
  IndStage ind_;
  AppealsStage appeals_;
  ReceptionStage reception_;
  HousingStage housing_;
  NareisStage nareis_;
  DepartureStage departure_;
  UkraineStage ukraine_;
  engine::RandomStream initial_rng_, initial_past_rng_, initial_household_rng_;
  std::vector<double> stay_months_;  // the census's scratch: every resident's stay, in months
};

}  // namespace asylumsim::model
