//===- CompareTest.cpp - A/B statistics and scaling advice ----------------===//

#include "bk/Load/Compare.h"
#include "gtest/gtest.h"

using namespace bk::load;

namespace {

TEST(CompareTest, FiveRoundsUseMinMaxAt93Point75Percent) {
  RatioSummary S = summarizeRatios({1.10, 1.20, 1.05, 1.15, 1.12});
  EXPECT_DOUBLE_EQ(S.Median, 1.12);
  EXPECT_DOUBLE_EQ(S.Low, 1.05);
  EXPECT_DOUBLE_EQ(S.High, 1.20);
  EXPECT_DOUBLE_EQ(S.Confidence, 1 - 2.0 / 32);
  EXPECT_TRUE(S.Significant);
}

TEST(CompareTest, IntervalAcrossOneIsNotSignificant) {
  RatioSummary S = summarizeRatios({0.95, 1.10, 1.02, 0.99, 1.04});
  EXPECT_DOUBLE_EQ(S.Median, 1.02);
  EXPECT_FALSE(S.Significant);
}

TEST(CompareTest, NineRoundsDropTheExtremes) {
  // k = 2: [x(2), x(8)] covers the median with 1 - 2 * 10/512.
  RatioSummary S =
      summarizeRatios({0.5, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 2.0});
  EXPECT_DOUBLE_EQ(S.Low, 0.9);
  EXPECT_DOUBLE_EQ(S.High, 0.96);
  EXPECT_DOUBLE_EQ(S.Confidence, 1 - 2 * 10.0 / 512);
  EXPECT_TRUE(S.Significant);
}

TEST(CompareTest, TooFewRoundsAreNeverSignificant) {
  RatioSummary S = summarizeRatios({2.0, 2.1, 2.2}); // coverage 75%
  EXPECT_DOUBLE_EQ(S.Confidence, 0.75);
  EXPECT_FALSE(S.Significant);
  EXPECT_FALSE(summarizeRatios({3.0}).Significant);
  EXPECT_DOUBLE_EQ(summarizeRatios({1.0, 3.0}).Median, 2.0);
}

TEST(CompareTest, SaturationWhereThroughputFlattensAndLatencyClimbs) {
  std::vector<RampStep> Steps = {{1, 1000, 1, 2},
                                 {2, 1900, 1, 2.2},
                                 {4, 3500, 1.1, 2.5},
                                 {8, 3700, 2, 5},
                                 {16, 3750, 4, 11}};
  EXPECT_EQ(findSaturation(Steps), 2u); // 4 connections
  Steps.resize(3);
  EXPECT_FALSE(findSaturation(Steps).hasValue());
}

TEST(CompareTest, LittlesLaw) {
  EXPECT_DOUBLE_EQ(littlesLawConcurrency(2000, 0.025), 50);
}

} // namespace
