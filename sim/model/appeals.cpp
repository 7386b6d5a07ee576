// Stage 4 — appeals: beroep at the district court (with provisional relief, vovo) and hoger beroep
// at the Council of State. Upheld decisions become final; annulled ones go back to the IND, where
// they are decided again with priority (a permit then counts as side inflow).
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::on_rejection(PersonId id) {
  const Track t = static_cast<Track>(persons_[id].track);
  if (!rng_.appeals.bernoulli(at(s_.appeals.appeal_share[t]))) {
    final_rejection(id);
    return;
  }
  rec_.count(m_.court_inflow);
  rec_.count(m_.court_appeals);
  if (rng_.appeals.bernoulli(at(s_.appeals.provisional_relief_share[t]))) {
    rec_.count(m_.court_inflow);
    rec_.count(m_.court_relief);
  }
  set_stage(id, Stage::kInAppeal);
  schedule(after_days(draw(s_.appeals.court_duration[t], rng_.appeals)), kCourtRuling, id);
}

void ChainModel::on_court_ruling(PersonId id) {
  rec_.count(m_.court_rulings);
  const bool upheld = rng_.appeals.bernoulli(at(s_.appeals.court_upheld_share));
  if (upheld) rec_.count(m_.court_upheld);
  // The losing side may take the case to the Council of State.
  if (rng_.appeals.bernoulli(at(s_.appeals.higher_appeal_share))) {
    rec_.count(m_.council_inflow);
    schedule(after_days(draw(s_.appeals.council_duration, rng_.appeals)), kCouncilRuling, id,
             upheld ? 1u : 0u);
    return;
  }
  if (upheld) {
    final_rejection(id);
  } else {
    persons_[id].flags |= flag::kReopened;
    enqueue_ind(id, static_cast<Track>(persons_[id].track), 0);
    start_legal_term(id);
  }
}

void ChainModel::on_council_ruling(PersonId id) {
  if (rng_.appeals.bernoulli(at(s_.appeals.council_upheld_share))) {
    final_rejection(id);
  } else {
    persons_[id].flags |= flag::kReopened;
    enqueue_ind(id, static_cast<Track>(persons_[id].track), 0);
    start_legal_term(id);
  }
}

void ChainModel::final_rejection(PersonId id) {
  Person& p = persons_[id];
  rec_.count(m_.dtenv_inflow);
  set_stage(id, Stage::kRejected);
  ++p.epoch;
  if (p.location != kNoLocation) {
    const Tick end = after_days(at(s_.reception.reception_end_days));
    schedule(end, kReceptionEnds, id, p.epoch);
  } else {
    set_stage(id, Stage::kLimbo);
    rec_.stock_add(m_.limbo, now(), 1);
  }
  start_departure(id);
}

}  // namespace asylumsim::model
