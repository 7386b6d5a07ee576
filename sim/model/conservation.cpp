// The conservation check: every count the stages keep by hand is recounted from the person
// records, and every stock the recorder holds that a recount can give is compared with it. A
// mismatch means a stage moved a person without updating a count (or the other way round), so
// the check throws rather than let a drifted figure into the results.
//
// Not recounted, with the reason:
// - the Nidos and detention places (no person field says who holds them) are checked against the
//   recorder only; nareis.waiting against the nareis queue.
#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

#include "asylumsim/model/chain_model.hpp"

namespace asylumsim::model {

using namespace scenario;

namespace {

void require_equal(double counted_in, double recounted, std::string_view what) {
  if (counted_in != recounted)
    throw std::logic_error(fmt::format("conservation violated: {} is {} but {} persons recounted",
                                       what, counted_in, recounted));
}

bool in_coa(const Person& p) {
  return p.location != kNoLocation && p.location != kNidos;
}

}  // namespace

void ChainModel::check_conservation() const {
  check_stage_counts();
  check_coa();
  check_stocks();
}

void ChainModel::check_stage_counts() const {
  std::array<std::uint64_t, kStages> recount{};
  for (const Person& p : k_.persons) ++recount[static_cast<int>(p.stage)];
  std::uint64_t total = 0;
  for (int i = 0; i < kStages; ++i) {
    total += k_.stage_count[i];
    if (recount[i] != k_.stage_count[i])
      throw std::logic_error(
          fmt::format("conservation violated: stage {} holds {} persons but {} were counted in",
                      kStageNames[i], recount[i], k_.stage_count[i]));
  }
  if (total != k_.persons.size())
    throw std::logic_error(fmt::format(
        "conservation violated: {} persons entered, {} accounted for", k_.persons.size(), total));
}

// Places by location, the resident index and its census records, the residents' stocks.
void ChainModel::check_coa() const {
  std::array<std::int64_t, kLocations> at_location{};
  std::vector<std::int64_t> by_group(k_.s.groups.size(), 0);
  std::int64_t residents = 0, permit_holders = 0, minors = 0;
  for (const Person& p : k_.persons) {
    if (p.location == kNoLocation) continue;
    ++at_location[p.location];
    if (!in_coa(p)) continue;
    ++residents;
    ++by_group[p.group];
    if (p.stage == Stage::kPermitHolder) ++permit_holders;
    if (p.flags & flag::kAmv) ++minors;
  }
  const engine::CapacityStock& coa = reception_.places();
  for (int l = 0; l < kLocations; ++l) {
    const std::string label = fmt::format("COA places occupied at {}", kLocationNames[l]);
    require_equal(static_cast<double>(coa.occupied(l)), static_cast<double>(at_location[l]), label);
    require_equal(k_.rec.stock_value(k_.m.coa_by_location[l]), static_cast<double>(at_location[l]),
                  "the stock " + label);
  }
  require_equal(static_cast<double>(k_.residents.size()), static_cast<double>(residents),
                "the COA resident list");
  require_equal(k_.rec.stock_value(k_.m.coa_occupancy), static_cast<double>(residents),
                "coa.occupancy");
  for (std::size_t g = 0; g < by_group.size(); ++g)
    require_equal(k_.rec.stock_value(k_.gm.coa_residents[g]), static_cast<double>(by_group[g]),
                  "COA residents of group " + k_.s.groups[g].name);
  require_equal(k_.rec.stock_value(k_.m.coa_permit_holders), static_cast<double>(permit_holders),
                "permit holders in COA");
  require_equal(k_.rec.stock_value(k_.m.coa_amv), static_cast<double>(minors),
                "unaccompanied minors in COA (coa.amv)");
  require_equal(k_.rec.stock_value(k_.m.housing_waiting), static_cast<double>(permit_holders),
                "permit holders waiting for housing in COA");
  for (std::size_t slot = 0; slot < k_.residents.size(); ++slot) {
    const Person& p = k_.persons[k_.residents[slot]];
    const Kernel::ResidentCensus& r = k_.resident_census[slot];
    const engine::Tick permit = p.stage == Stage::kPermitHolder ? p.permit_at : engine::kNever;
    if (!in_coa(p) || p.resident_slot != slot || r.coa_since != p.coa_since ||
        r.permit_at != permit)
      throw std::logic_error(fmt::format(
          "conservation violated: the census record of resident {} is out of date", slot));
  }
}

// The IND backlog, limbo, away, with hosts, the housing line, municipal places, and the stocks
// only a stage can count (nareis queue, detention, doorstroomlocaties).
void ChainModel::check_stocks() const {
  std::array<std::int64_t, kTracks> waiting{};
  std::vector<std::int64_t> waiting_by_group(k_.s.groups.size(), 0);
  std::int64_t municipal = 0, with_hosts = 0, linked_heads = 0;
  for (PersonId id = 0; id < k_.persons.size(); ++id) {
    const Person& p = k_.persons[id];
    if (p.flags & flag::kMunicipal) ++municipal;
    if (p.flags & flag::kWithHosts) ++with_hosts;
    if (p.stage == Stage::kIndWaiting) {
      ++waiting[p.track];
      ++waiting_by_group[p.group];
    }
    if (p.stage == Stage::kPermitHolder && (p.flags & flag::kLinked) && p.head == id)
      ++linked_heads;
  }
  for (int t = 0; t < kTracks; ++t) {
    const std::string label = fmt::format("the IND backlog {}", kTrackNames[t]);
    require_equal(static_cast<double>(ind_.waiting(t)), static_cast<double>(waiting[t]), label);
    require_equal(k_.rec.stock_value(k_.m.ind_backlog[t]), static_cast<double>(waiting[t]),
                  "the stock of " + label);
  }
  for (std::size_t g = 0; g < waiting_by_group.size(); ++g)
    require_equal(k_.rec.stock_value(k_.gm.backlog[g]), static_cast<double>(waiting_by_group[g]),
                  "the IND backlog of group " + k_.s.groups[g].name);
  const auto count = [this](Stage st) {
    return static_cast<double>(k_.stage_count[static_cast<int>(st)]);
  };
  require_equal(k_.rec.stock_value(k_.m.limbo), count(Stage::kLimbo), "limbo");
  require_equal(k_.rec.stock_value(k_.m.away), count(Stage::kAway), "away (to re-register)");
  require_equal(k_.rec.stock_value(k_.m.with_hosts), static_cast<double>(with_hosts),
                "staying with hosts");
  require_equal(static_cast<double>(housing_.households_waiting()),
                static_cast<double>(linked_heads), "the housing line (linked households)");
  require_equal(static_cast<double>(ukraine_.activated_in_municipal()),
                static_cast<double>(municipal), "activated applicants in municipal reception");
  require_equal(k_.rec.stock_value(k_.m.nareis_waiting), static_cast<double>(nareis_.waiting()),
                "nareis applications waiting (the queue)");
  require_equal(k_.rec.stock_value(k_.m.in_detention), static_cast<double>(departure_.detained()),
                "detention (places taken)");
  require_equal(k_.rec.stock_value(k_.m.transit_occupied),
                static_cast<double>(housing_.in_transit()), "doorstroomlocaties (places taken)");
}

}  // namespace asylumsim::model
