// The kernel every stage shares: the person records, their stages and the COA resident index.
#include "asylumsim/model/kernel.hpp"

#include "asylumsim/model/stages/ukraine.hpp"

namespace asylumsim::model {

Kernel::Kernel(const scenario::Scenario& scn, std::uint64_t rep)
    : s(scn), replication(rep), cal(scn.calendar()), rec(scn.months()) {
  m.register_all(rec);
  gm.register_all(rec, s);
  rec.finalize(0);
  // Room for the baseline's ~460,000 records without a reallocation (a copy of every record and
  // fresh pages mid-run); address space only until used.
  persons.reserve(std::size_t{1} << 19);
  sim.reserve(1 << 16);
}

PersonId Kernel::new_person(Origin origin, std::uint8_t group) {
  Person p;
  p.origin = origin;
  p.group = group;
  p.applied = now();
  const auto id = static_cast<PersonId>(persons.size());
  p.head = id;
  persons.push_back(p);
  ++stage_count[static_cast<int>(Stage::kRegistration)];
  return id;
}

void Kernel::set_stage(PersonId id, Stage st) {
  Person& p = persons[id];
  if (observer) [[unlikely]]
    observer(id, p.stage, st, now());
  --stage_count[static_cast<int>(p.stage)];
  ++stage_count[static_cast<int>(st)];
  p.stage = st;
  // An activated Ukrainian keeps the municipal place until housed, out of reception or gone.
  if ((p.flags & flag::kMunicipal) && (st == Stage::kHoused || st == Stage::kLimbo ||
                                       st == Stage::kDeparted || st == Stage::kAway)) [[unlikely]]
    municipal_reception->leave_municipal_reception(id);
  if (p.resident_slot != kNoPerson)
    resident_census[p.resident_slot].permit_at =
        st == Stage::kPermitHolder ? p.permit_at : engine::kNever;
}

}  // namespace asylumsim::model
