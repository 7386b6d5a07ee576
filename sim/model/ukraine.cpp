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
#include <algorithm>
#include <cmath>

#include "asylumsim/engine/counts.hpp"
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;
using engine::binomial_count;
using engine::poisson_count;

void ChainModel::record_ukraine() {
  rec_.stock_set(m_.ukraine_registered, now(), static_cast<double>(ukraine_registered_));
  rec_.stock_set(m_.ukraine_municipal, now(),
                 static_cast<double>(ukraine_municipal_ + activated_in_municipal_));
  rec_.stock_set(m_.ukraine_capacity, now(), at(s_.ukraine.municipal_capacity));
}

void ChainModel::start_ukraine() {
  if (!s_.ukraine.enabled) return;
  ukraine_registered_ = static_cast<std::int64_t>(s_.ukraine.registered_at_start);
  const double wanting = at(s_.ukraine.municipal_share) * static_cast<double>(ukraine_registered_);
  ukraine_municipal_ =
      static_cast<std::int64_t>(std::min(wanting, at(s_.ukraine.municipal_capacity)));
  record_ukraine();
  if (s_.ukraine.protection_end != engine::kNever)
    schedule(s_.ukraine.protection_end, kProtectionEnds, 0, 0, engine::Priority::kSchedule);
}

void ChainModel::ukraine_daily() {
  if (!s_.ukraine.enabled) return;
  auto& rng = rng_.ukraine;
  const double hazard = 1.0 - std::exp(-1.0 / (at(s_.ukraine.mean_stay_years) * 365.25));
  const std::int64_t private_stock = ukraine_registered_ - ukraine_municipal_;
  const std::int64_t left_municipal = binomial_count(ukraine_municipal_, hazard, rng);
  const std::int64_t left_private = binomial_count(private_stock, hazard, rng);
  const bool open = now() < s_.ukraine.protection_end;
  const std::int64_t arrived =
      open ? poisson_count(at(s_.ukraine.registrations_per_year) / 365.25, rng) : 0;
  ukraine_municipal_ -= left_municipal;
  ukraine_registered_ += arrived - left_municipal - left_private;
  const auto capacity = std::max<std::int64_t>(
      0, static_cast<std::int64_t>(at(s_.ukraine.municipal_capacity)) - activated_in_municipal_);
  const std::int64_t joining = binomial_count(arrived, at(s_.ukraine.municipal_share), rng);
  ukraine_municipal_ = std::min(capacity, ukraine_municipal_ + joining);  // a cut moves people out
  rec_.count(m_.ukraine_arrivals, static_cast<double>(arrived));
  rec_.count(m_.ukraine_departures, static_cast<double>(left_municipal + left_private));
  record_ukraine();
}

void ChainModel::on_protection_ends() {
  const bool transition = s_.ukraine.transition_status;
  const double share =
      transition ? at(s_.ukraine.transition_activation_share) : at(s_.ukraine.activation_share);
  const std::int64_t from_municipal = binomial_count(ukraine_municipal_, share, rng_.ukraine);
  const std::int64_t from_private =
      binomial_count(ukraine_registered_ - ukraine_municipal_, share, rng_.ukraine);
  for (std::int64_t i = 0; i < from_municipal + from_private; ++i) activate(i < from_municipal);
  rec_.count(m_.ukraine_activated, static_cast<double>(from_municipal + from_private));
  ukraine_municipal_ -= from_municipal;
  ukraine_registered_ -= from_municipal + from_private;
  if (!transition) {  // without a status to stay on, the others leave
    rec_.count(m_.ukraine_departures, static_cast<double>(ukraine_registered_));
    ukraine_registered_ = 0;
    ukraine_municipal_ = 0;
  }
  record_ukraine();
}

// One dormant application taken up. Only those who were in municipal reception can keep it.
void ChainModel::activate(bool in_municipal_reception) {
  const auto group = static_cast<std::uint8_t>(s_.ukraine.activated_group);
  const PersonId id = new_person(Origin::kUkraine, group);
  const Track track = draw_track(group, rng_.ukraine);
  if (s_.ukraine.activated_in_coa) {
    enter_coa(id, kPol, kIntakeUkraineActivation);
  } else if (in_municipal_reception) {
    persons_[id].flags |= flag::kMunicipal;
    ++activated_in_municipal_;
  }
  enqueue_ind(id, track, 1);
  start_legal_term(id);
}

// Called when an activated applicant in municipal reception reaches a stage outside it.
void ChainModel::leave_municipal_reception(PersonId id) {
  persons_[id].flags &= static_cast<std::uint8_t>(~flag::kMunicipal);
  --activated_in_municipal_;
  rec_.stock_set(m_.ukraine_municipal, now(),
                 static_cast<double>(ukraine_municipal_ + activated_in_municipal_));
}

}  // namespace asylumsim::model
