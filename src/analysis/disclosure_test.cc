#include "analysis/disclosure.h"

#include <gtest/gtest.h>

#include "analysis/output/long_writer.h"
#include "analysis/output/text_writer.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

using testing::Respondent;

// No published total may leave exactly one withheld cell: it could be recovered.
void ExpectNoLoneCell(const std::vector<bool>& s, int rows, int cols, bool row_totals,
                      bool col_totals) {
  for (int r = 0; row_totals && r < rows; ++r) {
    int n = 0;
    for (int c = 0; c < cols; ++c) n += s[r * cols + c];
    EXPECT_NE(n, 1) << "row " << r;
  }
  for (int c = 0; col_totals && c < cols; ++c) {
    int n = 0;
    for (int r = 0; r < rows; ++r) n += s[r * cols + c];
    EXPECT_NE(n, 1) << "column " << c;
  }
}

TEST(Disclosure, PrimaryCellsAndTheirComplements) {
  // 3 groups x 3 options and the total row (column sums published, row sums published).
  std::vector<int64_t> counts = {10, 2,  8,    //
                                 7,  9,  12,   //
                                 5,  6,  11,   //
                                 22, 17, 31};  // total
  std::vector<bool> s = SuppressionPattern(counts, 4, 3, 3, true, true);
  EXPECT_TRUE(s[1]);  // the 2
  int withheld = 0;
  for (bool b : s) withheld += b;
  EXPECT_GE(withheld, 4);  // one more in its row, one more in its column, and so on
  ExpectNoLoneCell(s, 4, 3, true, true);
  // Nothing small: nothing withheld.
  s = SuppressionPattern({10, 20, 30, 40}, 2, 2, 3, true, true);
  EXPECT_EQ(std::count(s.begin(), s.end(), true), 0);
  // Zeros are not withheld for their own count.
  s = SuppressionPattern({0, 10, 10, 0}, 2, 2, 3, true, true);
  EXPECT_EQ(std::count(s.begin(), s.end(), true), 0);
}

TEST(Disclosure, ManyRandomTablesLeaveNothingRecoverable) {
  uint64_t x = 88172645463325252ull;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int round = 0; round < 500; ++round) {
    int rows = 2 + static_cast<int>(next() % 5), cols = 2 + static_cast<int>(next() % 6);
    std::vector<int64_t> counts;
    for (int i = 0; i < rows * cols; ++i) counts.push_back(static_cast<int64_t>(next() % 6));
    std::vector<bool> s = SuppressionPattern(counts, rows, cols, 3, true, true);
    for (int i = 0; i < rows * cols; ++i) {
      if (counts[i] == 1 || counts[i] == 2) {
        EXPECT_TRUE(s[i]);
      }
    }
    ExpectNoLoneCell(s, rows, cols, true, true);
  }
}

TEST(Disclosure, ReportWithholdsTalliesCrossTablesAndNumbersConsistently) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  for (int i = 0; i < 20; ++i) data.Add(Respondent(1, {1}, 10 + i, {1, 1}));
  for (int i = 0; i < 20; ++i) data.Add(Respondent(2, {}, 30 + i, {2, 1}));
  data.Add(Respondent(2, {}, 99, {1, 2}));  // the only woman with 大 and the only 小 for DoS
  AnalysisLoad spec = LoadAnalysisText(
      "analysis: d\nsettings: {suppress_below: 3}\nbreakdowns: [{by: Q1}]\n", "d.yaml");
  ASSERT_TRUE(spec.spec);
  AnalysisReport report = Analyze(data, *spec.spec);
  EXPECT_GT(report.suppressed_primary, 0);
  EXPECT_GT(report.suppressed_complementary, 0);
  // The simple tally of Q4 DoS: 小 (1 respondent) withheld, and 大 with it (the base is shown).
  const Table* dos = nullptr;
  for (const Table& t : report.tally.tables)
    if (t.question_id == "Q4_dos") dos = &t;
  ASSERT_NE(dos, nullptr);
  EXPECT_TRUE(dos->rows[1].suppressed);
  EXPECT_TRUE(dos->rows[0].suppressed);
  EXPECT_EQ(dos->rows[1].n, 0);
  // Its cross table withholds the same total cells, and cells in the groups.
  for (const CrossTable& t : report.cross_tables) {
    if (t.question_id != "Q4_dos") continue;
    ASSERT_FALSE(t.total.suppressed.empty());
    EXPECT_TRUE(t.total.suppressed[1]);
    EXPECT_TRUE(t.groups[1].suppressed[1]);  // the one woman
    EXPECT_EQ(t.groups[1].n[1], 0);
    EXPECT_FALSE(t.groups[1].Percent(1));
  }
  std::string text = RenderAnalysisText(report);
  EXPECT_NE(text.find("秘匿処理: 1～2 人の件数"), std::string::npos) << text;
  std::string long_form = RenderAnalysisLong(report);
  EXPECT_NE(long_form.find("gt_sa,Q4_dos,,2,,n,x\n"), std::string::npos) << long_form;
  EXPECT_NE(long_form.find("xt_sa,Q4_dos,Q1,2,2,n,x\n"), std::string::npos);
  EXPECT_EQ(long_form.find("xt_sa,Q4_dos,Q1,2,2,n,1\n"), std::string::npos);
}

}  // namespace
}  // namespace chosa
