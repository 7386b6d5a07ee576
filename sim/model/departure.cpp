// Stage 8 — departure (DTenV caseload): after a final rejection, a route is drawn with its own
// lead time: voluntary (origin, Dublin, other), forced (origin, Dublin, other), unsupervised (MOB),
// a later permit, administrative outflow, or none (the person stays in limbo). Dublin cases are
// transferred within the transfer term or, failing that, the Netherlands becomes responsible and
// the case enters the AA procedure.
// Chain-wide departures (Fig 103) also count migrants without legal stay who never applied for
// asylum; they are a stock-flow caseload here (start_non_asylum, non_asylum_daily), not persons.
#include "asylumsim/model/stages/departure.hpp"

#include <cmath>

#include "asylumsim/engine/counts.hpp"
#include "asylumsim/engine/hazard.hpp"
#include "asylumsim/model/stages/ind.hpp"
#include "asylumsim/model/stages/reception.hpp"

namespace asylumsim::model {

using namespace scenario;

DepartureStage::DepartureStage(Kernel& k, ReceptionStage& reception, IndStage& ind)
    : StageBase(k),
      reception_(reception),
      ind_(ind),
      dublin_transfer_rng_(k.stream("departure.dublin_transfer")),
      routes_rng_(k.stream("departure.routes")),
      travel_documents_rng_(k.stream("departure.travel_documents")),
      route_timing_rng_(k.stream("departure.route_timing")),
      detention_rng_(k.stream("departure.detention")),
      non_asylum_rng_(k.stream("departure.non_asylum")) {}

void DepartureStage::refresh_detention() {
  detention_.set_capacity(
      now(), static_cast<std::int64_t>(std::min(at(s_.departure.detention_places), 1e15)),
      [this](PersonId id) { start_detention(id); });
}

namespace {
bool is_voluntary(int r) {
  return r == kVoluntaryOrigin || r == kVoluntaryDublin || r == kVoluntaryOther;
}
bool is_forced(int r) {
  return r == kForcedOrigin || r == kForcedDublin || r == kForcedOther;
}
}  // namespace

void DepartureStage::start_departure(PersonId id) {
  Person& p = k_.persons[id];
  const auto& d = s_.departure;
  if (p.track == kDublin && p.origin != Origin::kDublinIn &&
      dublin_transfer_rng_.bernoulli(at(d.dublin_transfer_success))) {
    p.route = kForcedDublin;
    const Tick term = after_days(at(d.dublin_transfer_term_days));
    const Tick t =
        std::min(term, after_days(draw(d.dublin_transfer_duration, dublin_transfer_rng_)));
    schedule(t, kRouteDone, id, p.epoch);
    return;
  }
  // Route shares, with voluntary routes scaled by the group's factor (voluntary-return support).
  std::array<double, kRoutes> w{};
  double total = 0;
  const double vf = at(s_.groups[p.group].voluntary_departure_factor);
  for (int r = 0; r < kRoutes; ++r) {
    w[r] = at(d.route_share[r]) * (is_voluntary(r) ? vf : 1.0);
    if (p.flags & flag::kAmv && (is_voluntary(r) || is_forced(r)))
      w[r] = 0;  // minors practically never depart demonstrably
    total += w[r];
  }
  int route = kNoDeparture;
  double u = routes_rng_.uniform01() * total;
  for (int r = 0; r < kRoutes; ++r) {
    u -= w[r];
    if (u < 0 && w[r] > 0) {
      route = r;
      break;
    }
  }
  // Forced removal to the origin or elsewhere needs a travel document; without one the person
  // cannot be removed and stays in limbo (a Dublin transfer travels on the responsible state's
  // papers).
  const double papers = at(d.travel_document_share);
  if ((route == kForcedOrigin || route == kForcedOther) && papers < 1.0 &&
      !travel_documents_rng_.bernoulli(
          papers))  // no draw when every case has papers: streams stay aligned
    route = kNoDeparture;
  p.route = static_cast<std::uint8_t>(route);
  const Tick done = route_done_time(route);
  if (p.track == kDublin && p.origin != Origin::kDublinIn) {
    // Absconding extends the transfer term (Dublin Regulation art. 29(2)).
    const Tick term = after_days(at(route == kUnsupervised ? d.dublin_transfer_term_absconded_days
                                                           : d.dublin_transfer_term_days));
    if (done > term) {
      schedule(term, kDublinTermEnds, id, p.epoch);
      return;
    }
  }
  if (route != kNoDeparture) schedule(done, kRouteDone, id, p.epoch);
}

// One draw either way, so common random numbers stay aligned between the two kinds of timing.
Tick DepartureStage::route_done_time(int route) {
  const auto& d = s_.departure;
  if (route == kNoDeparture) return engine::kNever;
  if (d.route_paced[route])
    return engine::first_event_after(d.route_mean_days[route], now(),
                                     route_timing_rng_.exponential(1.0));
  return after_days(draw(d.route_duration[route], route_timing_rng_));
}

void DepartureStage::on_route_done(PersonId id, std::uint32_t epoch) {
  const Person& p = k_.persons[id];
  if ((p.stage != Stage::kRejected && p.stage != Stage::kLimbo) || p.epoch != epoch) return;
  if (p.route == kPermitLater) {
    k_.rec.count(k_.m.dtenv_route[kPermitLater]);
    ind_.grant_permit(id, PermitKind::kSideInflow);
    return;
  }
  if (is_forced(p.route)) {  // removal goes through immigration detention
    if (detention_.request(now(), id)) start_detention(id);
    return;
  }
  depart(id, static_cast<Route>(p.route));
}

void DepartureStage::start_detention(PersonId id) {
  const Stage st = k_.persons[id].stage;
  if (st != Stage::kRejected && st != Stage::kLimbo) {  // the case moved on while waiting
    if (auto next = detention_.release(now())) start_detention(*next);
    return;
  }
  k_.rec.count(k_.m.detention_inflow);
  k_.rec.stock_add(k_.m.in_detention, now(), 1);
  reception_.leave_coa(id);
  schedule(after_days(draw(s_.departure.detention, detention_rng_)), kRemoval, id);
}

void DepartureStage::on_removal(PersonId id) {
  k_.rec.stock_add(k_.m.in_detention, now(), -1);
  if (auto next = detention_.release(now())) start_detention(*next);
  depart(id, static_cast<Route>(k_.persons[id].route));
}

void DepartureStage::on_dublin_term_ends(PersonId id, std::uint32_t epoch) {
  Person& p = k_.persons[id];
  if ((p.stage != Stage::kRejected && p.stage != Stage::kLimbo) || p.epoch != epoch) return;
  // The transfer term passed: the Netherlands becomes responsible and decides in AA. DTenV closes
  // the departure case without a departure (administrative outflow, Fig 105).
  k_.rec.count(k_.m.dtenv_route[kAdministrative]);
  if (p.stage == Stage::kLimbo) k_.rec.stock_add(k_.m.limbo, now(), -1);
  if (p.location == kNoLocation) reception_.enter_coa(id, kPol, kIntakeDublinTermEnd);
  ind_.enqueue(id, kAA, 1);
  ind_.start_legal_term(id);
}

void DepartureStage::depart(PersonId id, Route route) {
  k_.rec.count(k_.m.dtenv_route[route]);
  if (route == kUnsupervised) {
    reception_.leave_with_unknown_destination(id, false);
    return;
  }
  if (is_voluntary(route)) {
    k_.rec.count(k_.m.chain_independent);
    k_.rec.count(k_.m.cost_measures, at(s_.groups[k_.persons[id].group].voluntary_return_cost));
  } else if (is_forced(route)) {
    k_.rec.count(k_.m.chain_forced);
  }
  leave_chain(id);
}

// Leaving without supervision outside the DTenV caseload (during the procedure, or after an
// 'other' outcome): a chain-wide departure, not a DTenV route.
void DepartureStage::leave_unsupervised(PersonId id) {
  k_.rec.count(k_.m.chain_unsupervised);
  leave_chain(id);
}

// Leaves reception and the chain; no departure route is counted (e.g. a withdrawn application).
void DepartureStage::leave_chain(PersonId id) {
  if (k_.persons[id].stage == Stage::kLimbo) k_.rec.stock_add(k_.m.limbo, now(), -1);
  reception_.leave_coa(id);
  set_stage(id, Stage::kDeparted);
}

void DepartureStage::start_non_asylum() {
  const auto& n = s_.departure.non_asylum;
  if (!n.enabled) return;
  double total_entries = 0;
  for (const auto& e : n.entries_per_year) total_entries += at(e);
  for (int r = 0; r < kNonAsylumRoutes; ++r) {
    const double share = total_entries > 0 ? at(n.entries_per_year[r]) / total_entries : 0.0;
    non_asylum_caseload_[r] = std::llround(n.caseload_at_start * share);
  }
  record_non_asylum();
}

void DepartureStage::record_non_asylum() {
  std::int64_t total = 0;
  for (const std::int64_t c : non_asylum_caseload_) total += c;
  k_.rec.stock_set(k_.m.non_asylum_caseload, now(), static_cast<double>(total));
}

// One day of the caseload outside the asylum chain, per route: binomial departures at the daily
// hazard of the mean time to departure, then Poisson entries.
void DepartureStage::non_asylum_daily() {
  const auto& n = s_.departure.non_asylum;
  if (!n.enabled) return;
  auto& rng = non_asylum_rng_;
  const double hazard = 1.0 - std::exp(-1.0 / at(n.mean_days_to_depart));
  for (int r = 0; r < kNonAsylumRoutes; ++r) {
    const std::int64_t leaving = engine::binomial_count(non_asylum_caseload_[r], hazard, rng);
    const std::int64_t entering = engine::poisson_count(at(n.entries_per_year[r]) / 365.25, rng);
    non_asylum_caseload_[r] += entering - leaving;
    k_.rec.count(k_.m.non_asylum_departed[r], static_cast<double>(leaving));
    k_.rec.count(k_.m.non_asylum_entries, static_cast<double>(entering));
    const auto chain = r == kNonAsylumForced        ? k_.m.chain_forced
                       : r == kNonAsylumIndependent ? k_.m.chain_independent
                                                    : k_.m.chain_unsupervised;
    k_.rec.count(chain, static_cast<double>(leaving));
  }
  record_non_asylum();
}

}  // namespace asylumsim::model
