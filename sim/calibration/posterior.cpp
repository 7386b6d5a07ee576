// Parameter uncertainty: see include/asylumsim/calibration/posterior.hpp and docs/calibration.md.
#include "asylumsim/calibration/posterior.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <sstream>

#include "asylumsim/engine/distribution.hpp"
#include "asylumsim/engine/rng.hpp"
#include "asylumsim/measures/load.hpp"
#include "asylumsim/montecarlo/batch.hpp"
#include "asylumsim/montecarlo/validation.hpp"
#include "asylumsim/scenario/yaml_reader.hpp"

namespace asylumsim::calibration {

namespace {

constexpr double kEdge = 1e-3;  // values are kept this fraction of the range inside the bounds
// A uniform prior on the range is a standard logistic in z; its variance is pi^2 / 3.
const double kPriorPrecision = 3.0 / (std::numbers::pi * std::numbers::pi);

double unit(const FreeParameter& p, double x) {
  return std::clamp((x - p.min) / (p.max - p.min), kEdge, 1 - kEdge);
}

}  // namespace

engine::Tick last_target_tick(const std::vector<indicators::Target>& targets,
                              const scenario::Scenario& s) {
  const engine::Calendar cal = s.calendar();
  engine::Tick last = 0;
  for (const auto& t : targets) {
    const engine::Date d = t.when.date ? *t.when.date : t.when.period->end_day();
    last = std::max(last, cal.to_tick(d) + engine::days(62));
  }
  return last < s.horizon_ticks() ? last : engine::kNever;
}

Eigen::VectorXd to_transformed(const CalibrationSpec& spec, const Eigen::VectorXd& x) {
  Eigen::VectorXd z(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double u = unit(spec.parameters[static_cast<std::size_t>(i)], x[i]);
    z[i] = std::log(u / (1 - u));
  }
  return z;
}

Eigen::VectorXd from_transformed(const CalibrationSpec& spec, const Eigen::VectorXd& z) {
  Eigen::VectorXd x(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const auto& p = spec.parameters[static_cast<std::size_t>(i)];
    x[i] = p.min + (p.max - p.min) / (1 + std::exp(-z[i]));
  }
  return x;
}

Posterior gaussian_posterior(const CalibrationSpec& spec, const Eigen::VectorXd& x,
                             const Eigen::VectorXd& r, const Eigen::MatrixXd& jacobian_x) {
  const Eigen::Index n = r.size(), p = x.size();
  Posterior post;
  for (const auto& fp : spec.parameters) post.paths.push_back(fp.path);
  post.mean = to_transformed(spec, x);
  post.figures = static_cast<int>(n);
  post.residual_variance = r.squaredNorm() / static_cast<double>(std::max<Eigen::Index>(n - p, 1));
  // Chain rule: dx/dz = (max - min) u (1 - u).
  Eigen::MatrixXd jz = jacobian_x;
  for (Eigen::Index i = 0; i < p; ++i) {
    const auto& fp = spec.parameters[static_cast<std::size_t>(i)];
    const double u = unit(fp, x[i]);
    jz.col(i) *= (fp.max - fp.min) * u * (1 - u);
  }
  Eigen::MatrixXd precision = Eigen::MatrixXd::Identity(p, p) * kPriorPrecision;
  if (post.residual_variance > 0) precision += jz.transpose() * jz / post.residual_variance;
  const Eigen::MatrixXd covariance = precision.llt().solve(Eigen::MatrixXd::Identity(p, p));
  post.cholesky = covariance.llt().matrixL();
  return post;
}

Posterior posterior_at_current_point(const std::string& text, const std::string& file,
                                     const std::vector<indicators::Target>& targets,
                                     const CalibrationOptions& opt) {
  const YAML::Node root = scenario::load_yaml_text(text, file);
  const CalibrationSpec spec = read_calibration(root, file);
  const auto grid = montecarlo::target_grid(targets);
  montecarlo::BatchOptions bo;
  bo.replications = opt.replications > 0 ? opt.replications : spec.replications;
  bo.threads = opt.threads;
  bo.run_until = last_target_tick(targets, measures::load_scenario_text(text, file));
  auto residuals_at = [&](const Eigen::VectorXd& x) {
    const auto batch = montecarlo::run_batch(scenario_with(root, spec, x, file), grid, bo);
    return residuals(montecarlo::validation_rows(targets, batch), spec);
  };
  const auto p = static_cast<Eigen::Index>(spec.parameters.size());
  Eigen::VectorXd x(p);
  for (Eigen::Index i = 0; i < p; ++i) x[i] = spec.parameters[static_cast<std::size_t>(i)].start;
  const Eigen::VectorXd r0 = residuals_at(x);
  Eigen::MatrixXd jacobian(r0.size(), p);
  for (Eigen::Index i = 0; i < p; ++i) {
    const auto& fp = spec.parameters[static_cast<std::size_t>(i)];
    // Step inwards at an upper bound, so the trial point stays feasible.
    double h = spec.difference_step * (fp.max - fp.min);
    if (x[i] + h > fp.max) h = -h;
    Eigen::VectorXd xi = x;
    xi[i] += h;
    jacobian.col(i) = (residuals_at(xi) - r0) / h;
    if (opt.progress) opt.progress(static_cast<int>(i) + 2, r0.squaredNorm());
  }
  return gaussian_posterior(spec, x, r0, jacobian);
}

std::optional<Posterior> read_posterior(const YAML::Node& root, const CalibrationSpec& spec,
                                        const std::string& file) {
  scenario::Diagnostics diag;
  const scenario::YamlView top(root, "", &file, &diag);
  const scenario::YamlView v = top.child("calibration").child("posterior");
  if (!v.defined()) return std::nullopt;
  if (!v.expect_map({"paths", "mean", "cholesky", "residual_variance", "figures"}))
    throw scenario::InputError(diag);
  Posterior post;
  const auto n = spec.parameters.size();
  const scenario::YamlView paths = v.required("paths"), mean = v.required("mean"),
                           chol = v.required("cholesky");
  if (paths.defined() && paths.expect_sequence()) {
    if (paths.size() != n)
      paths.error(fmt::format("{} paths; the calibration block frees {}", paths.size(), n));
    for (std::size_t i = 0; i < paths.size() && i < n; ++i)
      if (paths.element(i).as_string() != spec.parameters[i].path)
        paths.element(i).error(fmt::format("expected '{}' (the calibration block's parameter {})",
                                           spec.parameters[i].path, i + 1));
  }
  post.mean = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  if (mean.defined() && mean.expect_sequence()) {
    if (mean.size() != n) mean.error(fmt::format("{} values; expected {}", mean.size(), n));
    for (std::size_t i = 0; i < std::min(n, mean.size()); ++i)
      post.mean[static_cast<Eigen::Index>(i)] = mean.element(i).as_number();
  }
  post.cholesky = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  if (chol.defined() && chol.expect_sequence()) {
    if (chol.size() != n) chol.error(fmt::format("{} rows; expected {}", chol.size(), n));
    for (std::size_t i = 0; i < std::min(n, chol.size()); ++i) {
      const scenario::YamlView row = chol.element(i);
      if (!row.expect_sequence()) continue;
      if (row.size() != i + 1)
        row.error(fmt::format("{} values; row {} of a lower-triangular factor has {}", row.size(),
                              i + 1, i + 1));
      for (std::size_t j = 0; j < std::min(row.size(), i + 1); ++j)
        post.cholesky(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
            row.element(j).as_number();
    }
  }
  if (v.has("residual_variance")) post.residual_variance = v.child("residual_variance").as_number();
  if (v.has("figures")) post.figures = static_cast<int>(v.child("figures").as_integer());
  if (!diag.empty()) throw scenario::InputError(diag);
  for (const auto& fp : spec.parameters) post.paths.push_back(fp.path);
  return post;
}

Eigen::VectorXd draw_parameters(const Posterior& p, const CalibrationSpec& spec, std::uint64_t seed,
                                std::uint64_t rep, int attempt) {
  engine::RandomStream rng(seed, rep,
                           attempt == 0 ? std::string("uncertainty.parameters")
                                        : fmt::format("uncertainty.parameters.{}", attempt));
  Eigen::VectorXd normal(p.mean.size());
  for (Eigen::Index i = 0; i < normal.size(); ++i) normal[i] = engine::standard_normal(rng);
  return from_transformed(spec, p.mean + p.cholesky * normal);
}

void set_posterior(YAML::Node root, const Posterior& p) {
  YAML::Node b(YAML::NodeType::Map);
  for (const auto& path : p.paths) b["paths"].push_back(path);
  for (Eigen::Index i = 0; i < p.mean.size(); ++i) b["mean"].push_back(p.mean[i]);
  for (Eigen::Index i = 0; i < p.cholesky.rows(); ++i) {
    YAML::Node row(YAML::NodeType::Sequence);
    for (Eigen::Index j = 0; j <= i; ++j) row.push_back(p.cholesky(i, j));
    b["cholesky"].push_back(row);
  }
  b["residual_variance"] = p.residual_variance;
  b["figures"] = p.figures;
  root["calibration"]["posterior"] = b;
}

namespace {

std::string number_list(const Eigen::VectorXd& v, Eigen::Index count) {
  std::string out = "[";
  for (Eigen::Index i = 0; i < count; ++i) out += fmt::format("{}{:.6g}", i ? ", " : "", v[i]);
  return out + "]";
}

std::string posterior_block(const Posterior& p, const std::string& note) {
  std::string b = fmt::format("  posterior:  # {}\n    paths:\n", note);
  for (const auto& path : p.paths) b += fmt::format("      - {}\n", path);
  b += "    mean: " + number_list(p.mean, p.mean.size()) + "\n    cholesky:\n";
  for (Eigen::Index i = 0; i < p.cholesky.rows(); ++i)
    b += "      - " + number_list(p.cholesky.row(i).transpose(), i + 1) + "\n";
  return b + fmt::format("    residual_variance: {:.6g}\n    figures: {}\n", p.residual_variance,
                         p.figures);
}

bool top_level_key(const std::string& l) {
  return !l.empty() && l[0] != ' ' && l[0] != '#';
}

}  // namespace

std::string text_with_posterior(const std::string& text, const Posterior& p,
                                const std::string& note) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::size_t begin = 0;
  while (begin < lines.size() && lines[begin].rfind("calibration:", 0) != 0) ++begin;
  if (begin == lines.size()) throw std::invalid_argument("the scenario has no calibration: block");
  // A calibration block in flow style ({...}) is rewritten through the tree (comments there lost).
  const std::string rest = lines[begin].substr(std::string("calibration:").size());
  if (rest.find_first_not_of(' ') != std::string::npos &&
      rest[rest.find_first_not_of(' ')] != '#') {
    YAML::Node root = YAML::Clone(scenario::load_yaml_text(text, "scenario"));
    set_posterior(root, p);
    YAML::Emitter e;
    e << root;
    return std::string(e.c_str()) + "\n";
  }
  std::size_t end = begin + 1;
  while (end < lines.size() && !top_level_key(lines[end])) ++end;
  // Drop an earlier posterior: its key line and everything indented deeper than it.
  for (std::size_t i = begin + 1; i < end; ++i) {
    if (lines[i].rfind("  posterior:", 0) != 0) continue;
    std::size_t j = i + 1;
    while (j < end && (lines[j].rfind("   ", 0) == 0)) ++j;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i),
                lines.begin() + static_cast<std::ptrdiff_t>(j));
    end -= j - i;
    break;
  }
  // After the block's last indented line (trailing comments and blank lines stay after it).
  std::size_t at = end;
  while (at > begin + 1 && (lines[at - 1].empty() || lines[at - 1][0] == '#')) --at;
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == at) out += posterior_block(p, note);
    out += lines[i] + "\n";
  }
  if (at == lines.size()) out += posterior_block(p, note);
  return out;
}

}  // namespace asylumsim::calibration
