// Stage 2 — registration in Ter Apel (aanmeldcentrum, capped at 2,000 residents), the EU Pact
// screening from its start date, and assignment to an IND track (spoor).
#include "asylumsim/model/stages/registration.hpp"

#include <algorithm>

#include "asylumsim/model/household.hpp"
#include "asylumsim/model/stages/ind.hpp"
#include "asylumsim/model/stages/reception.hpp"

namespace asylumsim::model {

using namespace scenario;

RegistrationStage::RegistrationStage(Kernel& k, ReceptionStage& reception, IndStage& ind)
    : StageBase(k),
      reception_(reception),
      ind_(ind),
      rng_(k.stream("registration")),
      screening_rng_(k.stream("registration.screening")),
      tracks_rng_(k.stream("registration.tracks")),
      dublin_claims_rng_(k.stream("registration.dublin_claims")),
      dublin_refusal_rng_(k.stream("registration.dublin_refusal")),
      nidos_rng_(k.stream("reception.nidos")) {}

void RegistrationStage::register_person(PersonId id) {
  reception_.enter_coa(id, kCol, kIntakeRegistration);
  double days = draw(s_.registration.duration, rng_);
  if (now() >= s_.registration.screening_from)
    days += draw(s_.registration.screening, screening_rng_);
  schedule(after_days(days), kRegistrationDone, id);
}

Track RegistrationStage::draw_track(std::uint8_t group, engine::RandomStream& rng) {
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
Track RegistrationStage::send_dublin_claim(bool& sent) {
  if (!dublin_claims_rng_.bernoulli(at(s_.inflow.dublin_claims_sent_share))) return kDublin;
  k_.rec.count(k_.m.dublin_claims_sent);
  sent = true;
  const double refused = at(s_.ind.dublin_claim_refused_share);
  if (refused > 0 && dublin_refusal_rng_.bernoulli(refused))
    return kAA;  // no draw at 0: streams align
  return kDublin;
}

// A member of the household already waiting for the IND, or kNoPerson.
PersonId RegistrationStage::household_member_waiting(PersonId id) const {
  PersonId waiting = kNoPerson;
  for_each_in_household(k_.persons, k_.persons[id].head, [&](PersonId m) {
    const Person& other = k_.persons[m];
    if (waiting == kNoPerson && m != id && other.stage == Stage::kIndWaiting &&
        other.origin == Origin::kFirst)
      waiting = m;
  });
  return waiting;
}

// A household's application is one case: the first of it to register draws the track (with the
// Dublin claim) and the priority, and the others take them (claims count per person). A member
// joins a member still waiting, in its current track (a referral to the extended procedure moves
// the household) and the ordinary line: the IND decides them when the first of them comes up,
// which has the household's priority. A member registering after the others were decided is a
// case of its own, in the household's track and with its priority.
void RegistrationStage::join_household_case(PersonId id) {
  const HouseholdCase& c = cases_[k_.persons[id].head];
  const PersonId waiting = household_member_waiting(id);
  const auto track = waiting != kNoPerson ? static_cast<Track>(k_.persons[waiting].track)
                                          : static_cast<Track>(c.track);
  if (c.claim_sent) k_.rec.count(k_.m.dublin_claims_sent);
  if (track == kAA || track == kVA) k_.rec.count(k_.m.first_aa_va);
  if (waiting == kNoPerson) {
    enter_ind(id, track, c.priority);
    return;
  }
  // The household's further investigation was drawn already; a household referred to the
  // extended procedure is in its line by the date of referral, so the member is placed by today.
  k_.persons[id].flags |= k_.persons[waiting].flags & flag::kInvestigated;
  enter_ind(id, track, 1, track != static_cast<Track>(c.track) ? now() : engine::kNever);
}

void RegistrationStage::on_registration_done(PersonId id) {
  Person& p = k_.persons[id];
  Track track = kAA;
  switch (p.origin) {
    case Origin::kFirst: {
      const bool in_household = p.head != id || p.next_member != kNoPerson;
      if (in_household && p.head < cases_.size() && cases_[p.head].drawn) {
        join_household_case(id);
        return;
      }
      bool claim_sent = false;
      track = draw_track(p.group, tracks_rng_);
      if (track == kDublin) track = send_dublin_claim(claim_sent);
      if (track == kAA || track == kVA) k_.rec.count(k_.m.first_aa_va);
      const unsigned priority = ind_.draw_priority(track);
      if (in_household) {
        if (p.head >= cases_.size())
          cases_.resize(std::max<std::size_t>(p.head + 1, 2 * cases_.size()));
        cases_[p.head] = {static_cast<std::uint8_t>(track), static_cast<std::uint8_t>(priority),
                          claim_sent, true};
      }
      enter_ind(id, track, priority);
      return;
    }
    case Origin::kRepeat:
      track = kSafeCountry;
      break;  // short procedure (assumption)
    default:
      track = kAA;
      break;  // relocation and Dublin transfers in: NL is responsible
  }
  enter_ind(id, track, ind_.draw_priority(track));
}

// Into reception for the procedure (Nidos for part of the unaccompanied minors) and the IND's
// queue, where the legal decision term runs from the application.
void RegistrationStage::enter_ind(PersonId id, Track track, unsigned priority, Tick line_key) {
  const Person& p = k_.persons[id];
  const bool to_nidos =
      (p.flags & flag::kAmv) && nidos_rng_.bernoulli(at(s_.reception.amv_nidos_share));
  reception_.move_coa(id, to_nidos ? kNidos : (track == kVA ? kAzc : kPol));
  ind_.enqueue(id, track, priority, line_key);
  ind_.schedule_legal_term_expiry(id,
                                  p.applied + engine::ticks_from_days(at(s_.ind.legal_term_days)));
}

}  // namespace asylumsim::model
