// Stage 6 — permit holders and housing (taakstelling). A permit holder is linked to a municipality
// (koppeling) and then waits in COA, in household units, for a home. Every half-year has a quota
// (the scenario's series, or the model's own forecast: permits issued in the previous half-year)
// and a municipal realisation capacity. Realisation is capped by quota + backlog + an allowed
// advance; the backlog carries over: backlog(next) = backlog + quota - realised.
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

void ChainModel::on_linked(PersonId id) {
  Person& p = persons_[id];
  if (p.stage != Stage::kPermitHolder) return;
  p.flags |= flag::kLinked;
  if (p.head == id) housing_queue_.push(id);
}

double ChainModel::forecast_quota() const { return permits_last_half_; }

void ChainModel::start_half_year() {
  const bool first = month_ == 0 && half_year_quota_ == 0 && half_year_realised_ == 0;
  backlog_at_half_start_ = first ? s_.housing.backlog_at_start
                                 : backlog_at_half_start_ + half_year_quota_ - half_year_realised_;
  half_year_quota_ = now() >= s_.housing.quota_forecast_from ? forecast_quota()
                                                             : at(s_.housing.quota_per_half_year);
  half_year_realised_ = 0;
  permits_last_half_ = permits_this_half_;
  permits_this_half_ = 0;
  rec_.count(m_.housing_quota, half_year_quota_);
  rec_.stock_set(m_.housing_backlog, now(), backlog_at_half_start_);
}

void ChainModel::housing_daily() {
  const engine::Date d = cal_.to_date(now());
  const engine::Period half = engine::period_containing(d, engine::Period::Kind::kHalf);
  const double days_in_half = engine::days_from_ticks(cal_.period_end(half) - cal_.period_begin(half));
  housing_capacity_.refill(at(s_.housing.realisation_per_half_year) / days_in_half);
  const double limit = half_year_quota_ * (1.0 + at(s_.housing.advance_share)) + backlog_at_half_start_;
  while (!housing_queue_.empty() && half_year_realised_ < limit) {
    const PersonId head = housing_queue_.front();
    const Person& h = persons_[head];
    if (h.stage != Stage::kPermitHolder || h.head != head) {  // left meanwhile
      housing_queue_.pop();
      continue;
    }
    if (!housing_capacity_.try_take(static_cast<double>(h.household_size))) break;
    housing_queue_.pop();
    house_household(head);
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
  const Person& p = persons_[id];
  const bool from_coa = p.location != kNoLocation && p.location != kNidos;
  if (from_coa) {
    const double weeks = engine::days_from_ticks(now() - p.permit_at) / 7.0;
    rec_.count(m_.ph_exited);
    rec_.observe(m_.exit_weeks_after_permit, weeks);
    if (weeks <= s_.housing.norm_weeks) rec_.count(m_.ph_exit_within_norm);
  }
  leave_coa(id);
  set_stage(id, Stage::kHoused);
  rec_.count(m_.housing_realised);
  half_year_realised_ += 1;
}

}  // namespace asylumsim::model
