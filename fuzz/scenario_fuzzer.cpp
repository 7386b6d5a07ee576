// libFuzzer target for the scenario loader: any byte string must either load or be refused with
// an InputError — never crash, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "asylumsim/indicators/targets.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/scenario/diagnostics.hpp"
#include "asylumsim/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    asylumsim::measures::load_scenario_text(text, "fuzz.yaml");
  } catch (const asylumsim::scenario::InputError&) {
    // refused with located diagnostics: the expected outcome for most inputs
  }
  return 0;
}
