// Stage 5 — COA reception: the right to reception from registration until housing, departure or
// leaving unsupervised; it ends 4 weeks after a final rejection, except for families with minors
// (family locations) and those moved to the VBL. Location types with capacities by date and an
// overflow chain ending in emergency reception. Nidos small-scale reception is tracked apart: it
// is not COA occupancy. People who left with unknown destination may come back and re-register
// (a new reception contract, brief 1.4).
#include "asylumsim/model/stages/reception.hpp"

#include <algorithm>

#include "asylumsim/model/stages/departure.hpp"
#include "asylumsim/model/stages/ind.hpp"

namespace asylumsim::model {

using namespace scenario;

ReceptionStage::ReceptionStage(Kernel& k, DepartureStage& departure, IndStage& ind)
    : StageBase(k),
      departure_(departure),
      ind_(ind),
      coa_(kLocations),
      vbl_rng_(k.stream("reception.vbl")),
      re_registration_rng_(k.stream("reception.re_registration")),
      re_registration_outside_rng_(k.stream("reception.re_registration.outside")) {
  // Overflow chain: Ter Apel (COL) and POL spill into AZC, AZC into TGO, TGO into emergency
  // reception (noodopvang), which accepts everyone: nobody is turned away.
  coa_.set_overflow(kCol, kEmergency);
  coa_.set_overflow(kPol, kAzc);
  coa_.set_overflow(kAzc, kTgo);
  coa_.set_overflow(kTgo, kEmergency);
  coa_.set_overflow(kFamilyLocation, kAzc);
  coa_.set_overflow(kVbl, kAzc);
  coa_.set_overflow(kNidos, kAzc);  // minors Nidos cannot take stay in an AZC
}

void ReceptionStage::enter_coa(PersonId id, Location preferred, Intake intake) {
  Person& p = k_.persons[id];
  const int loc = coa_.admit(preferred);
  p.location = static_cast<std::uint8_t>(loc);
  p.coa_since = now();
  k_.rec.stock_add(k_.m.coa_by_location[loc], now(), 1);
  if (loc == kNidos) return;
  k_.add_resident(id);
  if (intake != kIntakeNone) {
    k_.rec.count(k_.m.coa_received);
    k_.rec.count(k_.m.coa_received_from[intake]);
  }
  k_.rec.stock_add(k_.m.coa_occupancy, now(), 1);
  k_.rec.stock_add(k_.gm.coa_residents[p.group], now(), 1);
  if (p.flags & flag::kAmv) k_.rec.stock_add(k_.m.coa_amv, now(), 1);
  if (p.stage == Stage::kPermitHolder) {
    k_.rec.stock_add(k_.m.coa_permit_holders, now(), 1);
    k_.rec.stock_add(k_.m.housing_waiting, now(), 1);
  }
}

void ReceptionStage::move_coa(PersonId id, Location preferred) {
  Person& p = k_.persons[id];
  if (p.location == preferred) return;
  if (p.location == kNoLocation) {
    enter_coa(id, preferred, kIntakeOther);
    return;
  }
  const bool was_coa = p.location != kNidos;
  coa_.leave(p.location);
  k_.rec.stock_add(k_.m.coa_by_location[p.location], now(), -1);
  const int loc = coa_.admit(preferred);
  const bool to_coa = loc != kNidos;  // Nidos may be full: the minor then stays in COA
  k_.rec.stock_add(k_.m.coa_by_location[loc], now(), 1);
  p.location = static_cast<std::uint8_t>(loc);
  if (was_coa != to_coa) {
    // Moving between Nidos and COA changes COA occupancy (not a new reception contract).
    const double d = to_coa ? 1 : -1;
    if (to_coa) {
      k_.add_resident(id);
    } else {
      k_.drop_resident(id);
    }
    k_.rec.stock_add(k_.m.coa_occupancy, now(), d);
    k_.rec.stock_add(k_.gm.coa_residents[p.group], now(), d);
    if (p.flags & flag::kAmv) k_.rec.stock_add(k_.m.coa_amv, now(), d);
  }
}

void ReceptionStage::leave_coa(PersonId id) {
  Person& p = k_.persons[id];
  if (p.location == kNoLocation) return;
  coa_.leave(p.location);
  k_.rec.stock_add(k_.m.coa_by_location[p.location], now(), -1);
  if (p.location != kNidos) {
    k_.drop_resident(id);
    k_.rec.count(k_.m.coa_left);
    k_.rec.stock_add(k_.m.coa_occupancy, now(), -1);
    k_.rec.stock_add(k_.gm.coa_residents[p.group], now(), -1);
    if (p.flags & flag::kAmv) k_.rec.stock_add(k_.m.coa_amv, now(), -1);
    if (p.stage == Stage::kPermitHolder) {
      k_.rec.stock_add(k_.m.coa_permit_holders, now(), -1);
      k_.rec.stock_add(k_.m.housing_waiting, now(), -1);
    }
  }
  p.location = kNoLocation;
}

double ReceptionStage::refresh_capacity() {
  double total = 0;
  for (int l = 0; l < kLocations; ++l) {
    double c = at(s_.reception.capacity[l]);
    if (l == kCol) c = std::min(c, at(s_.registration.ter_apel_cap));
    coa_.set_capacity(l, static_cast<std::int64_t>(c));
    if (l != kNidos) total += c;
  }
  k_.rec.stock_set(k_.m.coa_capacity, now(), total);
  return total;
}

// Costs of the day ahead at the scenario's rates (occupancy and places as the day starts).
void ReceptionStage::accrue_daily_costs(double coa_places) {
  const auto occupied = static_cast<double>(k_.residents.size());
  k_.rec.count(k_.m.cost_coa_occupied, occupied * at(s_.costs.coa_occupied_place_per_day));
  k_.rec.count(k_.m.cost_coa_empty,
               std::max(0.0, coa_places - occupied) * at(s_.costs.coa_empty_place_per_day));
  k_.rec.count(k_.m.cost_measures, at(s_.costs.measures_per_month) * 12.0 / 365.25);
}

void ReceptionStage::schedule_coming_of_age(PersonId id, engine::RandomStream& rng) {
  const auto& adulthood = s_.reception.amv_time_to_adulthood;
  if (adulthood) schedule(after_days(draw(*adulthood, rng)), kComesOfAge, id);
}

bool ReceptionStage::on_comes_of_age(PersonId id) {
  Person& p = k_.persons[id];
  if (!(p.flags & flag::kAmv)) return false;
  p.flags &= static_cast<std::uint8_t>(~flag::kAmv);
  if (p.location != kNoLocation && p.location != kNidos) k_.rec.stock_add(k_.m.coa_amv, now(), -1);
  // A rejected minor kept reception only as a minor; as an adult it ends as for anyone.
  if (p.stage == Stage::kRejected && p.location != kFamilyLocation && p.location != kVbl)
    on_reception_ends(id, p.epoch);
  return true;
}

void ReceptionStage::on_reception_ends(PersonId id, std::uint32_t epoch) {
  Person& p = k_.persons[id];
  if (p.stage != Stage::kRejected || p.epoch != epoch) return;
  if (p.flags & flag::kFamilyMinors) {
    move_coa(id, kFamilyLocation);  // families with minor children keep reception
    return;
  }
  if (p.flags & flag::kAmv) return;  // minors keep reception until they come of age (assumption)
  if (vbl_rng_.bernoulli(at(s_.reception.vbl_share))) {
    move_coa(id, kVbl);
    return;
  }
  leave_coa(id);
  set_stage(id, Stage::kLimbo);
  k_.rec.stock_add(k_.m.limbo, now(), 1);
}

// The statistics count leaving with unknown destination as an unsupervised departure when it
// happens, and so does the model; a share of these people re-register later. Whether one will is
// drawn now, on a stream of its own (no draw at share 0).
void ReceptionStage::leave_with_unknown_destination(PersonId id, bool absconded) {
  k_.rec.count(k_.m.chain_unsupervised);
  const auto& rr = s_.reception.re_registration;
  const double share = at(absconded ? rr.absconded_share : rr.rejected_share);
  if (share <= 0 || !re_registration_rng_.bernoulli(share)) {
    departure_.leave_chain(id);
    return;
  }
  Person& p = k_.persons[id];
  if (p.stage == Stage::kLimbo) k_.rec.stock_add(k_.m.limbo, now(), -1);
  leave_coa(id);
  ++p.epoch;  // events of the earlier stay (reception end, departure route) no longer apply
  set_stage(id, Stage::kAway);
  k_.rec.stock_add(k_.m.away, now(), 1);
  schedule(after_days(draw(rr.delay, re_registration_rng_)), kReRegistration, id,
           absconded ? 1u : 0u);
}

// Back at COA with a new reception contract. A Dublin claimant's transfer term has passed, so the
// Netherlands decides in AA; someone who absconded from the procedure takes it up again (the
// application date stands, so the lead time includes the time away); a rejected person is back in
// the DTenV caseload, with reception for the usual 4 weeks and a new departure route — or, for
// `outside_reception_share` of them, back in the caseload without reception (no draw at share 0).
void ReceptionStage::on_re_registration(PersonId id, std::uint32_t absconded) {
  Person& p = k_.persons[id];
  k_.rec.stock_add(k_.m.away, now(), -1);
  if (p.track == kDublin || absconded) {
    enter_coa(id, kPol, kIntakeReRegistration);
    const bool dublin = p.track == kDublin;  // the transfer term passed: the Netherlands decides
    ind_.enqueue(id, dublin ? kAA : static_cast<Track>(p.track), 1);
    if (dublin)
      ind_.start_legal_term(id);
    else
      ind_.resume_legal_term(id);
    return;
  }
  k_.rec.count(k_.m.dtenv_inflow);
  const double outside = at(s_.reception.re_registration.outside_reception_share);
  if (outside > 0 && re_registration_outside_rng_.bernoulli(outside)) {
    k_.rec.count(k_.m.dtenv_reentries_outside_reception);
    set_stage(id, Stage::kLimbo);
    k_.rec.stock_add(k_.m.limbo, now(), 1);
    departure_.start_departure(id);
    return;
  }
  enter_coa(id, kAzc, kIntakeReRegistration);
  set_stage(id, Stage::kRejected);
  schedule(after_days(at(s_.reception.reception_end_days)), kReceptionEnds, id, p.epoch);
  departure_.start_departure(id);
}

}  // namespace asylumsim::model
