#include "analysis/waves.h"

#include <gtest/gtest.h>

#include "analysis/analysis.h"
#include "analysis/output/text_writer.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

using testing::Respondent;

TEST(Waves, TwoProportionsAgreesWithR) {
  // R: prop.test(c(2282, 2367), c(4215, 4074), correct = FALSE): X² = z², p.
  std::optional<ProportionTest> t = TwoProportions(2282, 4215, 2367, 4074);
  ASSERT_TRUE(t);
  EXPECT_NEAR(t->z, 3.6319833245144331, 1e-12);
  EXPECT_NEAR(t->p, 0.00028125130000884659, 1e-15);
  EXPECT_FALSE(TwoProportions(0, 10, 0, 20));
  EXPECT_FALSE(TwoProportions(1, 0, 1, 10));
}

TEST(Waves, ComparesWithPublishedFiguresAndMarksTheDifference) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  for (int i = 0; i < 300; ++i) data.Add(Respondent(1 + (i % 3 == 0), {1}));  // 男性 2/3
  AnalysisLoad spec = LoadAnalysisText(R"(analysis: w
waves:
  - id: prev
    label: 前回調査
    figures:
      Q1: {n: 400, percents: {1: 50.0, 2: 50.0}}
)",
                                       "w.yaml");
  ASSERT_TRUE(spec.spec);
  EXPECT_TRUE(CheckAnalysis(*spec.spec, qn).empty());
  AnalysisReport report = Analyze(data, *spec.spec);
  ASSERT_EQ(report.waves.size(), 1u);
  const WaveComparison& w = report.waves[0];
  EXPECT_EQ(w.previous_n, 400);
  EXPECT_EQ(w.current_n, 300);
  ASSERT_EQ(w.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(*w.rows[0].previous, 50.0);
  EXPECT_NEAR(*w.rows[0].current, 200.0 / 3, 1e-12);
  EXPECT_EQ(w.rows[0].mark, CellMark::kMuchHigher);
  EXPECT_EQ(w.rows[1].mark, CellMark::kMuchLower);
  std::string text = RenderAnalysisText(report);
  EXPECT_NE(text.find("前回調査(n=400)"), std::string::npos) << text;
  EXPECT_NE(text.find("今回調査(n=300)"), std::string::npos) << text;
  EXPECT_NE(text.find("+16.7▲"), std::string::npos) << text;
}

TEST(Waves, FiguresOfMultiAnswersArePercentsOfRespondents) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  data.Add(Respondent(1, {1, 2}));
  data.Add(Respondent(1, {1}));
  data.Add(Respondent(1, {}));  // no answer: outside the base
  data.Add(Respondent(2, {}));  // not asked
  WaveFigures f = FiguresOf(data, {"Q2", "Q4_virus", "Q5", "nothing"});
  ASSERT_EQ(f.questions.count("Q2"), 1u);
  EXPECT_EQ(f.questions["Q2"].n, 2);
  EXPECT_DOUBLE_EQ(f.questions["Q2"].percents[1], 100);
  EXPECT_DOUBLE_EQ(f.questions["Q2"].percents[2], 50);
  EXPECT_EQ(f.questions.count("Q4_virus"), 1u);  // grid items by "<question>_<item>"
  EXPECT_EQ(f.questions.count("Q5"), 0u);        // free text has no figures
  EXPECT_EQ(f.questions.count("nothing"), 0u);
}

TEST(Waves, FileErrorsAreLocated) {
  AnalysisLoad spec = LoadAnalysisText(R"(analysis: w
waves:
  - id: prev
    figures:
      Q1: {n: 400, percents: {1: 150}}
  - id: both
    survey: old
    figures: {}
)",
                                       "w.yaml");
  EXPECT_FALSE(spec.spec);
  std::string all;
  for (const Diagnostic& d : spec.diagnostics) all += d.ToString() + "\n";
  EXPECT_NE(all.find("w.yaml:5:34: エラー: ％には 0 から 100 の数値を書いてください"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("w.yaml:6:5: エラー: 前回調査は survey"), std::string::npos) << all;
}

}  // namespace
}  // namespace chosa
