#include "asylumsim/indicators/acceptance.hpp"

#include "asylumsim/indicators/tags.hpp"

namespace asylumsim::indicators {

Acceptance acceptance_for(const Target& t) {
  if (has_tag(t.id, "key", t.when.label())) return {0.05, true, true};
  if (t.kind == "share") return {0.05, false, false};
  if (t.kind == "duration") return {0.15, true, false};
  return {0.10, true, false};
}

}  // namespace asylumsim::indicators
