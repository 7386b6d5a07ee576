// Stage 4 — appeals: beroep at the district court (with provisional relief, vovo) and hoger beroep
// at the Council of State. Upheld decisions become final; annulled ones go back to the IND, where
// they are decided again with priority (a permit then counts as side inflow).
#include "asylumsim/model/stages/appeals.hpp"

#include "asylumsim/model/stages/departure.hpp"
#include "asylumsim/model/stages/ind.hpp"

namespace asylumsim::model {

using namespace scenario;

AppealsStage::AppealsStage(Kernel& k, IndStage& ind, DepartureStage& departure)
    : StageBase(k), ind_(ind), departure_(departure), rng_(k.stream("appeals")) {}

void AppealsStage::on_rejection(PersonId id) {
  const Track t = static_cast<Track>(k_.persons[id].track);
  if (!rng_.bernoulli(at(s_.appeals.appeal_share[t]))) {
    final_rejection(id);
    return;
  }
  k_.rec.count(k_.m.court_inflow);
  k_.rec.count(k_.m.court_appeals);
  if (rng_.bernoulli(at(s_.appeals.provisional_relief_share[t]))) {
    k_.rec.count(k_.m.court_inflow);
    k_.rec.count(k_.m.court_relief);
  }
  set_stage(id, Stage::kInAppeal);
  schedule(after_days(draw(s_.appeals.court_duration[t], rng_)), kCourtRuling, id);
}

void AppealsStage::on_court_ruling(PersonId id) {
  k_.rec.count(k_.m.court_rulings);
  const bool upheld = rng_.bernoulli(at(s_.appeals.court_upheld_share));
  if (upheld) k_.rec.count(k_.m.court_upheld);
  // The losing side may take the case to the Council of State.
  if (rng_.bernoulli(at(s_.appeals.higher_appeal_share))) {
    k_.rec.count(k_.m.council_inflow);
    schedule(after_days(draw(s_.appeals.council_duration, rng_)), kCouncilRuling, id,
             upheld ? 1u : 0u);
    return;
  }
  if (upheld)
    final_rejection(id);
  else
    back_to_ind(id);
}

void AppealsStage::on_council_ruling(PersonId id) {
  if (rng_.bernoulli(at(s_.appeals.council_upheld_share)))
    final_rejection(id);
  else
    back_to_ind(id);
}

// The decision is annulled: the IND decides again, first in its track's line, with a new term.
void AppealsStage::back_to_ind(PersonId id) {
  k_.persons[id].flags |= flag::kReopened;
  ind_.enqueue(id, static_cast<Track>(k_.persons[id].track), 0);
  ind_.start_legal_term(id);
}

void AppealsStage::final_rejection(PersonId id) {
  Person& p = k_.persons[id];
  k_.rec.count(k_.m.dtenv_inflow);
  set_stage(id, Stage::kRejected);
  ++p.epoch;
  if (p.location != kNoLocation) {
    const Tick end = after_days(at(s_.reception.reception_end_days));
    schedule(end, kReceptionEnds, id, p.epoch);
  } else {
    set_stage(id, Stage::kLimbo);
    k_.rec.stock_add(k_.m.limbo, now(), 1);
  }
  departure_.start_departure(id);
}

}  // namespace asylumsim::model
