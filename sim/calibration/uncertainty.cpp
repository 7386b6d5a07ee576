// Per-replication draws of the uncertain inputs: see include/asylumsim/calibration/uncertainty.hpp.
#include "asylumsim/calibration/uncertainty.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "asylumsim/calibration/posterior.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/model/inflow_uncertainty.hpp"
#include "asylumsim/model/level_uncertainty.hpp"
#include "asylumsim/scenario/key_path.hpp"
#include "asylumsim/scenario/overrides.hpp"
#include "asylumsim/scenario/resolve.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::calibration {

using montecarlo::inflow_key;
using montecarlo::parameter_key;
using montecarlo::UncertaintySources;

namespace {

// The resolved tree (extends merged, overrides applied), emitted once: each replication parses
// its own copy, so no YAML node is shared between threads.
std::string resolved_text(const std::string& path, const std::vector<std::string>& sets) {
  const YAML::Node root = measures::scenario_tree(path);
  scenario::apply_overrides(root, scenario::parse_overrides(sets));
  YAML::Emitter e;
  e << root;
  return e.c_str();
}

struct ParameterModel {
  CalibrationSpec spec;
  Posterior posterior;
  std::vector<bool> held;  // per parameter: keep the scenario's value (a sweep's --vary)
};

std::optional<ParameterModel> parameter_model(const std::string& text, const std::string& path) {
  const YAML::Node root = scenario::load_yaml_text(text, path);
  if (!root["calibration"]) return std::nullopt;
  ParameterModel m;
  m.spec = read_calibration(root, path);
  auto post = read_posterior(root, m.spec, path);
  if (!post) return std::nullopt;
  m.posterior = std::move(*post);
  return m;
}

class Draws final : public scenario::ReplicationDraws {
 public:
  Draws(std::string text, std::string path, std::optional<ParameterModel> params,
        UncertaintySources future)
      : text_(std::move(text)),
        path_(std::move(path)),
        params_(std::move(params)),
        future_(future) {}

  scenario::Scenario scenario_for(const scenario::Scenario& loaded,
                                  std::uint64_t rep) const override {
    scenario::Scenario r = params_ ? with_parameters(loaded.seed, parameter_key(rep)) : loaded;
    r.draws = nullptr;
    r.seed = loaded.seed;
    if (future_.inflow) model::apply_inflow_path(r, loaded.seed, inflow_key(rep));
    if (future_.levels) model::apply_level_drift(r, loaded.seed, inflow_key(rep));
    return r;
  }

 private:
  // A draw the scenario's checks reject (say, route shares summing above 1) is drawn again from
  // a stream of its own: a sample of the posterior restricted to valid scenarios.
  scenario::Scenario with_parameters(std::uint64_t seed, std::uint64_t rep) const {
    constexpr int kAttempts = 50;
    for (int attempt = 0;; ++attempt) {
      const Eigen::VectorXd x =
          draw_parameters(params_->posterior, params_->spec, seed, rep, attempt);
      const YAML::Node root = scenario::load_yaml_text(text_, path_);
      for (std::size_t i = 0; i < params_->spec.parameters.size(); ++i) {
        if (params_->held[i]) continue;
        YAML::Node n = scenario::resolve_key_path(root, params_->spec.parameters[i].path);
        n = x[static_cast<Eigen::Index>(i)];
      }
      try {
        return scenario::load_resolved(root, path_, measures::completion());
      } catch (const scenario::InputError&) {
        if (attempt + 1 == kAttempts) throw;
      }
    }
  }

  std::string text_, path_;
  std::optional<ParameterModel> params_;
  UncertaintySources future_;  // its inflow and levels flags
};

}  // namespace

namespace {

// True when `path` is `prefix` or lies under it (a --set of a whole schedule holds its steps).
bool under(const std::string& path, const std::string& prefix) {
  return path.rfind(prefix, 0) == 0 &&
         (path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[');
}

UncertaintySources attach(scenario::Scenario& s, std::string text, const std::string& model_text,
                          const std::string& path, UncertaintySources wanted,
                          const std::vector<std::string>& held) {
  std::optional<ParameterModel> params =
      wanted.parameters ? parameter_model(model_text, path) : std::nullopt;
  if (params)
    for (const auto& fp : params->spec.parameters)
      params->held.push_back(std::any_of(held.begin(), held.end(),
                                         [&](const std::string& h) { return under(fp.path, h); }));
  const UncertaintySources in{params.has_value(), wanted.inflow && s.inflow_uncertainty.active(),
                              wanted.levels && s.level_uncertainty.active()};
  if (in.beyond_chance())
    s.draws = std::make_shared<Draws>(std::move(text), path, std::move(params), in);
  else
    s.draws = nullptr;
  return in;
}

}  // namespace

UncertaintySources attach_uncertainty(scenario::Scenario& s, const std::string& path,
                                      const std::vector<std::string>& sets,
                                      UncertaintySources wanted,
                                      const std::vector<std::string>& held) {
  // The posterior belongs to the file as calibrated; a value the user sets (--set, a sweep's
  // --vary) is held at that value instead of being drawn.
  if (!wanted.beyond_chance()) {  // chance only: nothing to draw
    s.draws = nullptr;
    return wanted;
  }
  std::vector<std::string> fixed = held;
  for (const auto& o : scenario::parse_overrides(sets)) fixed.push_back(o.path);
  return attach(s, resolved_text(path, sets), resolved_text(path, {}), path, wanted, fixed);
}

UncertaintySources attach_uncertainty_text(scenario::Scenario& s, std::string text,
                                           const std::string& path, UncertaintySources wanted,
                                           const std::vector<std::string>& held) {
  const std::string model_text = text;
  return attach(s, std::move(text), model_text, path, wanted, held);
}

}  // namespace asylumsim::calibration
