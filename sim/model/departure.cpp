// Stage 8 — departure (DTenV caseload): after a final rejection, a route is drawn with its own
// lead time: voluntary (origin, Dublin, other), forced (origin, Dublin, other), unsupervised (MOB),
// a later permit, administrative outflow, or none (the person stays in limbo). Dublin cases are
// transferred within the transfer term or, failing that, the Netherlands becomes responsible and
// the case enters the AA procedure.
// Chain-wide departures (Fig 103) also count migrants without legal stay who never applied for
// asylum; they are a stock-flow caseload here (start_non_asylum, non_asylum_daily), not persons.
#include <cmath>

#include "asylumsim/engine/counts.hpp"
#include "asylumsim/engine/hazard.hpp"
#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

namespace {
bool is_voluntary(int r) {
  return r == kVoluntaryOrigin || r == kVoluntaryDublin || r == kVoluntaryOther;
}
bool is_forced(int r) {
  return r == kForcedOrigin || r == kForcedDublin || r == kForcedOther;
}
}  // namespace

void ChainModel::start_departure(PersonId id) {
  Person& p = persons_[id];
  const auto& d = s_.departure;
  if (p.track == kDublin && p.origin != Origin::kDublinIn &&
      rng_.dublin_transfer.bernoulli(at(d.dublin_transfer_success))) {
    p.route = kForcedDublin;
    const Tick term = after_days(at(d.dublin_transfer_term_days));
    const Tick t =
        std::min(term, after_days(draw(d.dublin_transfer_duration, rng_.dublin_transfer)));
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
  double u = rng_.routes.uniform01() * total;
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
      !rng_.travel_documents.bernoulli(
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
Tick ChainModel::route_done_time(int route) {
  const auto& d = s_.departure;
  if (route == kNoDeparture) return engine::kNever;
  if (d.route_paced[route])
    return engine::first_event_after(d.route_mean_days[route], now(),
                                     rng_.route_timing.exponential(1.0));
  return after_days(draw(d.route_duration[route], rng_.route_timing));
}

void ChainModel::on_route_done(PersonId id, std::uint32_t epoch) {
  const Person& p = persons_[id];
  if ((p.stage != Stage::kRejected && p.stage != Stage::kLimbo) || p.epoch != epoch) return;
  if (p.route == kPermitLater) {
    rec_.count(m_.dtenv_route[kPermitLater]);
    grant_permit(id, PermitKind::kSideInflow);
    return;
  }
  if (is_forced(p.route)) {  // removal goes through immigration detention
    if (detention_.request(now(), id)) start_detention(id);
    return;
  }
  depart(id, static_cast<Route>(p.route));
}

void ChainModel::start_detention(PersonId id) {
  const Stage st = persons_[id].stage;
  if (st != Stage::kRejected && st != Stage::kLimbo) {  // the case moved on while waiting
    if (auto next = detention_.release(now())) start_detention(*next);
    return;
  }
  rec_.count(m_.detention_inflow);
  rec_.stock_add(m_.in_detention, now(), 1);
  leave_coa(id);
  schedule(after_days(draw(s_.departure.detention, rng_.detention)), kRemoval, id);
}

void ChainModel::on_removal(PersonId id) {
  rec_.stock_add(m_.in_detention, now(), -1);
  if (auto next = detention_.release(now())) start_detention(*next);
  depart(id, static_cast<Route>(persons_[id].route));
}

void ChainModel::on_dublin_term_ends(PersonId id, std::uint32_t epoch) {
  Person& p = persons_[id];
  if ((p.stage != Stage::kRejected && p.stage != Stage::kLimbo) || p.epoch != epoch) return;
  // The transfer term passed: the Netherlands becomes responsible and decides in AA. DTenV closes
  // the departure case without a departure (administrative outflow, Fig 105).
  rec_.count(m_.dtenv_route[kAdministrative]);
  if (p.stage == Stage::kLimbo) rec_.stock_add(m_.limbo, now(), -1);
  if (p.location == kNoLocation) enter_coa(id, kPol, kIntakeDublinTermEnd);
  enqueue_ind(id, kAA, 1);
  start_legal_term(id);
}

void ChainModel::depart(PersonId id, Route route) {
  rec_.count(m_.dtenv_route[route]);
  if (route == kUnsupervised) {
    leave_with_unknown_destination(id, false);
    return;
  }
  if (is_voluntary(route)) {
    rec_.count(m_.chain_independent);
    rec_.count(m_.cost_measures, at(s_.groups[persons_[id].group].voluntary_return_cost));
  } else if (is_forced(route)) {
    rec_.count(m_.chain_forced);
  }
  leave_chain(id);
}

// Leaving without supervision outside the DTenV caseload (during the procedure, or after an
// 'other' outcome): a chain-wide departure, not a DTenV route.
void ChainModel::leave_unsupervised(PersonId id) {
  rec_.count(m_.chain_unsupervised);
  leave_chain(id);
}

// Leaves reception and the chain; no departure route is counted (e.g. a withdrawn application).
void ChainModel::leave_chain(PersonId id) {
  if (persons_[id].stage == Stage::kLimbo) rec_.stock_add(m_.limbo, now(), -1);
  leave_coa(id);
  set_stage(id, Stage::kDeparted);
}

void ChainModel::start_non_asylum() {
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

void ChainModel::record_non_asylum() {
  std::int64_t total = 0;
  for (const std::int64_t c : non_asylum_caseload_) total += c;
  rec_.stock_set(m_.non_asylum_caseload, now(), static_cast<double>(total));
}

// One day of the caseload outside the asylum chain, per route: binomial departures at the daily
// hazard of the mean time to departure, then Poisson entries.
void ChainModel::non_asylum_daily() {
  const auto& n = s_.departure.non_asylum;
  if (!n.enabled) return;
  auto& rng = rng_.non_asylum;
  const double hazard = 1.0 - std::exp(-1.0 / at(n.mean_days_to_depart));
  for (int r = 0; r < kNonAsylumRoutes; ++r) {
    const std::int64_t leaving = engine::binomial_count(non_asylum_caseload_[r], hazard, rng);
    const std::int64_t entering = engine::poisson_count(at(n.entries_per_year[r]) / 365.25, rng);
    non_asylum_caseload_[r] += entering - leaving;
    rec_.count(m_.non_asylum_departed[r], static_cast<double>(leaving));
    rec_.count(m_.non_asylum_entries, static_cast<double>(entering));
    const auto chain = r == kNonAsylumForced        ? m_.chain_forced
                       : r == kNonAsylumIndependent ? m_.chain_independent
                                                    : m_.chain_unsupervised;
    rec_.count(chain, static_cast<double>(leaving));
  }
  record_non_asylum();
}

}  // namespace asylumsim::model
