// The kernel of one replication: the wiring of the stages, the event loop and the routing of each
// event to its stage, month boundaries, the daily cycle, and the census of stocks. The
// conservation check is in conservation.cpp.
#include "asylumsim/model/chain_model.hpp"

#include <algorithm>
#include <chrono>

namespace asylumsim::model {

using namespace scenario;

ChainModel::ChainModel(const Scenario& s, std::uint64_t replication)
    : k_(s, replication),
      inflow_(k_, registration_, reception_, ind_, housing_),
      registration_(k_, reception_, ind_),
      ind_(k_, appeals_, departure_, reception_, housing_, nareis_),
      appeals_(k_, ind_, departure_),
      reception_(k_, departure_, ind_),
      housing_(k_, reception_),
      nareis_(k_, reception_, housing_, ind_),
      departure_(k_, reception_, ind_),
      ukraine_(k_, registration_, reception_, ind_),
      initial_rng_(k_.stream("initial_state")),
      initial_past_rng_(k_.stream("initial_state.past")),
      initial_household_rng_(k_.stream("initial_state.household")) {
  k_.municipal_reception = &ukraine_;
}

RunTotals ChainModel::run(Tick until) {
  const auto t0 = std::chrono::steady_clock::now();
  reception_.refresh_capacity();
  seed_initial_state();
  housing_.start_half_year();
  k_.rec.count(k_.m.housing_quota, housing_.half_year_quota());
  inflow_.start();
  ukraine_.start();
  departure_.start_non_asylum();
  census();  // the start state's stocks by stay and time since permit, read on the start date
  k_.rec.snapshot_start();
  for (int m = 1; m <= k_.s.months(); ++m)
    k_.schedule(k_.cal.to_tick(k_.cal.month_first_day(m)), kMonthBoundary, 0, 0,
                engine::Priority::kBoundary);
  k_.schedule(0, kDaily, 0, 0, engine::Priority::kSchedule);
  const Tick end = std::min(k_.s.horizon_ticks(), until);
  for (const auto& step : k_.s.ind.legal_term_days.steps())
    if (step.from > 0 && step.from <= end)
      k_.schedule(step.from, kLegalTermChanged, 0, 0, engine::Priority::kSchedule);
  // Everything before the horizon, then only the month boundary at it: a daily cycle at `end`
  // would book the day after the horizon into the last month.
  k_.sim.run_before(engine::EventKey::make(end, engine::Priority::kSchedule, 0),
                    [this](const engine::Event& e) { dispatch(e); });
  check_conservation();
  RunTotals t;
  t.events = k_.sim.events_executed();
  t.persons = k_.persons.size();
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return t;
}

void ChainModel::dispatch(const engine::Event& e) {
  const PersonId who = e.data.subject;
  switch (static_cast<EventKind>(e.data.kind)) {
    case kMonthBoundary:
      on_month_boundary();
      break;
    case kDaily:
      on_daily();
      break;
    case kFirstArrival:
    case kRepeatArrival:
    case kResettlementArrival:
    case kRelocationArrival:
    case kDublinInArrival:
    case kArticle8Arrival:
      inflow_.on_arrival(static_cast<EventKind>(e.data.kind), e.data.aux);
      break;
    case kRegistrationDone:
      registration_.on_registration_done(who);
      break;
    case kLegalTermExpired:
      ind_.on_legal_term_expired(who, e.data.aux);
      break;
    case kLegalTermChanged:
      ind_.on_legal_term_changed();
      break;
    case kNotInTimeRuling:
      ind_.on_not_in_time_ruling(who);
      break;
    case kAbscond:
      ind_.on_abscond(who);
      break;
    case kCourtRuling:
      appeals_.on_court_ruling(who);
      break;
    case kCouncilRuling:
      appeals_.on_council_ruling(who);
      break;
    case kReceptionEnds:
      reception_.on_reception_ends(who, e.data.aux);
      break;
    case kRouteDone:
      departure_.on_route_done(who, e.data.aux);
      break;
    case kDublinTermEnds:
      departure_.on_dublin_term_ends(who, e.data.aux);
      break;
    case kLinked:
      housing_.on_linked(who);
      break;
    case kNareisApply:
      nareis_.on_apply(who);
      break;
    case kNareisArrival:
      nareis_.on_arrival(who);
      break;
    case kProtectionEnds:
      ukraine_.on_protection_ends();
      break;
    case kRemoval:
      departure_.on_removal(who);
      break;
    case kPermitRenewal:
      ind_.on_permit_renewal();
      break;
    case kShelterMoveOn:
      housing_.on_shelter_move_on(who, e.data.aux);
      break;
    case kReRegistration:
      reception_.on_re_registration(who, e.data.aux);
      break;
    case kComesOfAge:
      if (reception_.on_comes_of_age(who)) housing_.on_comes_of_age(who);
      break;
    case kInvestigationDone:
      ind_.on_investigation_done(who, e.data.aux);
      break;
    case kEventKinds:
      break;
  }
}

// Not inlined into dispatch (nor on_daily): inlined, their calls made every event's dispatch save
// registers and set up a frame, where it is otherwise a jump table of tail calls.
[[gnu::noinline]] void ChainModel::on_month_boundary() {
  census();
  const unsigned mon = static_cast<unsigned>(k_.cal.to_date(k_.now()).month());
  const bool new_half = k_.month + 1 < k_.s.months() && (mon == 1 || mon == 7);
  // The backlog at the start of a half-year belongs to the boundary snapshot, so roll it over
  // before the month closes; the half-year's quota is a flow of the new month, counted after.
  if (new_half) housing_.start_half_year();
  k_.rec.close_month(k_.now());
  ++k_.month;
  if (new_half) k_.rec.count(k_.m.housing_quota, housing_.half_year_quota());
#ifdef ASYLUMSIM_CHECK_INVARIANTS
  check_conservation();
#endif
}

[[gnu::noinline]] void ChainModel::on_daily() {
  reception_.accrue_daily_costs(reception_.refresh_capacity());
  departure_.refresh_detention();
  ind_.daily();
  nareis_.daily();
  housing_.daily();
  ukraine_.daily();
  departure_.non_asylum_daily();
  k_.schedule(k_.now() + engine::kTicksPerDay, kDaily, 0, 0, engine::Priority::kSchedule);
}

// Stocks that need a scan over residents: length of stay and time since permit.
void ChainModel::census() {
  std::array<double, 5> stay{};
  std::array<double, 4> since{};
  double residents = 0, stay_sum = 0, permit_holders = 0;
  const double day = static_cast<double>(engine::kTicksPerDay);
  stay_months_.clear();
  for (const Kernel::ResidentCensus& r : k_.resident_census) {
    residents += 1;
    const double years = static_cast<double>(k_.now() - r.coa_since) / day / 365.25;
    stay_sum += years * 12.0;
    stay_months_.push_back(years * 12.0);
    stay[std::min(4, static_cast<int>(years))] += 1;
    if (r.permit_at != engine::kNever) {
      permit_holders += 1;
      const double weeks = static_cast<double>(k_.now() - r.permit_at) / day / 7.0;
      since[weeks < 15 ? 0 : weeks < 26 ? 1 : weeks < 52 ? 2 : 3] += 1;
    }
  }
  for (int i = 0; i < 5; ++i)
    k_.rec.stock_set(k_.m.stay_share[i], k_.now(), residents > 0 ? stay[i] / residents : 0);
  for (int i = 0; i < 4; ++i) k_.rec.stock_set(k_.m.ph_since_permit[i], k_.now(), since[i]);
  k_.rec.stock_set(k_.m.mean_stay_months, k_.now(), residents > 0 ? stay_sum / residents : 0);
  record_stay_quantiles();
  k_.rec.stock_set(k_.m.permit_holder_share, k_.now(),
                   residents > 0 ? permit_holders / residents : 0);
  record_places_short();
}

// P10, P50 and P90 of the residents' current stays (nearest rank); 0 when COA is empty. The
// median is placed first, so P10 and P90 are each sought in their half only.
void ChainModel::record_stay_quantiles() {
  const double levels[] = {0.1, 0.5, 0.9};
  std::array<double, 3> value{};
  if (!stay_months_.empty()) {
    std::array<std::ptrdiff_t, 3> k{};
    for (int i = 0; i < 3; ++i)
      k[i] = static_cast<std::ptrdiff_t>(levels[i] * static_cast<double>(stay_months_.size() - 1));
    const auto first = stay_months_.begin();
    std::nth_element(first, first + k[1], stay_months_.end());
    if (k[0] < k[1]) std::nth_element(first, first + k[0], first + k[1]);
    if (k[2] > k[1]) std::nth_element(first + k[1] + 1, first + k[2], stay_months_.end());
    for (int i = 0; i < 3; ++i) value[i] = first[k[i]];
  }
  for (int i = 0; i < 3; ++i) k_.rec.stock_set(k_.m.stay_months_quantile[i], k_.now(), value[i]);
}

void ChainModel::record_places_short() {
  const engine::CapacityStock& coa = reception_.places();
  std::int64_t occupied = 0, places = 0;
  for (int l = 0; l < kLocations; ++l) {
    const std::int64_t short_by = std::max<std::int64_t>(0, coa.occupied(l) - coa.capacity(l));
    k_.rec.stock_set(k_.m.coa_places_short_by_location[l], k_.now(), static_cast<double>(short_by));
    if (l == kNidos) continue;
    occupied += coa.occupied(l);
    places += coa.capacity(l);
  }
  k_.rec.stock_set(k_.m.coa_places_short, k_.now(),
                   static_cast<double>(std::max<std::int64_t>(0, occupied - places)));
}

}  // namespace asylumsim::model
