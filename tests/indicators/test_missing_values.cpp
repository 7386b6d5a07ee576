// Undefined values are missing, not 0 (issue 21): a share or ratio with no denominator and a mean
// duration with no case evaluate to indicators::kMissing; the statistics skip them; the CSV files
// write them empty; the calibration's loss stays finite.
#include <catch2/catch.hpp>
#include <cmath>

#include "asylumsim/calibration/calibrate.hpp"
#include "asylumsim/engine/calendar.hpp"
#include "asylumsim/engine/recorder.hpp"
#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/montecarlo/aggregator.hpp"
#include "asylumsim/montecarlo/validation.hpp"

using namespace asylumsim;
using indicators::Indicator;
using indicators::is_missing;
using K = Indicator::Kind;

namespace {

// Two months from 1 January 2024: in January `granted` 3 of 0 decisions, nothing waited and the
// capacity is 0; in February 2 of 4, one wait of 10 days and a capacity of 50.
struct TwoMonths {
  engine::Calendar cal{
      engine::Date{std::chrono::year{2024}, std::chrono::month{1}, std::chrono::day{1}}};
  engine::Recorder rec{2};
  TwoMonths() {
    const auto granted = rec.counter("granted");
    const auto decided = rec.counter("decided");
    const auto occupied = rec.stock("occupied");
    const auto capacity = rec.stock("capacity");
    const auto wait = rec.duration("wait");
    rec.finalize(0);
    rec.snapshot_start();
    rec.count(granted, 3);
    rec.stock_set(occupied, 0, 5);
    const engine::Tick feb = 31 * engine::kTicksPerDay;
    rec.close_month(feb);
    rec.count(granted, 2);
    rec.count(decided, 4);
    rec.observe(wait, 10);
    rec.stock_set(capacity, feb, 50);
    rec.close_month(feb + 29 * engine::kTicksPerDay);
  }
  double at(const Indicator& ind, const char* when) const {
    indicators::When w;
    if (auto p = engine::parse_period(when))
      w.period = *p;
    else
      w.date = *engine::parse_date(when);
    std::string error;
    const auto v = indicators::evaluate(rec, cal, ind, w, &error);
    INFO(error);
    REQUIRE(v.has_value());
    return *v;
  }
};

}  // namespace

TEST_CASE("a share, a ratio and a mean with nothing to divide by are missing",
          "[indicators][missing]") {
  const TwoMonths m;
  const Indicator share{"share", K::kCounterShare, {"granted"}, {"decided"}, "share", ""};
  const Indicator ratio{"ratio", K::kStockRatio, {"occupied"}, {"capacity"}, "share", ""};
  const Indicator mean{"mean", K::kDurationMean, {"wait"}, {}, "days", ""};
  CHECK(is_missing(m.at(share, "2024-01")));
  CHECK(m.at(share, "2024-02") == Approx(0.5));
  CHECK(is_missing(m.at(ratio, "2024-01-31")));
  CHECK(m.at(ratio, "2024-03-01") == Approx(0.1));
  CHECK(is_missing(m.at(mean, "2024-01")));
  CHECK(m.at(mean, "2024-02") == Approx(10));
  // A flow of nothing is 0, not missing: the count is defined.
  const Indicator flow{"flow", K::kFlow, {"decided"}, {}, "persons", ""};
  CHECK(m.at(flow, "2024-01") == 0);
}

TEST_CASE("statistics skip missing values; a cell missing everywhere is missing",
          "[indicators][missing][montecarlo]") {
  const double nan = indicators::kMissing;
  for (std::size_t exact_limit : {std::size_t{200}, std::size_t{0}}) {
    INFO("exact limit " << exact_limit);
    montecarlo::Aggregator agg(3, exact_limit);
    agg.add({nan, 1, nan});
    agg.add({2, nan, nan});
    agg.add({4, nan, nan});
    const auto a = agg.summary(0);
    CHECK(a.n == 2);
    CHECK(a.mean == Approx(3));
    CHECK(a.min == 2);
    CHECK(a.max == 4);
    CHECK(a.sd == Approx(std::sqrt(2.0)));
    const auto b = agg.summary(1);
    CHECK(b.n == 1);
    CHECK(b.mean == 1);
    const auto c = agg.summary(2);
    CHECK(c.n == 0);
    CHECK(is_missing(c.mean));
    CHECK(is_missing(c.p50));
    CHECK(is_missing(c.standard_error()));
    CHECK(agg.count() == 3);
  }
}

TEST_CASE("a missing value is an empty CSV field", "[indicators][missing][output]") {
  CHECK(indicators::csv_value(indicators::kMissing).empty());
  CHECK(indicators::csv_value(-0.0) == "0");
  CHECK(indicators::csv_value(0.1) == "0.1");
  CHECK(indicators::csv_value(1e300) == "1e+300");
}

TEST_CASE("a figure the model leaves undefined is a full miss in the calibration loss",
          "[indicators][missing][calibration]") {
  indicators::Target t;
  t.id = "share";
  t.kind = "share";
  t.value = 0.4;
  montecarlo::ValidationRow row{&t, {}, 0};
  row.model.mean = indicators::kMissing;
  row.rel_error = montecarlo::relative_error(row.model.mean, t.value);
  calibration::CalibrationSpec spec;
  const Eigen::VectorXd r = calibration::residuals({row}, spec);
  REQUIRE(r.size() == 1);
  CHECK(std::isfinite(r[0]));
  CHECK(r[0] == Approx(-1.0));  // relative error of a model value 0
}
