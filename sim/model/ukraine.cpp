// Stage 9 — displaced persons from Ukraine under EU temporary protection: a parallel system with
// municipal reception (GOO), registrations and departures. When protection ends, a share activates
// its dormant asylum application (a smaller share when a transition status is offered) and joins
// the IND's AA track; without a transition status the others leave.
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::admit_ukrainian(PersonId id) {
  Person& p = persons_[id];
  set_stage(id, Stage::kTemporaryProtection);
  rec_.stock_add(m_.ukraine_registered, now(), 1);
  if (static_cast<double>(ukraine_municipal_) < at(s_.ukraine.municipal_capacity) &&
      rng_.ukraine.bernoulli(at(s_.ukraine.municipal_share))) {
    p.flags |= flag::kMunicipal;
    ++ukraine_municipal_;
    rec_.stock_add(m_.ukraine_municipal, now(), 1);
  }
  const double stay_days = rng_.ukraine.exponential(at(s_.ukraine.mean_stay_years) * 365.25);
  schedule(after_days(stay_days), kUkraineDeparture, id);
}

void ChainModel::start_ukraine() {
  if (!s_.ukraine.enabled) return;
  rec_.stock_set(m_.ukraine_capacity, now(), at(s_.ukraine.municipal_capacity));
  const auto n = static_cast<std::int64_t>(s_.ukraine.registered_at_start);
  for (std::int64_t i = 0; i < n; ++i) admit_ukrainian(new_person(Origin::kUkraine, 0));
  schedule_next_arrival(kUkraineArrival, 0);
  if (s_.ukraine.protection_end != engine::kNever)
    schedule(s_.ukraine.protection_end, kProtectionEnds, 0, 0, engine::Priority::kSchedule);
}

void ChainModel::on_ukraine_arrival() {
  rec_.count(m_.ukraine_arrivals);
  admit_ukrainian(new_person(Origin::kUkraine, 0));
  schedule_next_arrival(kUkraineArrival, 0);
}

void ChainModel::on_ukraine_departure(PersonId id) {
  Person& p = persons_[id];
  if (p.stage != Stage::kTemporaryProtection) return;
  rec_.count(m_.ukraine_departures);
  rec_.stock_add(m_.ukraine_registered, now(), -1);
  if (p.flags & flag::kMunicipal) {
    p.flags &= static_cast<std::uint8_t>(~flag::kMunicipal);
    --ukraine_municipal_;
    rec_.stock_add(m_.ukraine_municipal, now(), -1);
  }
  set_stage(id, Stage::kDeparted);
}

void ChainModel::on_protection_ends() {
  const bool transition = s_.ukraine.transition_status;
  const double share =
      transition ? at(s_.ukraine.transition_activation_share) : at(s_.ukraine.activation_share);
  const auto n = static_cast<PersonId>(persons_.size());
  for (PersonId id = 0; id < n; ++id) {
    if (persons_[id].stage != Stage::kTemporaryProtection) continue;
    if (rng_.ukraine.bernoulli(share)) {
      // The dormant application is activated; the person keeps municipal housing while the IND
      // decides (assumption), so the load falls on the IND, not on COA places.
      rec_.count(m_.ukraine_activated);
      rec_.stock_add(m_.ukraine_registered, now(), -1);
      if (persons_[id].flags & flag::kMunicipal) {
        --ukraine_municipal_;
        rec_.stock_add(m_.ukraine_municipal, now(), -1);
      }
      persons_[id].applied = now();
      enqueue_ind(id, kAA, 1);
    } else if (!transition) {
      on_ukraine_departure(id);
    }
  }
}

}  // namespace asylumsim::model
