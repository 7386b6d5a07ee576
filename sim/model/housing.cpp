// Stage 6 — permit holders and housing (taakstelling). A permit holder is linked to a municipality
// (koppeling) and then waits in COA, in household units, for a home. Every half-year has a quota
// (the scenario's series, or the model's own forecast: the permits of the half-year just ended)
// and a municipal realisation capacity. Realisation is capped by quota + backlog + an allowed
// advance, paced evenly over the days left so the cap never stops housing in the last weeks of a
// half-year; the balance carries over: balance(next) = balance + quota - realised, reported as a
// backlog (achterstand) when positive and an advance (voorsprong) when negative. Residents of HAR+
// shelter and doorstroomlocaties counted for the quota when placed; moving on to a regular home
// later takes a dwelling from the same municipal capacity (before newly linked households).
#include "asylumsim/model/stages/housing.hpp"

#include "asylumsim/model/stages/reception.hpp"

namespace asylumsim::model {

using namespace scenario;

HousingStage::HousingStage(Kernel& k, ReceptionStage& reception)
    : StageBase(k),
      reception_(reception),
      link_rng_(k.stream("housing.link")),
      logeer_rng_(k.stream("housing.logeerregeling")),
      shelter_stay_rng_(k.stream("housing.shelter_stay")) {}

void HousingStage::on_linked(PersonId id) {
  Person& p = k_.persons[id];
  if (p.stage != Stage::kPermitHolder) return;
  p.flags |= flag::kLinked;
  if (p.head != id) return;
  queue_.push(id);
  const double logeer = at(s_.housing.logeer_share);
  if (logeer > 0 && logeer_rng_.bernoulli(logeer)) stay_with_hosts(id);
}

// Logeerregeling: the household leaves COA for family, friends or a host family and keeps its
// place in the housing queue; leaving COA counts as the exit (14-week norm) now.
void HousingStage::stay_with_hosts(PersonId head) {
  for (PersonId m = head; m != kNoPerson; m = k_.persons[m].next_member) {
    Person& p = k_.persons[m];
    if (p.stage != Stage::kPermitHolder || p.location == kNoLocation || p.location == kNidos)
      continue;
    record_coa_exit(m);
    reception_.leave_coa(m);
    p.flags |= flag::kWithHosts;
    k_.rec.count(k_.m.logeer_placements);
    k_.rec.count(k_.m.cost_measures, at(s_.costs.logeer_per_placement));
    k_.rec.stock_add(k_.m.with_hosts, now(), 1);
  }
}

void HousingStage::record_coa_exit(PersonId id) {
  const double weeks = engine::days_from_ticks(now() - k_.persons[id].permit_at) / 7.0;
  k_.rec.count(k_.m.ph_exited);
  k_.rec.observe(k_.m.exit_weeks_after_permit, weeks);
  const int bin = std::min(Metrics::kExitWeekBins - 1, static_cast<int>(weeks));
  k_.rec.count(k_.m.exit_week_bin[static_cast<std::size_t>(bin)]);
  if (weeks <= s_.housing.norm_weeks) k_.rec.count(k_.m.ph_exit_within_norm);
}

double HousingStage::forecast_quota() const {
  return permits_last_half_;
}

void HousingStage::start_half_year() {
  const bool first = k_.month == 0 && half_year_quota_ == 0 && half_year_realised_ == 0;
  backlog_at_half_start_ = first ? s_.housing.backlog_at_start
                                 : backlog_at_half_start_ + half_year_quota_ - half_year_realised_;
  // Roll the permits over first: the quota of the coming half-year follows the one just ended.
  permits_last_half_ = permits_this_half_;
  permits_this_half_ = 0;
  half_year_quota_ = now() >= s_.housing.quota_forecast_from
                         ? forecast_quota() * at(s_.housing.quota_forecast_scale)
                         : at(s_.housing.quota_per_half_year);
  half_year_realised_ = 0;
  k_.rec.stock_set(k_.m.housing_backlog, now(), std::max(0.0, backlog_at_half_start_));
  k_.rec.stock_set(k_.m.housing_advance, now(), std::max(0.0, -backlog_at_half_start_));
}

// A household head in the line who still waits: entries of those who left meanwhile are stale.
bool HousingStage::is_waiting_head(PersonId h) const {
  const Person& p = k_.persons[h];
  return p.stage == Stage::kPermitHolder && p.head == h;
}

std::int64_t HousingStage::households_waiting() const {
  std::int64_t n = 0;
  queue_.for_each([&](PersonId h) { n += is_waiting_head(h) ? 1 : 0; });
  return n;
}

// Pops the next linked household still waiting in COA; false when none waits.
bool HousingStage::take_linked_household(PersonId* head) {
  while (!queue_.empty()) {
    const PersonId h = queue_.front();
    if (is_waiting_head(h)) {
      *head = h;
      return true;
    }
    queue_.pop();  // left meanwhile
  }
  return false;
}

void HousingStage::daily() {
  const engine::Date d = k_.cal.to_date(now());
  const engine::Period half = engine::period_containing(d, engine::Period::Kind::kHalf);
  const double days_in_half =
      engine::days_from_ticks(k_.cal.period_end(half) - k_.cal.period_begin(half));
  const double days_left = std::max(1.0, engine::days_from_ticks(k_.cal.period_end(half) - now()));
  capacity_.refill(at(s_.housing.realisation_per_half_year) / days_in_half);
  har_plus_capacity_.refill(at(s_.housing.har_plus_per_month) * 12.0 / 365.25);
  const double places = at(s_.housing.transit_places);
  k_.rec.stock_set(k_.m.transit_places, now(), places);
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
    const double size = static_cast<double>(k_.persons[h].household_size);
    return half_year_realised_ < today_limit && half_year_realised_ + size <= limit;
  };
  // Regular housing first, then HAR+ shelter, then doorstroomlocaties; all count for the quota.
  while (take_linked_household(&head) && fits(head) &&
         capacity_.try_take(static_cast<double>(k_.persons[head].household_size))) {
    queue_.pop();
    house_household(head);
  }
  while (take_linked_household(&head) && fits(head) &&
         har_plus_capacity_.try_take(static_cast<double>(k_.persons[head].household_size))) {
    queue_.pop();
    place_in_shelter(head, 0);
  }
  while (static_cast<double>(transit_occupied_) < places && take_linked_household(&head) &&
         fits(head)) {
    queue_.pop();
    place_in_shelter(head, 1);
  }
}

// HAR+ shelter (kind 0) or a doorstroomlocatie (kind 1): the household leaves COA and counts for
// the taakstelling now; each member moves on to regular housing after the stay.
void HousingStage::place_in_shelter(PersonId head, std::uint32_t kind) {
  PersonId m = head;
  while (m != kNoPerson) {
    const PersonId next = k_.persons[m].next_member;
    if (k_.persons[m].stage == Stage::kPermitHolder) {
      house_person(m);
      if (kind == 0) {
        k_.rec.count(k_.m.har_plus_placements);
        k_.rec.count(k_.m.cost_har_plus, at(s_.costs.har_plus_per_placement));
        k_.rec.stock_add(k_.m.har_plus_stock, now(), 1);
      } else {
        k_.rec.count(k_.m.transit_entries);
        k_.rec.stock_add(k_.m.transit_occupied, now(), 1);
        ++transit_occupied_;
      }
      const auto& stay = kind == 0 ? s_.housing.har_plus_move_on : s_.housing.transit_stay;
      const double days = draw(stay, shelter_stay_rng_);
      // The state pays for a doorstroomlocatie resident for at most one year: booked at entry.
      if (kind == 1)
        k_.rec.count(k_.m.cost_transit,
                     at(s_.costs.transit_per_resident_year) * std::min(days, 365.25) / 365.25);
      schedule(after_days(days), kShelterMoveOn, m, kind);
    }
    m = next;
  }
}

// The stay in the shelter is over: the resident waits there for a regular home.
void HousingStage::on_shelter_move_on(PersonId id, std::uint32_t kind) {
  shelter_leavers_.push({id, kind});
}

// Residents whose shelter stay is over take regular dwellings first, in the order they became
// ready; they count for the taakstelling already, so not again.
void HousingStage::move_on_from_shelters() {
  while (!shelter_leavers_.empty() && capacity_.try_take(1.0)) {
    const ShelterLeaver leaver = shelter_leavers_.pop();
    leave_shelter(leaver.kind);
  }
}

void HousingStage::leave_shelter(std::uint32_t kind) {
  if (kind == 0) {
    k_.rec.count(k_.m.har_plus_moved_on);
    k_.rec.stock_add(k_.m.har_plus_stock, now(), -1);
  } else {
    k_.rec.count(k_.m.transit_moved_on);
    k_.rec.stock_add(k_.m.transit_occupied, now(), -1);
    --transit_occupied_;
  }
}

void HousingStage::house_household(PersonId head) {
  PersonId m = k_.persons[head].next_member;
  house_person(head);
  while (m != kNoPerson) {
    const PersonId next = k_.persons[m].next_member;
    if (k_.persons[m].stage == Stage::kPermitHolder) house_person(m);
    m = next;
  }
}

void HousingStage::house_person(PersonId id) {
  Person& p = k_.persons[id];
  if (p.location != kNoLocation && p.location != kNidos) record_coa_exit(id);
  if (p.flags & flag::kWithHosts) {
    p.flags &= static_cast<decltype(p.flags)>(~flag::kWithHosts);
    k_.rec.stock_add(k_.m.with_hosts, now(), -1);
  }
  reception_.leave_coa(id);
  set_stage(id, Stage::kHoused);
  k_.rec.count(k_.m.housing_realised);
  half_year_realised_ += 1;
}

}  // namespace asylumsim::model
