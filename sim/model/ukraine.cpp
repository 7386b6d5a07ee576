// Stage 9 — displaced persons from Ukraine under EU temporary protection: a parallel system with
// its own municipal reception (GOO). It is a stock-flow model with daily stochastic flows rather
// than person records: nothing in it depends on a person's history until protection ends, and at
// ~130,000 persons it would otherwise be two thirds of all records and half of all events.
// Each day: Poisson registrations (until protection ends), binomial departures with the daily
// hazard of the mean stay, and newcomers joining municipal reception while places are free.
// When protection ends a binomial share activates its dormant asylum application — those become
// persons of the scenario's activated group (ukraine.activated_group), in the IND queue by that
// group's track shares, with a legal term from the activation — and, without a transition status,
// the others leave. Activated applicants keep their municipal place while the IND decides (they
// stay in ukraine.municipal_reception until housed, rejected or gone) or move to COA, as the
// scenario says.
#include "asylumsim/model/stages/ukraine.hpp"

#include <algorithm>
#include <cmath>

#include "asylumsim/engine/counts.hpp"
#include "asylumsim/model/stages/ind.hpp"
#include "asylumsim/model/stages/reception.hpp"
#include "asylumsim/model/stages/registration.hpp"

namespace asylumsim::model {

using namespace scenario;

UkraineStage::UkraineStage(Kernel& k, RegistrationStage& registration, ReceptionStage& reception,
                           IndStage& ind)
    : StageBase(k),
      registration_(registration),
      reception_(reception),
      ind_(ind),
      rng_(k.stream("ukraine")) {}
using engine::binomial_count;
using engine::poisson_count;

void UkraineStage::record() {
  k_.rec.stock_set(k_.m.ukraine_registered, now(), static_cast<double>(registered_));
  k_.rec.stock_set(k_.m.ukraine_municipal, now(),
                   static_cast<double>(municipal_ + activated_in_municipal_));
  k_.rec.stock_set(k_.m.ukraine_capacity, now(), at(s_.ukraine.municipal_capacity));
}

void UkraineStage::start() {
  if (!s_.ukraine.enabled) return;
  registered_ = static_cast<std::int64_t>(s_.ukraine.registered_at_start);
  const double wanting = at(s_.ukraine.municipal_share) * static_cast<double>(registered_);
  municipal_ = static_cast<std::int64_t>(std::min(wanting, at(s_.ukraine.municipal_capacity)));
  record();
  if (s_.ukraine.protection_end != engine::kNever)
    schedule(s_.ukraine.protection_end, kProtectionEnds, 0, 0, engine::Priority::kSchedule);
}

void UkraineStage::daily() {
  if (!s_.ukraine.enabled) return;
  auto& rng = rng_;
  const double hazard = 1.0 - std::exp(-1.0 / (at(s_.ukraine.mean_stay_years) * 365.25));
  const std::int64_t private_stock = registered_ - municipal_;
  const std::int64_t left_municipal = binomial_count(municipal_, hazard, rng);
  const std::int64_t left_private = binomial_count(private_stock, hazard, rng);
  const bool open = now() < s_.ukraine.protection_end;
  const std::int64_t arrived =
      open ? poisson_count(at(s_.ukraine.registrations_per_year) / 365.25, rng) : 0;
  municipal_ -= left_municipal;
  registered_ += arrived - left_municipal - left_private;
  const auto capacity = std::max<std::int64_t>(
      0, static_cast<std::int64_t>(at(s_.ukraine.municipal_capacity)) - activated_in_municipal_);
  const std::int64_t joining = binomial_count(arrived, at(s_.ukraine.municipal_share), rng);
  municipal_ = std::min(capacity, municipal_ + joining);  // a cut moves people out
  k_.rec.count(k_.m.ukraine_arrivals, static_cast<double>(arrived));
  k_.rec.count(k_.m.ukraine_departures, static_cast<double>(left_municipal + left_private));
  record();
}

void UkraineStage::on_protection_ends() {
  const bool transition = s_.ukraine.transition_status;
  const double share =
      transition ? at(s_.ukraine.transition_activation_share) : at(s_.ukraine.activation_share);
  const std::int64_t from_municipal = binomial_count(municipal_, share, rng_);
  const std::int64_t from_private = binomial_count(registered_ - municipal_, share, rng_);
  for (std::int64_t i = 0; i < from_municipal + from_private; ++i) activate(i < from_municipal);
  k_.rec.count(k_.m.ukraine_activated, static_cast<double>(from_municipal + from_private));
  municipal_ -= from_municipal;
  registered_ -= from_municipal + from_private;
  if (!transition) {  // without a status to stay on, the others leave
    k_.rec.count(k_.m.ukraine_departures, static_cast<double>(registered_));
    registered_ = 0;
    municipal_ = 0;
  }
  record();
}

// One dormant application taken up. Only those who were in municipal reception can keep it.
void UkraineStage::activate(bool in_municipal_reception) {
  const auto group = static_cast<std::uint8_t>(s_.ukraine.activated_group);
  const PersonId id = k_.new_person(Origin::kUkraine, group);
  const Track track = registration_.draw_track(group, rng_);
  if (s_.ukraine.activated_in_coa) {
    reception_.enter_coa(id, kPol, kIntakeUkraineActivation);
  } else if (in_municipal_reception) {
    k_.persons[id].flags |= flag::kMunicipal;
    ++activated_in_municipal_;
  }
  ind_.enqueue(id, track, 1);
  ind_.start_legal_term(id);
}

// Called when an activated applicant in municipal reception reaches a stage outside it.
void UkraineStage::leave_municipal_reception(PersonId id) {
  k_.persons[id].flags &= static_cast<std::uint8_t>(~flag::kMunicipal);
  --activated_in_municipal_;
  k_.rec.stock_set(k_.m.ukraine_municipal, now(),
                   static_cast<double>(municipal_ + activated_in_municipal_));
}

}  // namespace asylumsim::model
