#include "asylumsim/calibration/nelder_mead.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace asylumsim::calibration {

NelderMeadResult nelder_mead(const std::function<double(const Eigen::VectorXd&)>& f,
                             const Eigen::VectorXd& start, const Eigen::VectorXd& lower,
                             const Eigen::VectorXd& upper, const NelderMeadOptions& opt) {
  const Eigen::Index n = start.size();
  const UnitBox box(lower, upper);
  auto to_box = [&](const Eigen::VectorXd& u) { return box.to_box(u); };
  NelderMeadResult res;
  auto eval = [&](const Eigen::VectorXd& u) {
    ++res.evaluations;
    return f(to_box(u));
  };
  // Standard coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2.
  std::vector<Eigen::VectorXd> x(static_cast<std::size_t>(n + 1));
  std::vector<double> fx(static_cast<std::size_t>(n + 1));
  x[0] = box.to_unit(start);
  fx[0] = eval(x[0]);
  for (Eigen::Index i = 0; i < n; ++i) {
    Eigen::VectorXd v = x[0];
    v[i] += v[i] + opt.initial_step <= 1.0 ? opt.initial_step : -opt.initial_step;  // stay inside
    x[static_cast<std::size_t>(i + 1)] = v;
    fx[static_cast<std::size_t>(i + 1)] = eval(v);
  }
  std::vector<std::size_t> order(x.size());
  for (;;) {
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return fx[a] < fx[b]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[order.size() - 2];
    if (opt.progress) opt.progress(res.evaluations, fx[best], to_box(x[best]));
    if (fx[worst] - fx[best] <= opt.tolerance * (1.0 + std::abs(fx[best]))) {
      res.converged = true;
      break;
    }
    if (res.evaluations >= opt.max_evaluations) break;
    Eigen::VectorXd centroid = Eigen::VectorXd::Zero(n);
    for (std::size_t i : order)
      if (i != worst) centroid += x[i];
    centroid /= static_cast<double>(n);
    const auto clamp = [](const Eigen::VectorXd& v) { return UnitBox::clamp(v); };
    const Eigen::VectorXd xr = clamp(centroid + (centroid - x[worst]));
    const double fr = eval(xr);
    if (fr < fx[best]) {
      const Eigen::VectorXd xe = clamp(centroid + 2.0 * (centroid - x[worst]));
      const double fe = eval(xe);
      if (fe < fr)
        x[worst] = xe, fx[worst] = fe;
      else
        x[worst] = xr, fx[worst] = fr;
    } else if (fr < fx[second]) {
      x[worst] = xr, fx[worst] = fr;
    } else {
      const bool outside = fr < fx[worst];
      const Eigen::VectorXd xc = clamp(outside ? centroid + 0.5 * (xr - centroid)
                                               : centroid + 0.5 * (x[worst] - centroid));
      const double fc = eval(xc);
      if (fc < std::min(fr, fx[worst])) {
        x[worst] = xc, fx[worst] = fc;
      } else {  // shrink towards the best
        for (std::size_t i = 0; i < x.size(); ++i) {
          if (i == best) continue;
          x[i] = x[best] + 0.5 * (x[i] - x[best]);
          fx[i] = eval(x[i]);
        }
      }
    }
  }
  const auto it = std::min_element(fx.begin(), fx.end());
  res.best = to_box(x[static_cast<std::size_t>(it - fx.begin())]);
  res.loss = *it;
  return res;
}

}  // namespace asylumsim::calibration
