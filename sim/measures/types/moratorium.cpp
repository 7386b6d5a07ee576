// moratorium: the IND takes no decisions for a group's cases inside the window; held cases go
// first afterwards, or rejoin the back of the line.
#include <algorithm>

#include "measure_type.hpp"

namespace asylumsim::measures::types {

namespace {

struct Moratorium final : MeasureEffect {
  int group = -1;
  bool resume_first = true;  // held cases go first when it ends; false: to the back of the line

  void apply(Scenario& s, const Measure& m) const override {
    s.ind.moratoria.push_back(
        {s.groups[static_cast<std::size_t>(group)].name, group, m.from, m.until, resume_first});
  }
  std::string describe(const Scenario& s) const override {
    return "no decisions for " + group_name(s, group) +
           (resume_first ? "; held cases decided first afterwards"
                         : "; held cases rejoin the back of the line afterwards");
  }
};

std::shared_ptr<const scenario::MeasureParams> read(MeasureReader& r, const YamlView& b,
                                                    const Measure& m) {
  if (m.until == engine::kNever && !b.has("until"))
    b.error("a moratorium needs an end date (until)");
  auto p = std::make_shared<Moratorium>();
  p->group = r.group(b.required("group"));
  p->resume_first = r.resume_first(b.child("resume"));
  return p;
}

}  // namespace

extern const MeasureSchema moratorium{"moratorium", {"group", "resume"}, read};

}  // namespace asylumsim::measures::types
