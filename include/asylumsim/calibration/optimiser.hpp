// What the calibration optimisers share: the box the parameters live in, mapped to the unit cube
// where both searches run (so every parameter moves on the same scale and no trial point leaves
// its bounds), and the result they report.
#pragma once

#include <Eigen/Dense>
#include <functional>

namespace asylumsim::calibration {

class UnitBox {
 public:
  UnitBox(const Eigen::VectorXd& lower, const Eigen::VectorXd& upper)
      : lower_(lower), range_((upper - lower).cwiseMax(1e-300)) {}
  static Eigen::VectorXd clamp(const Eigen::VectorXd& u) { return u.cwiseMax(0.0).cwiseMin(1.0); }
  Eigen::VectorXd to_box(const Eigen::VectorXd& u) const {
    return lower_ + clamp(u).cwiseProduct(range_);
  }
  Eigen::VectorXd to_unit(const Eigen::VectorXd& x) const {
    return clamp((x - lower_).cwiseQuotient(range_));
  }

 private:
  Eigen::VectorXd lower_, range_;
};

struct OptimiserResult {
  Eigen::VectorXd best;  // in the original (bounded) coordinates
  double loss = 0;
  int evaluations = 0;
  bool converged = false;
};

// Called after each step with the evaluations so far, the best loss and its point (bounded).
using OptimiserProgress =
    std::function<void(int evaluations, double best_loss, const Eigen::VectorXd& best)>;

}  // namespace asylumsim::calibration
