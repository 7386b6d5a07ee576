// The kernel of one replication: construction, the event loop, month boundaries, the daily
// capacity cycle, the census of stocks and the conservation check.
#include "asylumsim/model/chain_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace asylumsim::model {

using namespace scenario;

namespace {
constexpr std::array<const char*, 5> kOtherArrivalProcesses = {
    "repeat", "resettlement", "relocation", "dublin_in", "article8_family"};
}

Streams::Streams(std::uint64_t seed, std::uint64_t rep, const Scenario& s)
    : registration(seed, rep, "registration"),
      screening(seed, rep, "registration.screening"),
      tracks(seed, rep, "registration.tracks"),
      dublin_claims(seed, rep, "registration.dublin_claims"),
      dublin_refusal(seed, rep, "registration.dublin_refusal"),
      ind_priority(seed, rep, "ind.priority"),
      legal_term_notice(seed, rep, "ind.legal_term_notice"),
      nidos(seed, rep, "reception.nidos"),
      vbl(seed, rep, "reception.vbl"),
      decisions(seed, rep, "ind.decisions"),
      va_referral(seed, rep, "ind.va_referral"),
      other_outcome(seed, rep, "ind.other_outcome"),
      other_outcome_dtenv(seed, rep, "ind.other_outcome.dtenv"),
      abscond(seed, rep, "ind.abscond"),
      investigation(seed, rep, "ind.investigation"),
      appeals(seed, rep, "appeals"),
      not_in_time(seed, rep, "appeals.not_in_time"),
      link(seed, rep, "housing.link"),
      logeerregeling(seed, rep, "housing.logeerregeling"),
      shelter_stay(seed, rep, "housing.shelter_stay"),
      nareis(seed, rep, "nareis"),
      nareis_two_status(seed, rep, "nareis.two_status"),
      nareis_decisions(seed, rep, "nareis.decisions"),
      nareis_travel(seed, rep, "nareis.travel"),
      nareis_join(seed, rep, "nareis.join_referent"),
      dublin_transfer(seed, rep, "departure.dublin_transfer"),
      routes(seed, rep, "departure.routes"),
      travel_documents(seed, rep, "departure.travel_documents"),
      route_timing(seed, rep, "departure.route_timing"),
      detention(seed, rep, "departure.detention"),
      non_asylum(seed, rep, "departure.non_asylum"),
      re_registration(seed, rep, "reception.re_registration"),
      re_registration_outside(seed, rep, "reception.re_registration.outside"),
      ukraine(seed, rep, "ukraine"),
      initial(seed, rep, "initial_state"),
      initial_past(seed, rep, "initial_state.past") {
  for (const auto& g : s.groups) {
    arrival_gaps.emplace_back(seed, rep, "inflow.arrivals." + g.name);
    arrival_profile.emplace_back(seed, rep, "inflow.profile." + g.name);
  }
  for (const char* process : kOtherArrivalProcesses) {
    arrival_gaps.emplace_back(seed, rep, std::string("inflow.arrivals.") + process);
    group_choice.emplace_back(seed, rep, std::string("inflow.group_choice.") + process);
  }
}

ChainModel::ChainModel(const Scenario& s, std::uint64_t replication)
    : s_(s),
      cal_(s.calendar()),
      rec_(s.months()),
      rng_(s.seed, replication, s),
      coa_(kLocations),
      housing_capacity_(false),
      nareis_capacity_(false) {
  m_.register_all(rec_);
  gm_.register_all(rec_, s_);
  rec_.finalize(0);
  for (auto& q : ind_capacity_) q = engine::PeriodicQuota(false);
  // Overflow chain: Ter Apel (COL) and POL spill into AZC, AZC into TGO, TGO into emergency
  // reception (noodopvang), which accepts everyone: nobody is turned away.
  coa_.set_overflow(kCol, kEmergency);
  coa_.set_overflow(kPol, kAzc);
  coa_.set_overflow(kAzc, kTgo);
  coa_.set_overflow(kTgo, kEmergency);
  coa_.set_overflow(kFamilyLocation, kAzc);
  coa_.set_overflow(kVbl, kAzc);
  coa_.set_overflow(kNidos, kAzc);  // minors Nidos cannot take stay in an AZC
  persons_.reserve(400000);
  sim_.reserve(1 << 16);
}

PersonId ChainModel::new_person(Origin origin, std::uint8_t group) {
  Person p;
  p.origin = origin;
  p.group = group;
  p.applied = now();
  const auto id = static_cast<PersonId>(persons_.size());
  p.head = id;
  persons_.push_back(p);
  ++stage_count_[static_cast<int>(Stage::kRegistration)];
  return id;
}

void ChainModel::set_stage(PersonId id, Stage st) {
  Person& p = persons_[id];
  if (observer_) [[unlikely]]
    observer_(id, p.stage, st, now());
  --stage_count_[static_cast<int>(p.stage)];
  ++stage_count_[static_cast<int>(st)];
  p.stage = st;
  // An activated Ukrainian keeps the municipal place until housed, out of reception or gone.
  if ((p.flags & flag::kMunicipal) && (st == Stage::kHoused || st == Stage::kLimbo ||
                                       st == Stage::kDeparted || st == Stage::kAway)) [[unlikely]]
    leave_municipal_reception(id);
  if (p.resident_slot != kNoPerson)
    resident_census_[p.resident_slot].permit_at =
        st == Stage::kPermitHolder ? p.permit_at : engine::kNever;
}

RunTotals ChainModel::run(Tick until) {
  const auto t0 = std::chrono::steady_clock::now();
  refresh_reception_capacity();
  seed_initial_state();
  start_half_year();
  rec_.count(m_.housing_quota, half_year_quota_);
  start_inflow();
  start_ukraine();
  start_non_asylum();
  census();  // the start state's stocks by stay and time since permit, read on the start date
  rec_.snapshot_start();
  for (int m = 1; m <= s_.months(); ++m)
    schedule(cal_.to_tick(cal_.month_first_day(m)), kMonthBoundary, 0, 0,
             engine::Priority::kBoundary);
  schedule(0, kDaily, 0, 0, engine::Priority::kSchedule);
  const Tick end = std::min(s_.horizon_ticks(), until);
  for (const auto& step : s_.ind.legal_term_days.steps())
    if (step.from > 0 && step.from <= end)
      schedule(step.from, kLegalTermChanged, 0, 0, engine::Priority::kSchedule);
  // Everything before the horizon, then only the month boundary at it: a daily cycle at `end`
  // would book the day after the horizon into the last month.
  sim_.run_before(engine::EventKey::make(end, engine::Priority::kSchedule, 0),
                  [this](const engine::Event& e) { dispatch(e); });
  check_conservation();
  RunTotals t;
  t.events = sim_.events_executed();
  t.persons = persons_.size();
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
      on_arrival(static_cast<EventKind>(e.data.kind), e.data.aux);
      break;
    case kRegistrationDone:
      on_registration_done(who);
      break;
    case kLegalTermExpired:
      on_legal_term_expired(who, e.data.aux);
      break;
    case kLegalTermChanged:
      on_legal_term_changed();
      break;
    case kNotInTimeRuling:
      on_not_in_time_ruling(who);
      break;
    case kAbscond:
      on_abscond(who);
      break;
    case kCourtRuling:
      on_court_ruling(who);
      break;
    case kCouncilRuling:
      on_council_ruling(who);
      break;
    case kReceptionEnds:
      on_reception_ends(who, e.data.aux);
      break;
    case kRouteDone:
      on_route_done(who, e.data.aux);
      break;
    case kDublinTermEnds:
      on_dublin_term_ends(who, e.data.aux);
      break;
    case kLinked:
      on_linked(who);
      break;
    case kNareisApply:
      on_nareis_apply(who);
      break;
    case kNareisArrival:
      on_nareis_arrival(who);
      break;
    case kProtectionEnds:
      on_protection_ends();
      break;
    case kRemoval:
      on_removal(who);
      break;
    case kPermitRenewal:
      on_permit_renewal();
      break;
    case kShelterMoveOn:
      on_shelter_move_on(who, e.data.aux);
      break;
    case kReRegistration:
      on_re_registration(who, e.data.aux);
      break;
    case kComesOfAge:
      on_comes_of_age(who);
      break;
    case kInvestigationDone:
      on_investigation_done(who, e.data.aux);
      break;
    case kEventKinds:
      break;
  }
}

void ChainModel::on_month_boundary() {
  census();
  const unsigned mon = static_cast<unsigned>(cal_.to_date(now()).month());
  const bool new_half = month_ + 1 < s_.months() && (mon == 1 || mon == 7);
  // The backlog at the start of a half-year belongs to the boundary snapshot, so roll it over
  // before the month closes; the half-year's quota is a flow of the new month, counted after.
  if (new_half) start_half_year();
  rec_.close_month(now());
  ++month_;
  if (new_half) rec_.count(m_.housing_quota, half_year_quota_);
#ifdef ASYLUMSIM_CHECK_INVARIANTS
  check_conservation();
#endif
}

void ChainModel::on_daily() {
  accrue_daily_costs(refresh_reception_capacity());
  detention_.set_capacity(
      now(), static_cast<std::int64_t>(std::min(at(s_.departure.detention_places), 1e15)),
      [this](PersonId id) { start_detention(id); });
  ind_daily();
  nareis_daily();
  housing_daily();
  ukraine_daily();
  non_asylum_daily();
  schedule(now() + engine::kTicksPerDay, kDaily, 0, 0, engine::Priority::kSchedule);
}

// Costs of the day ahead at the scenario's rates (occupancy and places as the day starts).
void ChainModel::accrue_daily_costs(double coa_places) {
  const auto occupied = static_cast<double>(residents_.size());
  rec_.count(m_.cost_coa_occupied, occupied * at(s_.costs.coa_occupied_place_per_day));
  rec_.count(m_.cost_coa_empty,
             std::max(0.0, coa_places - occupied) * at(s_.costs.coa_empty_place_per_day));
  rec_.count(m_.cost_measures, at(s_.costs.measures_per_month) * 12.0 / 365.25);
}

// Stocks that need a scan over residents: length of stay and time since permit.
void ChainModel::census() {
  std::array<double, 5> stay{};
  std::array<double, 4> since{};
  double residents = 0, stay_sum = 0, permit_holders = 0;
  const double day = static_cast<double>(engine::kTicksPerDay);
  stay_months_.clear();
  for (const ResidentCensus& r : resident_census_) {
    residents += 1;
    const double years = static_cast<double>(now() - r.coa_since) / day / 365.25;
    stay_sum += years * 12.0;
    stay_months_.push_back(years * 12.0);
    stay[std::min(4, static_cast<int>(years))] += 1;
    if (r.permit_at != engine::kNever) {
      permit_holders += 1;
      const double weeks = static_cast<double>(now() - r.permit_at) / day / 7.0;
      since[weeks < 15 ? 0 : weeks < 26 ? 1 : weeks < 52 ? 2 : 3] += 1;
    }
  }
  for (int i = 0; i < 5; ++i)
    rec_.stock_set(m_.stay_share[i], now(), residents > 0 ? stay[i] / residents : 0);
  for (int i = 0; i < 4; ++i) rec_.stock_set(m_.ph_since_permit[i], now(), since[i]);
  rec_.stock_set(m_.mean_stay_months, now(), residents > 0 ? stay_sum / residents : 0);
  record_stay_quantiles();
  rec_.stock_set(m_.permit_holder_share, now(), residents > 0 ? permit_holders / residents : 0);
  record_places_short();
}

// P10, P50 and P90 of the residents' current stays (nearest rank); 0 when COA is empty.
void ChainModel::record_stay_quantiles() {
  const double levels[] = {0.1, 0.5, 0.9};
  for (int i = 0; i < 3; ++i) {
    double value = 0;
    if (!stay_months_.empty()) {
      const auto k =
          static_cast<std::size_t>(levels[i] * static_cast<double>(stay_months_.size() - 1));
      std::nth_element(stay_months_.begin(), stay_months_.begin() + static_cast<std::ptrdiff_t>(k),
                       stay_months_.end());
      value = stay_months_[k];
    }
    rec_.stock_set(m_.stay_months_quantile[i], now(), value);
  }
}

void ChainModel::record_places_short() {
  std::int64_t occupied = 0, places = 0;
  for (int l = 0; l < kLocations; ++l) {
    const std::int64_t short_by = std::max<std::int64_t>(0, coa_.occupied(l) - coa_.capacity(l));
    rec_.stock_set(m_.coa_places_short_by_location[l], now(), static_cast<double>(short_by));
    if (l == kNidos) continue;
    occupied += coa_.occupied(l);
    places += coa_.capacity(l);
  }
  rec_.stock_set(m_.coa_places_short, now(),
                 static_cast<double>(std::max<std::int64_t>(0, occupied - places)));
}

void ChainModel::check_conservation() const {
  std::array<std::uint64_t, kStages> recount{};
  std::array<std::int64_t, kTracks> waiting{};
  std::int64_t in_coa = 0, in_municipal = 0;
  for (const Person& p : persons_) {
    ++recount[static_cast<int>(p.stage)];
    if (p.flags & flag::kMunicipal) ++in_municipal;
    if (p.stage == Stage::kIndWaiting) ++waiting[p.track];
    if (p.location != kNoLocation && p.location != kNidos) ++in_coa;
  }
  std::uint64_t total = 0;
  for (int i = 0; i < kStages; ++i) {
    total += stage_count_[i];
    if (recount[i] != stage_count_[i])
      throw std::logic_error(
          fmt::format("conservation violated: stage {} holds {} persons but {} were "
                      "counted in",
                      kStageNames[i], recount[i], stage_count_[i]));
  }
  if (total != persons_.size())
    throw std::logic_error(fmt::format(
        "conservation violated: {} persons entered, {} accounted for", persons_.size(), total));
  for (int t = 0; t < kTracks; ++t)
    if (waiting[t] != ind_waiting_[t])
      throw std::logic_error(
          fmt::format("conservation violated: IND backlog {} is {} but {} persons wait",
                      kTrackNames[t], ind_waiting_[t], waiting[t]));
  for (std::size_t slot = 0; slot < residents_.size(); ++slot) {
    const Person& p = persons_[residents_[slot]];
    const ResidentCensus& r = resident_census_[slot];
    const engine::Tick permit = p.stage == Stage::kPermitHolder ? p.permit_at : engine::kNever;
    if (p.resident_slot != slot || r.coa_since != p.coa_since || r.permit_at != permit)
      throw std::logic_error(fmt::format(
          "conservation violated: the census record of resident {} is out of date", slot));
  }
  std::int64_t occupied = 0;
  for (int l = 0; l < kLocations; ++l)
    if (l != kNidos) occupied += coa_.occupied(l);
  if (occupied != in_coa || static_cast<std::int64_t>(residents_.size()) != in_coa)
    throw std::logic_error(
        fmt::format("conservation violated: COA holds {} places occupied but {} "
                    "persons have a COA location",
                    occupied, in_coa));
  if (in_municipal != activated_in_municipal_)
    throw std::logic_error(fmt::format(
        "conservation violated: {} activated applicants counted in municipal reception, {} "
        "persons hold a municipal place",
        activated_in_municipal_, in_municipal));
}

}  // namespace asylumsim::model
