#include "analysis/weighting.h"

#include <gtest/gtest.h>

#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

using testing::Respondent;

// Q1 (1 男性, 2 女性) as the stratum; the fixture's other questions do not matter here.
Dataset People(const Questionnaire& qn, int men, int women, int unknown) {
  Dataset d(qn);
  for (int i = 0; i < men; ++i) d.Add(Respondent(1, {1}));
  for (int i = 0; i < women; ++i) d.Add(Respondent(2, {}));
  for (int i = 0; i < unknown; ++i) d.Add(Respondent(0, {}));
  return d;
}

TEST(Weighting, PostStratificationGivesPopulationOverRespondents) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset d = People(qn, 30, 10, 2);
  WeightingSpec spec;
  spec.method = WeightingSpec::Method::kPostStratify;
  spec.variables = {"Q1"};
  spec.strata = {{{1}, 600}, {{2}, 400}};
  Result<WeightingSummary> s = ApplyWeighting(spec, &d);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_DOUBLE_EQ(d.weights()[0], 20);   // 600 / 30
  EXPECT_DOUBLE_EQ(d.weights()[30], 40);  // 400 / 10
  EXPECT_DOUBLE_EQ(d.weights()[41], 25);  // unknown: the mean weight, 1000 / 40
  EXPECT_EQ(s->unknown, 2);
  EXPECT_TRUE(d.weighted());
  EXPECT_DOUBLE_EQ(s->sum_weights, 1050);
  // Kish: (Σw)² / Σw² = 1050² / (30·400 + 10·1600 + 2·625)
  EXPECT_DOUBLE_EQ(s->effective_n, 1050.0 * 1050 / (30 * 400 + 10 * 1600 + 2 * 625));
}

TEST(Weighting, AStratumWithoutAPopulationIsAnError) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset d = People(qn, 3, 2, 0);
  WeightingSpec spec;
  spec.method = WeightingSpec::Method::kPostStratify;
  spec.id = "w1";
  spec.variables = {"Q1"};
  spec.strata = {{{1}, 600}};
  Result<WeightingSummary> s = ApplyWeighting(spec, &d);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(),
            "ウエイト「w1」: 層 [2] に回答者が 2 人いますが、母集団の数がありません");
  EXPECT_FALSE(d.weighted());
}

TEST(Weighting, RakingMeetsEveryMarginAndRefusesInconsistentTotals) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset d(qn);
  // One margin (the fixture has one single-answer question): raking meets it in one pass.
  for (int i = 0; i < 30; ++i) d.Add(Respondent(1, {1}));
  for (int i = 0; i < 10; ++i) d.Add(Respondent(2, {}));
  WeightingSpec spec;
  spec.method = WeightingSpec::Method::kRake;
  spec.variables = {"Q1"};
  spec.margins = {{{1, 500}, {2, 500}}};
  Result<WeightingSummary> s = ApplyWeighting(spec, &d);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_NEAR(d.weights()[0] * 30, 500, 1e-9);
  EXPECT_NEAR(d.weights()[35] * 10, 500, 1e-9);
  EXPECT_EQ(s->iterations, 1);
  spec.variables = {"Q1", "Q1"};
  spec.margins = {{{1, 500}, {2, 500}}, {{1, 400}, {2, 500}}};
  s = ApplyWeighting(spec, &d);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("周辺分布の合計が一致しません"), std::string::npos);
}

}  // namespace
}  // namespace chosa
