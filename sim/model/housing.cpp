// Stage 6 — permit holders and housing (taakstelling). A permit holder is linked to a municipality
// (koppeling) and then waits in COA, in household units, for a home. Every half-year has a quota
// (the scenario's series, or the model's own forecast: the permits of the half-year just ended)
// and a municipal realisation capacity. Realisation is capped by quota + backlog + an allowed
// advance, paced evenly over the days left so the cap never stops housing in the last weeks of a
// half-year; the balance carries over: balance(next) = balance + quota - realised, reported as a
// backlog (achterstand) when positive and an advance (voorsprong) when negative. Residents of HAR+
// shelter and doorstroomlocaties counted for the quota when placed; moving on to a regular home
// later takes a dwelling from the same municipal capacity (before newly linked households).
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::on_linked(PersonId id) {
  Person& p = persons_[id];
  if (p.stage != Stage::kPermitHolder) return;
  p.flags |= flag::kLinked;
  if (p.head != id) return;
  housing_queue_.push(id);
  const double logeer = at(s_.housing.logeer_share);
  if (logeer > 0 && rng_.logeerregeling.bernoulli(logeer)) stay_with_hosts(id);
}

// Logeerregeling: the household leaves COA for family, friends or a host family and keeps its
// place in the housing queue; leaving COA counts as the exit (14-week norm) now.
void ChainModel::stay_with_hosts(PersonId head) {
  for (PersonId m = head; m != kNoPerson; m = persons_[m].next_member) {
    Person& p = persons_[m];
    if (p.stage != Stage::kPermitHolder || p.location == kNoLocation || p.location == kNidos)
      continue;
    record_coa_exit(m);
    leave_coa(m);
    p.flags |= flag::kWithHosts;
    rec_.count(m_.logeer_placements);
    rec_.count(m_.cost_measures, at(s_.costs.logeer_per_placement));
    rec_.stock_add(m_.with_hosts, now(), 1);
  }
}

void ChainModel::record_coa_exit(PersonId id) {
  const double weeks = engine::days_from_ticks(now() - persons_[id].permit_at) / 7.0;
  rec_.count(m_.ph_exited);
  rec_.observe(m_.exit_weeks_after_permit, weeks);
  if (weeks <= s_.housing.norm_weeks) rec_.count(m_.ph_exit_within_norm);
}

double ChainModel::forecast_quota() const {
  return permits_last_half_;
}

void ChainModel::start_half_year() {
  const bool first = month_ == 0 && half_year_quota_ == 0 && half_year_realised_ == 0;
  backlog_at_half_start_ = first ? s_.housing.backlog_at_start
                                 : backlog_at_half_start_ + half_year_quota_ - half_year_realised_;
  // Roll the permits over first: the quota of the coming half-year follows the one just ended.
  permits_last_half_ = permits_this_half_;
  permits_this_half_ = 0;
  half_year_quota_ = now() >= s_.housing.quota_forecast_from ? forecast_quota()
                                                             : at(s_.housing.quota_per_half_year);
  half_year_realised_ = 0;
  rec_.stock_set(m_.housing_backlog, now(), std::max(0.0, backlog_at_half_start_));
  rec_.stock_set(m_.housing_advance, now(), std::max(0.0, -backlog_at_half_start_));
}

// Pops the next linked household still waiting in COA; false when none waits.
bool ChainModel::take_linked_household(PersonId* head) {
  while (!housing_queue_.empty()) {
    const PersonId h = housing_queue_.front();
    const Person& p = persons_[h];
    if (p.stage == Stage::kPermitHolder && p.head == h) {
      *head = h;
      return true;
    }
    housing_queue_.pop();  // left meanwhile
  }
  return false;
}

void ChainModel::housing_daily() {
  const engine::Date d = cal_.to_date(now());
  const engine::Period half = engine::period_containing(d, engine::Period::Kind::kHalf);
  const double days_in_half =
      engine::days_from_ticks(cal_.period_end(half) - cal_.period_begin(half));
  const double days_left = std::max(1.0, engine::days_from_ticks(cal_.period_end(half) - now()));
  housing_capacity_.refill(at(s_.housing.realisation_per_half_year) / days_in_half);
  har_plus_capacity_.refill(at(s_.housing.har_plus_per_month) * 12.0 / 365.25);
  const double places = at(s_.housing.transit_places);
  rec_.stock_set(m_.transit_places, now(), places);
  move_on_from_shelters();
  const double limit =
      half_year_quota_ * (1.0 + at(s_.housing.advance_share)) + backlog_at_half_start_;
  // Today's share of what the limit still allows: the cap paces housing, it does not halt it.
  const double today_limit =
      half_year_realised_ + std::max(0.0, limit - half_year_realised_) / days_left;
  PersonId head = kNoPerson;
  // A household is housed whole, under the half-year's limit, while today's share is not used up
  // (a household larger than what is left of it may pass: FIFO, so it must not block the line).
  auto fits = [&](PersonId h) {
    const double size = static_cast<double>(persons_[h].household_size);
    return half_year_realised_ < today_limit && half_year_realised_ + size <= limit;
  };
  // Regular housing first, then HAR+ shelter, then doorstroomlocaties; all count for the quota.
  while (take_linked_household(&head) && fits(head) &&
         housing_capacity_.try_take(static_cast<double>(persons_[head].household_size))) {
    housing_queue_.pop();
    house_household(head);
  }
  while (take_linked_household(&head) && fits(head) &&
         har_plus_capacity_.try_take(static_cast<double>(persons_[head].household_size))) {
    housing_queue_.pop();
    place_in_shelter(head, 0);
  }
  while (static_cast<double>(transit_occupied_) < places && take_linked_household(&head) &&
         fits(head)) {
    housing_queue_.pop();
    place_in_shelter(head, 1);
  }
}

// HAR+ shelter (kind 0) or a doorstroomlocatie (kind 1): the household leaves COA and counts for
// the taakstelling now; each member moves on to regular housing after the stay.
void ChainModel::place_in_shelter(PersonId head, std::uint32_t kind) {
  PersonId m = head;
  while (m != kNoPerson) {
    const PersonId next = persons_[m].next_member;
    if (persons_[m].stage == Stage::kPermitHolder) {
      house_person(m);
      if (kind == 0) {
        rec_.count(m_.har_plus_placements);
        rec_.count(m_.cost_har_plus, at(s_.costs.har_plus_per_placement));
        rec_.stock_add(m_.har_plus_stock, now(), 1);
      } else {
        rec_.count(m_.transit_entries);
        rec_.stock_add(m_.transit_occupied, now(), 1);
        ++transit_occupied_;
      }
      const auto& stay = kind == 0 ? s_.housing.har_plus_move_on : s_.housing.transit_stay;
      const double days = draw(stay, rng_.shelter_stay);
      // The state pays for a doorstroomlocatie resident for at most one year: booked at entry.
      if (kind == 1)
        rec_.count(m_.cost_transit,
                   at(s_.costs.transit_per_resident_year) * std::min(days, 365.25) / 365.25);
      schedule(after_days(days), kShelterMoveOn, m, kind);
    }
    m = next;
  }
}

// The stay in the shelter is over: the resident waits there for a regular home.
void ChainModel::on_shelter_move_on(PersonId id, std::uint32_t kind) {
  shelter_leavers_.push({id, kind});
}

// Residents whose shelter stay is over take regular dwellings first, in the order they became
// ready; they count for the taakstelling already, so not again.
void ChainModel::move_on_from_shelters() {
  while (!shelter_leavers_.empty() && housing_capacity_.try_take(1.0)) {
    const ShelterLeaver leaver = shelter_leavers_.pop();
    leave_shelter(leaver.kind);
  }
}

void ChainModel::leave_shelter(std::uint32_t kind) {
  if (kind == 0) {
    rec_.count(m_.har_plus_moved_on);
    rec_.stock_add(m_.har_plus_stock, now(), -1);
  } else {
    rec_.count(m_.transit_moved_on);
    rec_.stock_add(m_.transit_occupied, now(), -1);
    --transit_occupied_;
  }
}

void ChainModel::house_household(PersonId head) {
  PersonId m = persons_[head].next_member;
  house_person(head);
  while (m != kNoPerson) {
    const PersonId next = persons_[m].next_member;
    if (persons_[m].stage == Stage::kPermitHolder) house_person(m);
    m = next;
  }
}

void ChainModel::house_person(PersonId id) {
  Person& p = persons_[id];
  if (p.location != kNoLocation && p.location != kNidos) record_coa_exit(id);
  if (p.flags & flag::kWithHosts) {
    p.flags &= static_cast<decltype(p.flags)>(~flag::kWithHosts);
    rec_.stock_add(m_.with_hosts, now(), -1);
  }
  leave_coa(id);
  set_stage(id, Stage::kHoused);
  rec_.count(m_.housing_realised);
  half_year_realised_ += 1;
}

}  // namespace asylumsim::model
