// Stage 8, departure (the DTenV caseload): after a final rejection a route is drawn with its own
// lead time; forced removals go through immigration detention; the caseload outside the asylum
// chain is a stock-flow part of its own (sim/model/departure.cpp).
#pragma once

#include <array>
#include <cstdint>

#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/kernel.hpp"

namespace asylumsim::model {

class ReceptionStage;
class IndStage;

class DepartureStage : StageBase {
 public:
  DepartureStage(Kernel& k, ReceptionStage& reception, IndStage& ind);

  void start_departure(PersonId id);
  void on_route_done(PersonId id, std::uint32_t epoch);        // kRouteDone
  void on_dublin_term_ends(PersonId id, std::uint32_t epoch);  // kDublinTermEnds
  void on_removal(PersonId id);                                // kRemoval
  // Leaving without supervision outside the DTenV caseload: a chain-wide departure.
  void leave_unsupervised(PersonId id);
  // Leaves reception and the chain; no departure route is counted (e.g. a withdrawn application).
  void leave_chain(PersonId id);
  // The day's detention places (a decrease lets those detained finish).
  void refresh_detention();
  // the departure caseload outside the asylum chain (stock-flow)
  void start_non_asylum();
  void non_asylum_daily();

  std::int64_t detained() const { return detention_.busy(); }

 private:
  Tick route_done_time(int route);
  void depart(PersonId id, scenario::Route route);
  void start_detention(PersonId id);
  void record_non_asylum();

  ReceptionStage& reception_;
  IndStage& ind_;
  engine::ServerPool<PersonId> detention_{0};
  std::array<std::int64_t, scenario::kNonAsylumRoutes> non_asylum_caseload_{};
  engine::RandomStream dublin_transfer_rng_, routes_rng_, travel_documents_rng_, route_timing_rng_,
      detention_rng_, non_asylum_rng_;
};

}  // namespace asylumsim::model
