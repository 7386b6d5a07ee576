// A household: a head and the persons chained behind it (Person::head, Person::next_member).
// First applicants who arrive together form one at arrival; family members who come through nareis
// join their referent's. A member that left the household (it got a permit while its head did not)
// points to itself and is skipped, though the chain still runs through it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "asylumsim/engine/rng.hpp"
#include "asylumsim/model/person.hpp"
#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::model {

// Calls f(id) for the head, then each member still in its household, in chain order.
template <class F>
void for_each_in_household(const std::vector<Person>& persons, std::uint32_t head, F&& f) {
  for (std::uint32_t m = head; m != kNoPerson; m = persons[m].next_member)
    if (persons[m].head == head) f(m);
}

// Chains `id` into the household headed by `head`, right behind it.
inline void add_to_household(std::vector<Person>& persons, std::uint32_t head, std::uint32_t id) {
  Person& h = persons[head];
  Person& p = persons[id];
  p.head = head;
  p.next_member = h.next_member;
  h.next_member = id;
  h.household_size = static_cast<std::uint8_t>(std::min(255, h.household_size + 1));
}

// A household head holding a permit and waiting for a home (in COA or with hosts; a minor with
// Nidos is housed at once, so heads nobody).
inline bool waits_for_home(const std::vector<Person>& persons, std::uint32_t head) {
  const Person& h = persons[head];
  return h.stage == Stage::kPermitHolder && h.head == head && h.location != scenario::kNidos;
}

// Forms households from persons who come one at a time, per nationality group: the first of a
// household draws its size from the group's shares (P(1), P(2), ...), and the group's next persons
// fill its places. Households group the persons, never add any; a household whose places are not
// filled when its root stops taking members (is_open) stays smaller.
class HouseholdFiller {
 public:
  explicit HouseholdFiller(std::size_t groups) : open_(groups) {}

  // Adds `id` (of `group`) to the group's open household, or opens a new one of a drawn size.
  // Returns the household's root (`id` itself when it opened one).
  template <class IsOpen>
  std::uint32_t add(std::vector<Person>& persons, std::uint32_t id, std::uint32_t group,
                    const std::vector<double>& sizes, engine::RandomStream& rng, IsOpen&& is_open) {
    if (sizes.size() < 2) return id;  // singles only: no draw
    Open& open = open_[group];
    if (open.places_left > 0 && is_open(open.root)) {
      add_to_household(persons, open.root, id);
      --open.places_left;
      return open.root;
    }
    open = {id, static_cast<std::uint32_t>(rng.size_from(sizes) - 1)};
    return id;
  }

 private:
  struct Open {
    std::uint32_t root = kNoPerson;
    std::uint32_t places_left = 0;
  };
  std::vector<Open> open_;
};

}  // namespace asylumsim::model
