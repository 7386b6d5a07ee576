// Stage 6 — permit holders and housing (taakstelling). A permit holder is linked to a municipality
// (koppeling), drawn by quota share among the classes of municipalities, and then waits in COA, in
// household units, in that class's line (urgent households first). Every half-year has a quota
// (the scenario's series, or the model's own forecast: the permits of the half-year just ended)
// and a municipal realisation capacity, both shared out over the classes. A class's realisation
// is capped by its quota + balance + an allowed advance, paced evenly over the days left so the
// cap never stops housing in the last weeks of a half-year; balances carry over: balance(next) =
// balance + quota - realised; their national sum is reported as a backlog (achterstand) when
// positive and an advance (voorsprong) when negative. Residents of HAR+ shelter and
// doorstroomlocaties count for the quota when placed; moving on to a regular home later takes a
// dwelling from the same class's capacity (before newly linked households).
#include "asylumsim/model/stages/housing.hpp"

#include <algorithm>

#include "asylumsim/model/household.hpp"
#include "asylumsim/model/stages/reception.hpp"

namespace asylumsim::model {

using namespace scenario;

HousingStage::HousingStage(Kernel& k, ReceptionStage& reception)
    : StageBase(k),
      reception_(reception),
      lines_(std::max<std::size_t>(1, k.s.housing.municipalities.size())),
      link_rng_(k.stream("housing.link")),
      logeer_rng_(k.stream("housing.logeerregeling")),
      shelter_stay_rng_(k.stream("housing.shelter_stay")),
      municipality_rng_(k.stream("housing.municipality")),
      urgent_rng_(k.stream("housing.urgent")),
      initial_shelter_rng_(k.stream("housing.municipality.initial_shelter")) {
  const auto& classes = s_.housing.municipalities;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    lines_[i].quota_share = classes[i].quota_share;
    lines_[i].performance = classes[i].performance;
  }
}

// COA links to a class of municipalities by quota share (one class: no draw).
std::size_t HousingStage::draw_line(engine::RandomStream& rng) {
  if (lines_.size() == 1) return 0;
  double u = rng.uniform01();
  for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
    if (u < lines_[i].quota_share) return i;
    u -= lines_[i].quota_share;
  }
  return lines_.size() - 1;
}

void HousingStage::on_linked(PersonId id) {
  Person& p = k_.persons[id];
  if (p.stage != Stage::kPermitHolder) return;
  p.flags |= flag::kLinked;
  if (p.head != id) return;
  const std::size_t line = draw_line(municipality_rng_);
  assign_line(id, line);
  const std::size_t size = dwelling_size(id);
  const double urgent = at(s_.housing.urgent_share);
  if (urgent > 0 && urgent_rng_.bernoulli(urgent)) {
    lines_[line].urgent[size].push(id);
    k_.rec.count(k_.m.urgent_links);
  } else {
    lines_[line].regular[size].push(id);
  }
  const double logeer = at(s_.housing.logeer_share);
  if (logeer > 0 && logeer_rng_.bernoulli(logeer)) stay_with_hosts(id);
}

// A minor granted in COA that waited there for adulthood is linked now.
void HousingStage::on_comes_of_age(PersonId id) {
  const Person& p = k_.persons[id];
  if (p.stage == Stage::kPermitHolder && p.head == id && !(p.flags & flag::kLinked))
    schedule_link(id);
}

// Logeerregeling: the household leaves COA for family, friends or a host family and keeps its
// place in the housing queue; leaving COA counts as the exit (14-week norm) now.
void HousingStage::stay_with_hosts(PersonId head) {
  const int band = household_band(head);
  for_each_waiting_member(head, [&](PersonId m) {
    Person& p = k_.persons[m];
    if (p.location == kNoLocation || p.location == kNidos) return;
    record_coa_exit(m, band);
    reception_.leave_coa(m);
    p.flags |= flag::kWithHosts;
    k_.rec.count(k_.m.logeer_placements);
    k_.rec.count(k_.m.cost_measures, at(s_.costs.logeer_per_placement));
    k_.rec.stock_add(k_.m.with_hosts, now(), 1);
  });
}

// The size band of a household by the persons leaving COA with it now (the head included).
int HousingStage::household_band(PersonId head) const {
  return Metrics::household_band(static_cast<int>(persons_waiting(head)));
}

void HousingStage::record_coa_exit(PersonId id, int household) {
  const Person& p = k_.persons[id];
  const double weeks = engine::days_from_ticks(now() - p.permit_at) / 7.0;
  const auto band = static_cast<std::size_t>(household);
  const auto bin =
      static_cast<std::size_t>(std::min(Metrics::kExitWeekBins - 1, static_cast<int>(weeks)));
  k_.rec.count(k_.m.ph_exited);
  k_.rec.count(k_.m.ph_exited_by_household[band]);
  k_.rec.observe(k_.m.exit_weeks_after_permit, weeks);
  k_.rec.count(k_.m.exit_week_bin[bin]);
  k_.rec.count(k_.m.exit_week_bin_by_household[band][bin]);
  if (weeks <= s_.housing.norm_weeks) {
    k_.rec.count(k_.m.ph_exit_within_norm);
    k_.rec.count(k_.m.exit_within_norm_by_household[band]);
  }
}

double HousingStage::forecast_quota() const {
  return permits_last_half_;
}

// The start backlog goes to the classes whose share of capacity by quota share x performance falls
// short of their quota share, in proportion to the shortfall; by quota share when none falls short
// (one national line).
void HousingStage::set_start_balances() {
  double weight = 0;
  for (const auto& l : lines_) weight += l.quota_share * l.performance;
  const auto shortfall_of = [&](const MunicipalLine& l) {
    return std::max(0.0, l.quota_share - l.quota_share * l.performance / weight);
  };
  double shortfall = 0;
  for (const auto& l : lines_) shortfall += shortfall_of(l);
  for (auto& l : lines_)
    l.balance_at_start =
        s_.housing.backlog_at_start * (shortfall > 0 ? shortfall_of(l) / shortfall : l.quota_share);
}

// Municipalities house in proportion to what they are asked for (quota, balance, shelter
// residents moving on), each at its class's performance: a class that falls behind is asked more
// the next half-year, so its balance levels off rather than growing without end. No class asked
// anything: by quota share x performance.
void HousingStage::share_capacity() {
  double weight = 0;
  for (const auto& l : lines_) weight += l.performance * l.demand();
  for (auto& l : lines_) l.capacity_share = weight > 0 ? l.performance * l.demand() / weight : 0;
  if (weight > 0) return;
  weight = 0;
  for (const auto& l : lines_) weight += l.performance * l.quota_share;
  for (auto& l : lines_) l.capacity_share = l.performance * l.quota_share / weight;
}

// The sizes of dwelling a class offers this half-year: the scenario's fixed shares, or with
// `dwellings: line` the make-up of its line now (persons by the size they need; shelter residents
// moving on need single units), large dwellings scaled by large_dwelling_factor, the rest single.
void HousingStage::offer_sizes(MunicipalLine& line) {
  if (!s_.housing.dwellings_follow_line) {
    line.size_shares = s_.housing.dwelling_shares;
    return;
  }
  std::array<double, MunicipalLine::kSizes> need{};
  need[0] = static_cast<double>(line.shelter_leavers.size());
  const auto add = [&](PersonId h) {
    if (is_waiting_head(h)) need[dwelling_size(h)] += persons_waiting(h);
  };
  for (std::size_t size = 0; size < MunicipalLine::kSizes; ++size) {
    line.urgent[size].for_each(add);
    line.regular[size].for_each(add);
  }
  double total = 0;
  for (const double n : need) total += n;
  if (total <= 0) {
    line.size_shares = {1, 0, 0, 0};
    return;
  }
  for (std::size_t size = 0; size < MunicipalLine::kSizes; ++size)
    line.size_shares[size] = need[size] / total;
  constexpr std::size_t kLarge = MunicipalLine::kSizes - 1;
  const double scarce = line.size_shares[kLarge] * (1.0 - s_.housing.large_dwelling_factor);
  line.size_shares[kLarge] -= scarce;
  line.size_shares[0] += scarce;
}

void HousingStage::start_half_year() {
  if (!half_years_started_) {
    half_years_started_ = true;
    set_start_balances();
  } else {
    for (auto& l : lines_) l.balance_at_start += l.quota - l.realised;
  }
  backlog_at_half_start_ = 0;
  for (const auto& l : lines_) backlog_at_half_start_ += l.balance_at_start;
  // Roll the permits over first: the quota of the coming half-year follows the one just ended.
  permits_last_half_ = permits_this_half_;
  permits_this_half_ = 0;
  half_year_quota_ = now() >= s_.housing.quota_forecast_from ? forecast_quota()
                                                             : at(s_.housing.quota_per_half_year);
  for (auto& l : lines_) {
    l.quota = half_year_quota_ * l.quota_share;
    l.realised = 0;
  }
  share_capacity();
  for (auto& l : lines_) offer_sizes(l);
  obligation_ = std::max(0.0, half_year_quota_ + backlog_at_half_start_);
  k_.rec.stock_set(k_.m.housing_backlog, now(), std::max(0.0, backlog_at_half_start_));
  k_.rec.stock_set(k_.m.housing_advance, now(), std::max(0.0, -backlog_at_half_start_));
}

// A household head in the line who still waits: entries of those who left meanwhile are stale.
bool HousingStage::is_waiting_head(PersonId h) const {
  return waits_for_home(k_.persons, h);  // a minor with Nidos is housed at once: never in a line
}

std::int64_t HousingStage::households_waiting() const {
  std::int64_t n = 0;
  const auto count = [&](PersonId h) { n += is_waiting_head(h) ? 1 : 0; };
  for (const auto& l : lines_)
    for (std::size_t size = 0; size < MunicipalLine::kSizes; ++size) {
      l.urgent[size].for_each(count);
      l.regular[size].for_each(count);
    }
  return n;
}

// The size of dwelling a household needs (housing.dwellings): 0 single, 1 small (2-3 persons),
// 2 family (4-5), 3 large (6 or more); always 0 without sizes of dwelling.
std::size_t HousingStage::dwelling_size(PersonId head) const {
  if (!s_.housing.dwelling_bands) return 0;
  return static_cast<std::size_t>(Metrics::household_band(static_cast<int>(persons_waiting(head))));
}

// The lane of households needing a dwelling of this size whose front is the next household still
// waiting (urgent first), after dropping the stale entries of those who left meanwhile; nullptr
// when nobody waits.
// A household that grew or shrank since it was linked (members granted later, family members
// joining through nareis) moves to the back of the lane of its size now.
engine::RingQueue<PersonId>* HousingStage::waiting_queue(MunicipalLine& line, std::size_t size) {
  for (auto* lanes : {&line.urgent, &line.regular}) {
    auto& q = (*lanes)[size];
    while (!q.empty()) {
      const PersonId head = q.front();
      if (!is_waiting_head(head)) {
        q.pop();
        continue;
      }
      const std::size_t size_now = dwelling_size(head);
      if (size_now == size) return &q;
      (*lanes)[size_now].push(q.pop());
    }
  }
  return nullptr;
}

// A dwelling of this size goes to the first household needing that size, else to the first that
// needs a smaller one; larger households are passed over (they wait for a dwelling that fits).
engine::RingQueue<PersonId>* HousingStage::fitting_queue(MunicipalLine& line, std::size_t size) {
  for (std::size_t s = size + 1; s-- > 0;)
    if (auto* q = waiting_queue(line, s)) return q;
  return nullptr;
}

// The persons of a household still waiting to be housed with its head (the head included).
double HousingStage::persons_waiting(PersonId head) const {
  double n = 0;
  for_each_waiting_member(head, [&](PersonId) { n += 1; });
  return n;
}

// A household is housed whole, under its class's limit, while today's share is not used up (a
// household larger than what is left of it may pass: FIFO, so it must not block the line).
bool HousingStage::fits(const MunicipalLine& line, PersonId head) const {
  return line.realised < line.today_cap && line.realised + persons_waiting(head) <= line.half_limit;
}

// The class's dwellings, largest first (large households have the fewest that fit them).
void HousingStage::house_from_line(MunicipalLine& line) {
  for (std::size_t size = dwelling_sizes(); size-- > 0;) {
    while (auto* q = fitting_queue(line, size)) {
      const PersonId head = q->front();
      if (!fits(line, head) || !line.capacity[size].try_take(persons_waiting(head))) break;
      q->pop();
      house_household(head, static_cast<std::size_t>(&line - lines_.data()));
    }
  }
}

// Large-family scheme: each adapted dwelling houses the household of 6 or more that has waited
// longest (by permit date) among the classes whose limit allows it, on top of their capacity.
void HousingStage::house_in_adapted_dwellings() {
  constexpr std::size_t kLarge = MunicipalLine::kSizes - 1;
  while (adapted_dwellings_.whole_units() >= 1) {
    MunicipalLine* line = oldest_fitting_line(kLarge);
    if (line == nullptr) return;
    adapted_dwellings_.try_take(1.0);
    const PersonId head = waiting_queue(*line, kLarge)->pop();
    const double persons = persons_waiting(head);
    k_.rec.count(k_.m.large_family_dwellings);
    k_.rec.count(k_.m.cost_measures, persons >= 10 ? at(s_.costs.large_family_dwelling_10plus)
                                                   : at(s_.costs.large_family_dwelling));
    house_household(head, static_cast<std::size_t>(line - lines_.data()));
  }
}

// The class whose household needing this size of dwelling has waited longest (by permit date),
// among the classes whose limit allows it: HAR+ shelter and doorstroomlocaties take single persons
// (size 0; any household without sizes of dwelling), adapted dwellings large households.
MunicipalLine* HousingStage::oldest_fitting_line(std::size_t size) {
  MunicipalLine* oldest = nullptr;
  Tick since = engine::kNever;
  for (auto& l : lines_) {
    auto* q = waiting_queue(l, size);
    if (q == nullptr || !fits(l, q->front())) continue;
    const Tick permit = k_.persons[q->front()].permit_at;
    if (oldest == nullptr || permit < since) {
      oldest = &l;
      since = permit;
    }
  }
  return oldest;
}

void HousingStage::daily() {
  const engine::Date d = k_.cal.to_date(now());
  const engine::Period half = engine::period_containing(d, engine::Period::Kind::kHalf);
  const double days_in_half =
      engine::days_from_ticks(k_.cal.period_end(half) - k_.cal.period_begin(half));
  const double days_left = std::max(1.0, engine::days_from_ticks(k_.cal.period_end(half) - now()));
  // Municipalities realise a fixed capacity, plus a share of what they are asked to house this
  // half-year (the task follows the backlog, so the backlog levels off instead of drifting).
  const double realisation = at(s_.housing.realisation_per_half_year) +
                             at(s_.housing.realisation_share_of_obligation) * obligation_;
  for (auto& l : lines_)
    for (std::size_t size = 0; size < dwelling_sizes(); ++size)
      l.capacity[size].refill(realisation * l.capacity_share * l.size_shares[size] / days_in_half);
  har_plus_capacity_.refill(at(s_.housing.har_plus_per_month) * 12.0 / 365.25);
  adapted_dwellings_.refill(at(s_.housing.large_family_dwellings_per_year) / 365.25);
  const double places = at(s_.housing.transit_places);
  k_.rec.stock_set(k_.m.transit_places, now(), places);
  for (auto& l : lines_) {
    l.pace(at(s_.housing.advance_share), days_left);
    move_on_from_shelters(l);
  }
  // Regular housing first, then HAR+ shelter, then doorstroomlocaties; all count for the quota.
  for (auto& l : lines_) house_from_line(l);
  house_in_adapted_dwellings();
  MunicipalLine* line = nullptr;
  // No placements once the scheme has ended, not even on what its last day left for a household
  // larger than that day's share.
  const bool har_plus_runs = at(s_.housing.har_plus_per_month) > 0;
  while (har_plus_runs && (line = oldest_fitting_line(0)) != nullptr) {
    auto* q = waiting_queue(*line, 0);
    if (!har_plus_capacity_.try_take(persons_waiting(q->front()))) break;
    place_in_shelter(q->pop(), 0);
  }
  while (static_cast<double>(transit_occupied_) < places &&
         (line = oldest_fitting_line(0)) != nullptr)
    place_in_shelter(waiting_queue(*line, 0)->pop(), 1);
}

// HAR+ shelter (kind 0) or a doorstroomlocatie (kind 1): the household leaves COA and counts for
// the taakstelling now; each member moves on to regular housing after the stay.
void HousingStage::place_in_shelter(PersonId head, std::uint32_t kind) {
  const std::size_t line = line_of_[head];
  const int band = household_band(head);
  for_each_waiting_member(head, [&](PersonId m) {
    assign_line(m, line);
    house_person(m, band);
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
  });
}

// The stay in the shelter is over: the resident waits there for a regular home in its class (a
// resident placed before the start, who is no person of the model, in a class drawn by quota on a
// stream of its own, so the start's shelter stock leaves the linking draws alone).
void HousingStage::on_shelter_move_on(PersonId id, std::uint32_t kind) {
  const std::size_t line = id == kNoPerson ? draw_line(initial_shelter_rng_) : line_of_[id];
  lines_[line].shelter_leavers.push({id, kind});
}

// Residents whose shelter stay is over take regular dwellings first (single ones, then the
// smallest left, never a large one), in the order they became ready; they count for the
// taakstelling already, so not again.
void HousingStage::move_on_from_shelters(MunicipalLine& line) {
  const std::size_t sizes = std::min(dwelling_sizes(), MunicipalLine::kSizes - 1);
  for (std::size_t size = 0; size < sizes; ++size)
    while (!line.shelter_leavers.empty() && line.capacity[size].try_take(1.0))
      leave_shelter(line.shelter_leavers.pop().kind);
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

void HousingStage::assign_line(PersonId id, std::size_t line) {
  if (id >= line_of_.size())
    line_of_.resize(std::max<std::size_t>(id + 1, 2 * line_of_.size()), kUnlinked);
  line_of_[id] = static_cast<std::uint8_t>(line);
}

void HousingStage::house_household(PersonId head, std::size_t line) {
  const int band = household_band(head);
  for_each_waiting_member(head, [&](PersonId m) {
    if (m != head) assign_line(m, line);
    house_person(m, band);
  });
}

// Counts a person housed for the class linked to; one housed without a link (a minor with Nidos,
// a family member housed directly with the referent) counts for every class by quota share.
void HousingStage::count_realised(PersonId id) {
  const std::uint8_t line = id < line_of_.size() ? line_of_[id] : kUnlinked;
  if (line != kUnlinked) {
    lines_[line].realised += 1;
    return;
  }
  for (auto& l : lines_) l.realised += l.quota_share;
}

void HousingStage::house_person(PersonId id, int household_band) {
  Person& p = k_.persons[id];
  if (p.location != kNoLocation && p.location != kNidos) record_coa_exit(id, household_band);
  if (p.flags & flag::kWithHosts) {
    p.flags &= static_cast<decltype(p.flags)>(~flag::kWithHosts);
    k_.rec.stock_add(k_.m.with_hosts, now(), -1);
  }
  reception_.leave_coa(id);
  set_stage(id, Stage::kHoused);
  k_.rec.count(k_.m.housing_realised);
  count_realised(id);
}

}  // namespace asylumsim::model
