// Quantiles of durations counted in weekly bins (housing.exit_weeks_after_permit.pNN, issue 25):
// the arithmetic on constructed bins, and the model's bins against its own 14-week counter.
#include <catch2/catch.hpp>

#include "../support/fixtures.hpp"
#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/model/chain_model.hpp"

using namespace asylumsim;

TEST_CASE("a quantile of weekly bins is interpolated within its week", "[indicators][quantile]") {
  // 10 exits in week 2 ([2, 3) weeks), 30 in week 5, none elsewhere.
  std::vector<double> bins(8, 0.0);
  bins[2] = 10;
  bins[5] = 30;
  CHECK(indicators::weekly_bin_quantile(bins, 0.1) == Approx(2.4));   // 4 of the 10 in week 2
  CHECK(indicators::weekly_bin_quantile(bins, 0.25) == Approx(3.0));  // all of week 2
  CHECK(indicators::weekly_bin_quantile(bins, 0.5) == Approx(5 + 10.0 / 30));
  CHECK(indicators::weekly_bin_quantile(bins, 1.0) == Approx(6.0));
  // The last bin is open: a quantile there reads as its lower edge.
  bins[7] = 100;
  CHECK(indicators::weekly_bin_quantile(bins, 0.9) == Approx(7.0));
  CHECK(indicators::is_missing(indicators::weekly_bin_quantile(std::vector<double>(8, 0.0), 0.5)));
}

TEST_CASE("the exit-week quantiles agree with the model's count of exits within 14 weeks",
          "[indicators][quantile][housing]") {
  auto y = test::small_yaml();
  y["housing"]["link_duration"] = YAML::Load("{dist: exponential, mean: 20}");
  const auto s = test::scenario_from(y);
  model::ChainModel m(s, 1);
  m.run();
  const engine::Calendar cal = s.calendar();
  const indicators::When year{engine::Period{engine::Period::Kind::kYear, 2025, 1}, std::nullopt};
  const auto value = [&](const char* id) {
    std::string error;
    const auto v =
        indicators::evaluate(m.recorder(), cal, *indicators::find_indicator(id), year, &error);
    INFO(id << ": " << error);
    REQUIRE(v.has_value());
    return *v;
  };
  const double p10 = value("housing.exit_weeks_after_permit.p10");
  const double p50 = value("housing.exit_weeks_after_permit.p50");
  const double p90 = value("housing.exit_weeks_after_permit.p90");
  const double within = value("housing.exit_within_14w_share");
  INFO("p10 " << p10 << ", p50 " << p50 << ", p90 " << p90 << ", within 14 weeks " << within);
  // The bins split the exits: every month they add up to the exits of permit holders.
  const engine::Recorder& rec = m.recorder();
  const auto exited = *rec.find(engine::Recorder::Kind::kCounter, "housing.permit_holders_exited");
  for (int month = 0; month < rec.months(); ++month) {
    double binned = 0;
    for (int w = 0; w < model::Metrics::kExitWeekBins; ++w)
      binned += rec.counter_sum(
          *rec.find(engine::Recorder::Kind::kCounter, model::Metrics::exit_week_bin_name(w)), month,
          month + 1);
    CHECK(binned == rec.counter_sum(exited, month, month + 1));
  }
  CHECK(p10 < p50);
  CHECK(p50 < p90);
  REQUIRE(within > 0.1);
  REQUIRE(within < 0.9);
  // The share housed within 14 weeks is where the distribution passes 14 weeks: between the
  // quantile levels whose weeks bracket 14.
  const auto quantile_of = [&](double level) {
    std::string error;
    indicators::Indicator q = *indicators::find_indicator("housing.exit_weeks_after_permit.p50");
    q.level = level;
    return *indicators::evaluate(m.recorder(), cal, q, year, &error);
  };
  CHECK(quantile_of(within - 0.02) <= 15.0);
  CHECK(quantile_of(within + 0.02) >= 14.0);
}
