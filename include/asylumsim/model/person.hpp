// A person in the chain: compact (64 bytes, one cache line) so a replication with a few hundred
// thousand persons stays in cache-friendly memory.
#pragma once

#include <array>
#include <cstdint>

#include "asylumsim/engine/event.hpp"
#include "asylumsim/engine/time.hpp"

namespace asylumsim::model {

// Where a person is in the chain. Every person is in exactly one stage.
enum class Stage : std::uint8_t {
  kRegistration,  // in Ter Apel, registering (and screening from 2026-06-12)
  kIndWaiting,    // waiting for an IND decision (or held by a moratorium)
  kInAppeal,      // court (beroep) or Council of State (hoger beroep)
  kPermitHolder,  // statushouder in COA, waiting for housing
  kRejected,      // final rejection, reception not yet ended or family/VBL location
  kLimbo,         // out of reception without a departure yet (cannot leave, or not yet)
  kNareisAbroad,  // family member abroad: mvv application pending, or travelling
  kHoused,        // left COA to a municipality (counted in the taakstelling)
  kDeparted,      // left the chain (any route)
  kAway,          // left with unknown destination (MOB, counted as departed) and will re-register
  kCount
};
inline constexpr int kStages = static_cast<int>(Stage::kCount);
inline constexpr std::array<const char*, kStages> kStageNames = {
    "registration", "ind_waiting",   "in_appeal", "permit_holder", "rejected",
    "limbo",        "nareis_abroad", "housed",    "departed",      "away"};

enum class Origin : std::uint8_t {
  kFirst,
  kRepeat,
  kResettlement,
  kRelocation,
  kDublinIn,
  kNareis,
  kUkraine,
  kInitial
};

enum class PermitKind : std::uint8_t { kFirst, kRepeat, kResettlement, kSideInflow, kNareis };

inline constexpr std::uint8_t kNoLocation = 0xff;
inline constexpr std::uint32_t kNoPerson = UINT32_MAX;

namespace flag {
inline constexpr std::uint8_t kAmv = 1;             // unaccompanied minor
inline constexpr std::uint8_t kFamilyMinors = 2;    // in a family with minor children
inline constexpr std::uint8_t kReopened = 4;        // case sent back to the IND by a court
inline constexpr std::uint8_t kMunicipal = 8;       // Ukrainian in municipal reception (GOO)
inline constexpr std::uint8_t kWithHosts = 16;      // permit holder staying with hosts (logeren)
inline constexpr std::uint8_t kLinked = 32;         // permit holder linked to a municipality
inline constexpr std::uint8_t kFirstDecided = 64;   // first-instance decision counted
inline constexpr std::uint8_t kInvestigated = 128;  // drew for further investigation (once)
}  // namespace flag

struct Person {
  engine::Tick applied = 0;  // application (registration) time; lead times count from here
  engine::Tick permit_at = engine::kNever;
  engine::Tick coa_since = engine::kNever;  // start of the current COA stay
  engine::EventHandle pending;              // a cancellable event (absconding while waiting)
  std::uint32_t head = kNoPerson;           // household head (model/household.hpp); self when none
  std::uint32_t next_member = kNoPerson;    // next in the household's chain behind the head
  std::uint32_t epoch = 0;                  // invalidates stale IND queue entries
  std::uint32_t resident_slot = kNoPerson;  // index in the COA resident list (census)
  Stage stage = Stage::kRegistration;
  Origin origin = Origin::kFirst;
  std::uint8_t group = 0;
  std::uint8_t track = 0;
  std::uint8_t location = kNoLocation;  // COA location type, or kNoLocation
  std::uint8_t flags = 0;
  std::uint8_t route = 0;
  std::uint8_t household_size = 1;  // persons in the household (heads only): arrived with, joined
};

}  // namespace asylumsim::model
static_assert(sizeof(asylumsim::model::Person) <= 64, "Person must fit a cache line");
