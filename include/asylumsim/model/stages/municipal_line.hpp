// One class of municipalities in the housing stage: its line of linked households (an urgent lane
// before the regular one, each per size of dwelling the household needs), its residents of HAR+
// shelter and doorstroomlocaties waiting for a regular home, its share of the realisation capacity
// (per size of dwelling) and its half-year's quota and balance.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "asylumsim/engine/queue_discipline.hpp"
#include "asylumsim/engine/resource.hpp"
#include "asylumsim/model/person.hpp"

namespace asylumsim::model {

struct MunicipalLine {
  struct ShelterLeaver {
    std::uint32_t id;
    std::uint32_t kind;  // 0 HAR+ shelter, 1 doorstroomlocatie
  };
  // Sizes of dwelling (housing.dwellings): single, small, family, large. Without sizes, all
  // households wait in the first and all capacity is in it.
  static constexpr std::size_t kSizes = 4;
  using Lane = engine::RingQueue<std::uint32_t>;
  std::array<Lane, kSizes> urgent;                   // linked household heads with priority
  std::array<Lane, kSizes> regular;                  // linked household heads, FIFO by link time
  engine::RingQueue<ShelterLeaver> shelter_leavers;  // stay over, waiting for a regular home
  std::array<engine::PeriodicQuota, kSizes> capacity{
      engine::PeriodicQuota(false), engine::PeriodicQuota(false), engine::PeriodicQuota(false),
      engine::PeriodicQuota(false)};  // dwellings of each size, persons per day
  double quota_share = 1.0;           // of the national taakstelling
  double performance = 1.0;     // realisation per person asked of it, relative to other classes
  double capacity_share = 1.0;  // of the national realisation capacity, this half-year
  std::array<double, kSizes> size_shares{1, 0, 0, 0};    // of its capacity by size of dwelling
  double quota = 0, realised = 0, balance_at_start = 0;  // this half-year, persons

  double half_limit = 0;  // quota + balance + advance: the most it may house this half-year
  double today_cap = 0;   // the most this class may have housed by the end of today

  // The dwellings the class is asked for this half-year: its quota and balance (none when ahead),
  // and its shelter residents ready to move on (they need a dwelling from the same capacity).
  double demand() const {
    return std::max(0.0, quota + balance_at_start) + static_cast<double>(shelter_leavers.size());
  }
  // The half-year's limit and today's share of what it still allows, paced evenly over the days
  // left so the cap never stops housing in the last weeks of a half-year. Set once a day, before
  // housing starts.
  void pace(double advance_share, double days_left) {
    half_limit = quota * (1.0 + advance_share) + balance_at_start;
    today_cap = realised + std::max(0.0, half_limit - realised) / days_left;
  }
};

}  // namespace asylumsim::model
