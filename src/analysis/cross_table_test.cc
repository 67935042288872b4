#include "analysis/cross_table.h"

#include <gtest/gtest.h>

#include "analysis/analysis.h"
#include "analysis/output/long_writer.h"
#include "analysis/output/text_writer.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

using testing::Respondent;

class CrossTableTest : public ::testing::Test {
 protected:
  CrossTableTest() : qn_(testing::TallyQuestionnaire()), data_(qn_) {}
  Questionnaire qn_;
  Dataset data_;
};

TEST_F(CrossTableTest, GridItemBySingleCountsEachGroupAndTheTotal) {
  // Q1: 1 男性, 2 女性, 0 unanswered. Q4 grid items virus, dos with options 大(1), 小(2).
  data_.Add(Respondent(1, {1}, 10, {1, 2}));
  data_.Add(Respondent(1, {2}, 20, {1, 1}));
  data_.Add(Respondent(2, {}, 30, {2, 0}));
  data_.Add(Respondent(0, {}, std::nullopt, {1, 2}));  // group unknown: in the total only
  AnalysisSettings s;
  s.small_base = 3;
  Grouping groups = GroupsOf(data_, 0);
  EXPECT_EQ(groups.groups, (std::vector<int16_t>{0, 0, 1, -1}));
  EXPECT_EQ(groups.levels, 2);
  CrossTable virus = CrossTabulate(data_, 3, 0, {&groups}, {true}, s)[0];
  EXPECT_EQ(virus.question_id, "Q4_virus");
  EXPECT_EQ(virus.total.base, 4);
  EXPECT_EQ(virus.total.n, (std::vector<int64_t>{3, 1}));
  ASSERT_EQ(virus.groups.size(), 2u);
  EXPECT_EQ(virus.groups[0].label, "男性");
  EXPECT_EQ(virus.groups[0].n, (std::vector<int64_t>{2, 0}));
  EXPECT_EQ(virus.groups[1].n, (std::vector<int64_t>{0, 1}));
  EXPECT_TRUE(virus.groups[0].small);
  EXPECT_FALSE(virus.total.small);
  EXPECT_DOUBLE_EQ(*virus.total.Percent(0), 75.0);
  ASSERT_TRUE(virus.chi_square);
  EXPECT_EQ(virus.chi_square->df, 1);
  EXPECT_DOUBLE_EQ(virus.chi_square->statistic, 3.0);  // 2x2 diagonal table of 2 and 1
  CrossTable dos = CrossTabulate(data_, 3, 1, {&groups}, {false}, s)[0];
  EXPECT_EQ(dos.total.base, 3);  // the third respondent left dos unanswered
  EXPECT_EQ(dos.groups[1].base, 0);
  EXPECT_FALSE(dos.groups[1].Percent(0));
  EXPECT_FALSE(dos.chi_square);
}

TEST_F(CrossTableTest, MultiAnswersCountRespondentsPerOptionAndMarkSignificantCells) {
  // Q2 is asked only when Q1 == 1, so use a grid-free check of marks with many respondents:
  // Q4 virus by Q1 where men say 大 far more often than women.
  for (int i = 0; i < 60; ++i) data_.Add(Respondent(1, {1, 2}, std::nullopt, {1, 1}));
  for (int i = 0; i < 20; ++i) data_.Add(Respondent(1, {9}, std::nullopt, {2, 1}));
  for (int i = 0; i < 80; ++i) data_.Add(Respondent(2, {}, std::nullopt, {2, 1}));
  AnalysisSettings s;
  Grouping groups = GroupsOf(data_, 0);
  CrossTable multi = CrossTabulate(data_, 1, -1, {&groups}, {true}, s)[0];
  EXPECT_EQ(multi.type, QuestionType::kMulti);
  EXPECT_EQ(multi.groups[0].base, 80);
  EXPECT_EQ(multi.groups[0].n, (std::vector<int64_t>{60, 60, 0, 20}));
  EXPECT_EQ(multi.groups[1].base, 0);  // not asked of women
  EXPECT_FALSE(multi.chi_square);      // no chi-square for multiple answers
  // By the same grouping twice in one pass: the same table twice.
  std::vector<CrossTable> both = CrossTabulate(data_, 3, 0, {&groups, &groups}, {true, false}, s);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].groups[0].n, both[1].groups[0].n);
  EXPECT_FALSE(both[1].chi_square);
  const CrossTable& virus = both[0];
  EXPECT_EQ(virus.groups[0].marks[0], CellMark::kMuchHigher);
  EXPECT_EQ(virus.groups[1].marks[0], CellMark::kMuchLower);
  CrossTable dos = CrossTabulate(data_, 3, 1, {&groups}, {true}, s)[0];
  EXPECT_EQ(dos.groups[0].marks[0], CellMark::kNone);  // everyone said 大: no test
  EXPECT_FALSE(dos.chi_square);                        // one non-empty column
}

TEST_F(CrossTableTest, NumbersPerGroupWithTheTotalFirst) {
  data_.Add(Respondent(1, {1}, 10));
  data_.Add(Respondent(1, {1}, 20));
  data_.Add(Respondent(2, {}, 5));
  data_.Add(Respondent(2, {}, std::nullopt));
  NumberBreakdown nb = SummarizeNumbers(data_, 2, GroupsOf(data_, 0));
  ASSERT_EQ(nb.cells.size(), 3u);
  EXPECT_EQ(nb.cells[0].label, "全体");
  EXPECT_EQ(nb.cells[0].summary.n, 3);
  EXPECT_DOUBLE_EQ(nb.cells[0].summary.median, 10);
  EXPECT_DOUBLE_EQ(nb.cells[1].summary.mean, 15);
  EXPECT_DOUBLE_EQ(nb.cells[1].summary.median, 15);
  EXPECT_DOUBLE_EQ(nb.cells[2].summary.max, 5);
}

TEST_F(CrossTableTest, AnalyzeFollowsTheSpecAndWritersShowIt) {
  for (int i = 0; i < 40; ++i) data_.Add(Respondent(1 + i % 2, {1}, i, {1 + i % 2, 1}));
  AnalysisLoad load = LoadAnalysisText("analysis: a\nbreakdowns: [{by: Q1}]\n", "a.yaml");
  ASSERT_TRUE(load.spec);
  AnalysisReport report = Analyze(data_, *load.spec);
  ASSERT_EQ(report.cross_tables.size(), 3u);  // Q2, Q4_virus, Q4_dos (text and Q1 itself left out)
  EXPECT_EQ(report.cross_tables[0].question_id, "Q2");
  ASSERT_EQ(report.numbers.size(), 1u);
  std::string text = RenderAnalysisText(report);
  EXPECT_NE(text.find("■ Q4　脅威：ウイルス × 性別［単一回答・%］"), std::string::npos) << text;
  EXPECT_NE(text.find("▲"), std::string::npos) << text;    // men all 大, women all 小
  EXPECT_NE(text.find("※20"), std::string::npos) << text;  // groups of 20 < 30
  EXPECT_NE(text.find("カイ二乗検定: χ² = 40.000、自由度 1"), std::string::npos) << text;
  std::string long_form = RenderAnalysisLong(report);
  EXPECT_NE(long_form.find("xt_sa,Q4_virus,Q1,1,1,n,20\n"), std::string::npos);
  EXPECT_NE(long_form.find("xt_sa,Q4_virus,Q1,1,1,colpct,100\n"), std::string::npos);
  EXPECT_NE(long_form.find("xt_sa,Q4_virus,Q1,base,2,n,20\n"), std::string::npos);
  EXPECT_NE(long_form.find("chisq,Q4_virus,Q1,,,X2,40\n"), std::string::npos);
  EXPECT_NE(long_form.find("xt_ma,Q2,Q1,1,1,n,20\n"), std::string::npos);
  EXPECT_NE(long_form.find("num,Q3,Q1,,1,n,20\n"), std::string::npos);
}

}  // namespace
}  // namespace chosa

namespace chosa {
namespace {

// The simple tallies Analyze takes from the cross tables' counting pass (crossed questions) are
// those SimpleTally counts on its own: weighted, with no-answers and skipped respondents, through
// a joint grouping (two breakdowns), whether no-answers are in the cross tables' base or not.
TEST(AnalyzeTallies, CrossedQuestionsGetTheSameSimpleTallies) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  for (int i = 0; i < 300; ++i) {
    std::vector<int> q2;
    if (i % 7 != 0) q2 = {1 + i % 3};
    if (i % 5 == 0) q2.push_back(9);  // a code that is no option
    std::vector<int> q4 = {1 + i % 2, i % 11 == 0 ? 0 : 1 + i % 3 % 2};
    if (i % 13 == 0) q4.clear();
    data.Add(Respondent(i % 4, q2, 1 + i % 5, q4), 0.5 + (i % 9) * 0.37);
  }
  for (bool applicable : {false, true}) {
    AnalysisSpec spec;
    spec.settings.base_applicable = applicable;
    spec.breakdowns = {Breakdown{"Q1", {}, true, true, {}},
                       Breakdown{"Q1", {"Q2"}, true, true, {}}};
    AnalysisReport report = Analyze(data, spec);
    TallyReport alone = SimpleTally(data);
    ASSERT_EQ(report.tally.tables.size(), alone.tables.size());
    EXPECT_EQ(report.tally.respondents, alone.respondents);
    for (size_t i = 0; i < alone.tables.size(); ++i) {
      const Table& a = report.tally.tables[i];
      const Table& b = alone.tables[i];
      SCOPED_TRACE(b.question_id);
      EXPECT_EQ(a.question_id, b.question_id);
      EXPECT_EQ(a.answered, b.answered);
      EXPECT_EQ(a.no_answer, b.no_answer);
      EXPECT_EQ(a.not_applicable, b.not_applicable);
      EXPECT_EQ(a.mentions, b.mentions);
      EXPECT_NEAR(a.answered_w, b.answered_w, 1e-9);
      EXPECT_NEAR(a.mentions_w, b.mentions_w, 1e-9);
      ASSERT_EQ(a.rows.size(), b.rows.size());
      for (size_t r = 0; r < b.rows.size(); ++r) {
        EXPECT_EQ(a.rows[r].label, b.rows[r].label);
        EXPECT_EQ(a.rows[r].n, b.rows[r].n);
        EXPECT_NEAR(a.rows[r].weighted, b.rows[r].weighted, 1e-9);
        ASSERT_EQ(a.rows[r].percents.size(), b.rows[r].percents.size());
        for (size_t p = 0; p < b.rows[r].percents.size(); ++p) {
          ASSERT_EQ(a.rows[r].percents[p].has_value(), b.rows[r].percents[p].has_value());
          if (b.rows[r].percents[p]) {
            EXPECT_NEAR(*a.rows[r].percents[p], *b.rows[r].percents[p], 1e-9);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace chosa
