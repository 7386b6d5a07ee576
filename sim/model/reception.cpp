// Stage 5 — COA reception: the right to reception from registration until housing, departure or
// leaving unsupervised; it ends 4 weeks after a final rejection, except for families with minors
// (family locations) and those moved to the VBL. Location types with capacities by date and an
// overflow chain ending in emergency reception. Nidos small-scale reception is tracked apart: it
// is not COA occupancy. People who left with unknown destination may come back and re-register
// (a new reception contract, brief 1.4).
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::enter_coa(PersonId id, Location preferred, Intake intake) {
  Person& p = persons_[id];
  const int loc = coa_.admit(preferred);
  p.location = static_cast<std::uint8_t>(loc);
  p.coa_since = now();
  rec_.stock_add(m_.coa_by_location[loc], now(), 1);
  if (loc == kNidos) return;
  add_resident(id);
  if (intake != kIntakeNone) {
    rec_.count(m_.coa_received);
    rec_.count(m_.coa_received_from[intake]);
  }
  rec_.stock_add(m_.coa_occupancy, now(), 1);
  rec_.stock_add(gm_.coa_residents[p.group], now(), 1);
  if (p.flags & flag::kAmv) rec_.stock_add(m_.coa_amv, now(), 1);
  if (p.stage == Stage::kPermitHolder) {
    rec_.stock_add(m_.coa_permit_holders, now(), 1);
    rec_.stock_add(m_.housing_waiting, now(), 1);
  }
}

void ChainModel::move_coa(PersonId id, Location preferred) {
  Person& p = persons_[id];
  if (p.location == preferred) return;
  if (p.location == kNoLocation) {
    enter_coa(id, preferred, kIntakeOther);
    return;
  }
  const bool was_coa = p.location != kNidos;
  coa_.leave(p.location);
  rec_.stock_add(m_.coa_by_location[p.location], now(), -1);
  const int loc = coa_.admit(preferred);
  const bool to_coa = loc != kNidos;  // Nidos may be full: the minor then stays in COA
  rec_.stock_add(m_.coa_by_location[loc], now(), 1);
  p.location = static_cast<std::uint8_t>(loc);
  if (was_coa != to_coa) {
    // Moving between Nidos and COA changes COA occupancy (not a new reception contract).
    const double d = to_coa ? 1 : -1;
    if (to_coa) {
      add_resident(id);
    } else {
      drop_resident(id);
    }
    rec_.stock_add(m_.coa_occupancy, now(), d);
    rec_.stock_add(gm_.coa_residents[p.group], now(), d);
    if (p.flags & flag::kAmv) rec_.stock_add(m_.coa_amv, now(), d);
  }
}

void ChainModel::leave_coa(PersonId id) {
  Person& p = persons_[id];
  if (p.location == kNoLocation) return;
  coa_.leave(p.location);
  rec_.stock_add(m_.coa_by_location[p.location], now(), -1);
  if (p.location != kNidos) {
    drop_resident(id);
    rec_.count(m_.coa_left);
    rec_.stock_add(m_.coa_occupancy, now(), -1);
    rec_.stock_add(gm_.coa_residents[p.group], now(), -1);
    if (p.flags & flag::kAmv) rec_.stock_add(m_.coa_amv, now(), -1);
    if (p.stage == Stage::kPermitHolder) {
      rec_.stock_add(m_.coa_permit_holders, now(), -1);
      rec_.stock_add(m_.housing_waiting, now(), -1);
    }
  }
  p.location = kNoLocation;
}

void ChainModel::add_resident(PersonId id) {
  Person& p = persons_[id];
  p.resident_slot = static_cast<std::uint32_t>(residents_.size());
  residents_.push_back(id);
  resident_census_.push_back(
      {p.coa_since, p.stage == Stage::kPermitHolder ? p.permit_at : engine::kNever});
}

// O(1) removal from the resident list: the last resident takes the leaver's slot.
void ChainModel::drop_resident(PersonId id) {
  const std::uint32_t slot = persons_[id].resident_slot;
  const PersonId last = residents_.back();
  residents_[slot] = last;
  resident_census_[slot] = resident_census_.back();
  persons_[last].resident_slot = slot;
  residents_.pop_back();
  resident_census_.pop_back();
  persons_[id].resident_slot = kNoPerson;
}

double ChainModel::refresh_reception_capacity() {
  double total = 0;
  for (int l = 0; l < kLocations; ++l) {
    double c = at(s_.reception.capacity[l]);
    if (l == kCol) c = std::min(c, at(s_.registration.ter_apel_cap));
    coa_.set_capacity(l, static_cast<std::int64_t>(c));
    if (l != kNidos) total += c;
  }
  rec_.stock_set(m_.coa_capacity, now(), total);
  return total;
}

void ChainModel::schedule_coming_of_age(PersonId id, engine::RandomStream& rng) {
  const auto& adulthood = s_.reception.amv_time_to_adulthood;
  if (adulthood) schedule(after_days(draw(*adulthood, rng)), kComesOfAge, id);
}

void ChainModel::on_comes_of_age(PersonId id) {
  Person& p = persons_[id];
  if (!(p.flags & flag::kAmv)) return;
  p.flags &= static_cast<std::uint8_t>(~flag::kAmv);
  if (p.location != kNoLocation && p.location != kNidos) rec_.stock_add(m_.coa_amv, now(), -1);
  // A rejected minor kept reception only as a minor; as an adult it ends as for anyone.
  if (p.stage == Stage::kRejected && p.location != kFamilyLocation && p.location != kVbl)
    on_reception_ends(id, p.epoch);
}

void ChainModel::on_reception_ends(PersonId id, std::uint32_t epoch) {
  Person& p = persons_[id];
  if (p.stage != Stage::kRejected || p.epoch != epoch) return;
  if (p.flags & flag::kFamilyMinors) {
    move_coa(id, kFamilyLocation);  // families with minor children keep reception
    return;
  }
  if (p.flags & flag::kAmv) return;  // minors keep reception until they come of age (assumption)
  if (rng_.vbl.bernoulli(at(s_.reception.vbl_share))) {
    move_coa(id, kVbl);
    return;
  }
  leave_coa(id);
  set_stage(id, Stage::kLimbo);
  rec_.stock_add(m_.limbo, now(), 1);
}

// The statistics count leaving with unknown destination as an unsupervised departure when it
// happens, and so does the model; a share of these people re-register later. Whether one will is
// drawn now, on a stream of its own (no draw at share 0).
void ChainModel::leave_with_unknown_destination(PersonId id, bool absconded) {
  rec_.count(m_.chain_unsupervised);
  const auto& rr = s_.reception.re_registration;
  const double share = at(absconded ? rr.absconded_share : rr.rejected_share);
  if (share <= 0 || !rng_.re_registration.bernoulli(share)) {
    leave_chain(id);
    return;
  }
  Person& p = persons_[id];
  if (p.stage == Stage::kLimbo) rec_.stock_add(m_.limbo, now(), -1);
  leave_coa(id);
  ++p.epoch;  // events of the earlier stay (reception end, departure route) no longer apply
  set_stage(id, Stage::kAway);
  rec_.stock_add(m_.away, now(), 1);
  schedule(after_days(draw(rr.delay, rng_.re_registration)), kReRegistration, id,
           absconded ? 1u : 0u);
}

// Back at COA with a new reception contract. A Dublin claimant's transfer term has passed, so the
// Netherlands decides in AA; someone who absconded from the procedure takes it up again (the
// application date stands, so the lead time includes the time away); a rejected person is back in
// the DTenV caseload, with reception for the usual 4 weeks and a new departure route — or, for
// `outside_reception_share` of them, back in the caseload without reception (no draw at share 0).
void ChainModel::on_re_registration(PersonId id, std::uint32_t absconded) {
  Person& p = persons_[id];
  rec_.stock_add(m_.away, now(), -1);
  if (p.track == kDublin || absconded) {
    enter_coa(id, kPol, kIntakeReRegistration);
    const bool dublin = p.track == kDublin;  // the transfer term passed: the Netherlands decides
    enqueue_ind(id, dublin ? kAA : static_cast<Track>(p.track), 1);
    if (dublin)
      start_legal_term(id);
    else
      resume_legal_term(id);
    return;
  }
  rec_.count(m_.dtenv_inflow);
  const double outside = at(s_.reception.re_registration.outside_reception_share);
  if (outside > 0 && rng_.re_registration_outside.bernoulli(outside)) {
    rec_.count(m_.dtenv_reentries_outside_reception);
    set_stage(id, Stage::kLimbo);
    rec_.stock_add(m_.limbo, now(), 1);
    start_departure(id);
    return;
  }
  enter_coa(id, kAzc, kIntakeReRegistration);
  set_stage(id, Stage::kRejected);
  schedule(after_days(at(s_.reception.reception_end_days)), kReceptionEnds, id, p.epoch);
  start_departure(id);
}

}  // namespace asylumsim::model
