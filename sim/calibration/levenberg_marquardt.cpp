#include "asylumsim/calibration/levenberg_marquardt.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace asylumsim::calibration {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

// Solves (A + lambda I) d = -g for the parameters not `held`. A parameter sitting on a bound that
// d would push across is held there too and the system re-solved for the rest, until no held set
// changes.
VectorXd bounded_step(const MatrixXd& A, const VectorXd& g, double lambda, const VectorXd& u,
                      std::vector<bool> held) {
  const Index n = g.size();
  VectorXd d = VectorXd::Zero(n);
  for (Index pass = 0; pass <= n; ++pass) {
    std::vector<Index> free;
    for (Index i = 0; i < n; ++i)
      if (!held[static_cast<std::size_t>(i)]) free.push_back(i);
    d.setZero();
    if (free.empty()) return d;
    MatrixXd a = A(free, free);
    a.diagonal().array() += lambda;
    const VectorXd x = a.ldlt().solve(-g(free));
    bool changed = false;
    for (Index r = 0; r < static_cast<Index>(free.size()); ++r) {
      const Index i = free[r];
      d[i] = x[r];
      if ((u[i] <= 0.0 && d[i] < 0.0) || (u[i] >= 1.0 && d[i] > 0.0)) {
        held[static_cast<std::size_t>(i)] = true;
        changed = true;
      }
    }
    if (!changed) return d;
  }
  return d;
}

}  // namespace

OptimiserResult levenberg_marquardt(const ResidualFunction& residuals, const VectorXd& start,
                                    const VectorXd& lower, const VectorXd& upper,
                                    const LevenbergMarquardtOptions& opt) {
  const UnitBox box(lower, upper);
  OptimiserResult res;
  VectorXd best_u;
  double best_f = 0;
  auto eval = [&](const VectorXd& u) {
    VectorXd r = residuals(box.to_box(u));
    const double f = r.squaredNorm();
    if (res.evaluations++ == 0 || f < best_f) {
      best_u = u;
      best_f = f;
    }
    return r;
  };
  auto report = [&] {
    if (opt.progress) opt.progress(res.evaluations, best_f, box.to_box(best_u));
  };
  VectorXd u = box.to_unit(start);
  VectorXd r = eval(u);
  double f = best_f;
  report();
  const Index n = u.size(), m = r.size();
  double lambda = -1, growth = 2;  // damping, and its growth factor after a rejected step
  int stalls = 0;                  // accepted steps in a row that gained almost nothing
  while (!res.converged && res.evaluations + n + 1 <= opt.max_evaluations) {
    MatrixXd J(m, n);
    for (Index i = 0; i < n; ++i) {  // forward differences, stepping inwards at an upper bound
      J.col(i) = VectorXd::Zero(m);  // flat where neither side can be evaluated
      double h = u[i] + opt.difference_step <= 1.0 ? opt.difference_step : -opt.difference_step;
      for (int side = 0; side < 2; ++side, h = -h) {
        VectorXd v = u;
        v[i] = std::clamp(v[i] + h, 0.0, 1.0);
        if (v[i] == u[i] || res.evaluations >= opt.max_evaluations) continue;
        const VectorXd rv = eval(v);
        if (!rv.allFinite()) continue;  // an infeasible point: try the other side
        J.col(i) = (rv - r) / (v[i] - u[i]);
        break;
      }
    }
    const MatrixXd A = J.transpose() * J;
    const VectorXd g = J.transpose() * r;
    if (lambda < 0) lambda = std::max(1e-3 * A.diagonal().maxCoeff(), 1e-12);
    bool accepted = false;
    while (!accepted && res.evaluations < opt.max_evaluations) {
      std::vector<bool> held(static_cast<std::size_t>(n), false);
      VectorXd d = UnitBox::clamp(u + bounded_step(A, g, lambda, u, held)) - u;
      if (d.lpNorm<Eigen::Infinity>() < 1e-9) {  // no step left that the bounds allow
        res.converged = true;
        break;
      }
      VectorXd r_new = eval(u + d);
      // A point the model cannot evaluate (the scenario's own checks reject it) lies past a
      // constraint the box does not know: hold the parameter that moved most, as at a bound,
      // and re-solve for the others; after a few tries, fall back to more damping.
      bool restricted = false;  // a parameter held back from an infeasible point
      for (int tries = 0; !r_new.allFinite() && tries < 4 && res.evaluations < opt.max_evaluations;
           ++tries) {
        Index most = 0;
        d.cwiseAbs().maxCoeff(&most);
        held[static_cast<std::size_t>(most)] = true;
        d = UnitBox::clamp(u + bounded_step(A, g, lambda, u, held)) - u;
        if (d.lpNorm<Eigen::Infinity>() < 1e-9) break;
        restricted = true;
        r_new = eval(u + d);
      }
      const double f_new =
          r_new.allFinite() ? r_new.squaredNorm() : std::numeric_limits<double>::infinity();
      if (f_new < f) {
        // Gain ratio against the linear model's prediction sets the next damping (Nielsen 1999).
        const double predicted = -(2.0 * g.dot(d) + d.dot(A * d));
        const double rho = predicted > 0 ? (f - f_new) / predicted : 1.0;
        lambda *= std::max(1.0 / 3.0, 1.0 - std::pow(2.0 * rho - 1.0, 3));
        growth = 2;
        // One small gain may be a heavily damped step after rejections (a noisy Jacobian);
        // only three in a row say the search has stalled.
        stalls = !restricted && f - f_new <= opt.tolerance * (1.0 + f) ? stalls + 1 : 0;
        res.converged = stalls >= 3;
        u += d;
        r = r_new;
        f = f_new;
        accepted = true;
      } else {
        lambda *= growth;
        growth *= 2;
      }
    }
    report();
    if (!accepted) break;
  }
  res.best = box.to_box(best_u);
  res.loss = best_f;
  return res;
}

}  // namespace asylumsim::calibration
