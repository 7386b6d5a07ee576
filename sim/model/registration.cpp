// Stage 2 — registration in Ter Apel (aanmeldcentrum, capped at 2,000 residents), the EU Pact
// screening from its start date, and assignment to an IND track (spoor).
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::register_person(PersonId id) {
  enter_coa(id, kCol, kIntakeRegistration);
  double days = draw(s_.registration.duration, rng_.registration);
  if (now() >= s_.registration.screening_from)
    days += draw(s_.registration.screening, rng_.screening);
  schedule(after_days(days), kRegistrationDone, id);
}

Track ChainModel::draw_track(std::uint8_t group, engine::RandomStream& rng) {
  const auto& shares = s_.groups[group].track_share;
  double u = rng.uniform01();
  for (int t = 0; t < kTracks - 1; ++t) {
    u -= at(shares[t]);
    if (u < 0) return static_cast<Track>(t);
  }
  return kVA;
}

// A Dublin claim goes out for a share of the Dublin-track cases. If the requested state refuses
// it, the Netherlands is responsible and the case joins the AA queue at once: its place there
// follows the application date, and the claim's answer (two months at most) comes long before an
// AA decision would, so the time the claim takes is not modelled.
Track ChainModel::send_dublin_claim() {
  if (!rng_.dublin_claims.bernoulli(at(s_.inflow.dublin_claims_sent_share))) return kDublin;
  rec_.count(m_.dublin_claims_sent);
  const double refused = at(s_.ind.dublin_claim_refused_share);
  if (refused > 0 && rng_.dublin_refusal.bernoulli(refused))
    return kAA;  // no draw at 0: streams align
  return kDublin;
}

void ChainModel::on_registration_done(PersonId id) {
  Person& p = persons_[id];
  Track track = kAA;
  switch (p.origin) {
    case Origin::kFirst: {
      track = draw_track(p.group, rng_.tracks);
      if (track == kDublin) track = send_dublin_claim();
      if (track == kAA || track == kVA) rec_.count(m_.first_aa_va);
      break;
    }
    case Origin::kRepeat:
      track = kSafeCountry;
      break;  // short procedure (assumption)
    default:
      track = kAA;
      break;  // relocation and Dublin transfers in: NL is responsible
  }
  const bool to_nidos =
      (p.flags & flag::kAmv) && rng_.nidos.bernoulli(at(s_.reception.amv_nidos_share));
  move_coa(id, to_nidos ? kNidos : (track == kVA ? kAzc : kPol));
  enqueue_ind(id, track, rng_.ind_priority.bernoulli(at(s_.ind.priority_share[track])) ? 0u : 1u);
  schedule_legal_term_expiry(id, p.applied + engine::ticks_from_days(at(s_.ind.legal_term_days)),
                             rng_.legal_term_notice);
}

}  // namespace asylumsim::model
