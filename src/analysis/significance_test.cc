// Reference values computed with R 4.2.2 (chisq.test(correct = FALSE), pchisq, pnorm), printed
// with 17 digits; test/analysis/r_check.py checks whole reports against R as well.
#include "analysis/significance.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

TEST(ChiSquare, TwoByTwoAgreesWithR) {
  std::optional<ChiSquareTest> t = PearsonChiSquare({10, 20, 30, 40}, 2, 2);
  ASSERT_TRUE(t);
  EXPECT_NEAR(t->statistic, 0.79365079365079361, 1e-14);
  EXPECT_EQ(t->df, 1);
  EXPECT_NEAR(t->p, 0.37299848361348720, 1e-14);
}

TEST(ChiSquare, DropsEmptyRowsAndColumnsAsR) {
  // R: chisq.test(m[c(1,3), c(1,3)]) of the 3x3 table with an empty middle row and column.
  std::optional<ChiSquareTest> t = PearsonChiSquare({5, 0, 7, 0, 0, 0, 3, 0, 9}, 3, 3);
  ASSERT_TRUE(t);
  EXPECT_NEAR(t->statistic, 0.75, 1e-14);
  EXPECT_EQ(t->df, 1);
  EXPECT_NEAR(t->p, 0.38647623077123266, 1e-14);
}

TEST(ChiSquare, NoTestWithOneNonEmptyColumn) {
  EXPECT_FALSE(PearsonChiSquare({5, 0, 7, 0}, 2, 2));
  EXPECT_FALSE(PearsonChiSquare({0, 0, 0, 0}, 2, 2));
}

TEST(ChiSquare, UpperTailAgreesWithR) {
  EXPECT_NEAR(ChiSquareUpperTail(3.84, 1), 0.050043521248705224, 1e-15);
  EXPECT_EQ(ChiSquareUpperTail(0, 3), 1.0);
}

TEST(SubgroupVsTotal, ZAndPAgreeWithR) {
  // 30 of 50 in the group, 100 of 400 overall.
  std::optional<ProportionTest> t = SubgroupVsTotal(30, 50, 100, 400);
  ASSERT_TRUE(t);
  EXPECT_NEAR(t->z, 6.1101009266077853, 1e-13);
  EXPECT_NEAR(t->p, 9.9568153316676255e-10, 1e-22);
  EXPECT_EQ(MarkFor(t, 0.95, 0.99), CellMark::kMuchHigher);
}

TEST(SubgroupVsTotal, UndefinedCasesGiveNoTest) {
  EXPECT_FALSE(SubgroupVsTotal(0, 0, 10, 100));     // empty group
  EXPECT_FALSE(SubgroupVsTotal(10, 100, 10, 100));  // the group is everyone
  EXPECT_FALSE(SubgroupVsTotal(0, 10, 0, 100));     // nobody chose it
  EXPECT_FALSE(SubgroupVsTotal(10, 10, 100, 100));  // everyone chose it
  EXPECT_EQ(MarkFor(std::nullopt, 0.95, 0.99), CellMark::kNone);
}

TEST(SubgroupVsTotal, MarksFollowTheLevels) {
  // p between 0.01 and 0.05: loose mark only; lower than the total: the downward mark.
  ProportionTest loose{-2.2, 0.0278};
  EXPECT_EQ(MarkFor(loose, 0.95, 0.99), CellMark::kLower);
  EXPECT_EQ(MarkFor(loose, 0.99, 0.999), CellMark::kNone);
  ProportionTest none{1.0, 0.3173};
  EXPECT_EQ(MarkFor(none, 0.95, 0.99), CellMark::kNone);
}

}  // namespace
}  // namespace chosa
