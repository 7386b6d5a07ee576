// A household: a head and the persons chained behind it (Person::head, Person::next_member).
// First applicants who arrive together form one at arrival; family members who come through nareis
// join their referent's. A member that left the household (it got a permit while its head did not)
// points to itself and is skipped, though the chain still runs through it.
#pragma once

#include <vector>

#include "asylumsim/model/person.hpp"

namespace asylumsim::model {

// Calls f(id) for the head, then each member still in its household, in chain order.
template <class F>
void for_each_in_household(const std::vector<Person>& persons, std::uint32_t head, F&& f) {
  for (std::uint32_t m = head; m != kNoPerson; m = persons[m].next_member)
    if (persons[m].head == head) f(m);
}

}  // namespace asylumsim::model
