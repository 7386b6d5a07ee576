// `--set KEY.PATH=VALUE`: changes one value of a scenario for one command without editing files.
// The path has the calibration block's syntax (key_path.hpp); the value is YAML (a number, a
// string, a list or a mapping) and replaces what the file has there. The changed scenario is then
// checked like a file, and a problem with an overridden key names the option instead of a line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "asylumsim/scenario/scenario.hpp"

namespace asylumsim::scenario {

struct Override {
  std::string text;   // as given, KEY.PATH=VALUE: named in errors and recorded in provenance
  std::string path;   // KEY.PATH
  std::string value;  // VALUE, YAML
  std::string option = "--set";  // the option that gave it, for errors (sweep: --vary)
};

// Splits KEY.PATH=VALUE; nullopt with the reason in `why` when it is not of that form.
std::optional<Override> parse_override(const std::string& text, std::string* why = nullptr);
std::vector<Override> parse_overrides(const std::vector<std::string>& texts);  // InputError

// Writes the overrides into the tree in order. A path whose parent does not exist, or an index
// past a list's end, throws InputError naming the option; a new key under an existing mapping is
// added, and the loader then checks it like any other key.
void apply_overrides(YAML::Node root, const std::vector<Override>& overrides);

// read_scenario(path) with the overrides applied after `extends:`; recorded in Scenario::overrides.
Scenario read_scenario(const std::string& path, const std::vector<Override>& overrides,
                       const Completion& complete);

// The scenario file's own text with the overrides applied (for calibrate and backtest, which work
// on the text): `text` itself when there are none, else the changed tree re-emitted.
std::string text_with_overrides(const std::string& text, const std::string& file,
                                const std::vector<std::string>& overrides);

}  // namespace asylumsim::scenario
