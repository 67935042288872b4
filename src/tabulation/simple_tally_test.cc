#include "tabulation/simple_tally.h"

#include <gtest/gtest.h>

#include "tabulation/output/display.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

using testing::Respondent;

const Table& Find(const TallyReport& r, const std::string& id) {
  for (const Table& t : r.tables) {
    if (t.question_id == id) return t;
  }
  ADD_FAILURE() << "no table " << id;
  static Table empty;
  return empty;
}

std::vector<std::string> Shown(const Table& t, size_t base = 0) {
  std::vector<std::string> out;
  for (const TableRow& r : t.rows)
    out.push_back(r.label + " " + DisplayCount(t, r.n, r.weighted) + " " +
                  DisplayPercent(t, r, base));
  return out;
}

class SimpleTallyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    qn_ = testing::TallyQuestionnaire();
    data_ = std::make_unique<Dataset>(qn_);
    // 8 respondents: Q1 = 1 x5, 2 x2, no answer x1. Q2 asked of the five.
    data_->Add(Respondent(1, {1, 2}, 10, {1, 2}, "良い"));
    data_->Add(Respondent(1, {2}, 20, {1, 0}));
    data_->Add(Respondent(1, {2, 8}, 30, {2, 2}));
    data_->Add(Respondent(1, {9}));
    data_->Add(Respondent(1, {}));
    data_->Add(Respondent(2, {}, 40));
    data_->Add(Respondent(2, {}));
    data_->Add(Respondent(0, {}));
  }
  Questionnaire qn_;
  std::unique_ptr<Dataset> data_;
};

TEST_F(SimpleTallyTest, SingleAnswerWithNoAnswerRow) {
  TallyReport report = SimpleTally(*data_);
  const Table& t = Find(report, "Q1");
  EXPECT_EQ(t.bases[0].n, 8);
  EXPECT_EQ(Shown(t), (std::vector<std::string>{"男性 5 62.5", "女性 2 25.0", "無回答 1 12.5"}));
}

TEST_F(SimpleTallyTest, BasesAllApplicableAnswered) {
  TallyOverrides o;
  o.bases = std::vector<TableBase>{TableBase::kApplicable, TableBase::kAll, TableBase::kAnswered};
  TallyReport report = SimpleTally(*data_, o);
  const Table& t = Find(report, "Q2");
  ASSERT_EQ(t.bases.size(), 3u);
  EXPECT_EQ(t.bases[0].n, 5);
  EXPECT_EQ(t.bases[1].n, 8);
  EXPECT_EQ(t.bases[2].n, 4);
  EXPECT_EQ(Shown(t, 0), (std::vector<std::string>{"メール 1 20.0", "Web 3 60.0", "その他 1 20.0",
                                                   "なし 1 20.0", "無回答 1 20.0", "非該当 3 ―"}));
  EXPECT_EQ(Shown(t, 1)[1], "Web 3 37.5");
  EXPECT_EQ(Shown(t, 1)[5], "非該当 3 37.5");
  EXPECT_EQ(Shown(t, 2)[1], "Web 3 75.0");
  EXPECT_EQ(Shown(t, 2)[4], "無回答 1 ―");
}

TEST_F(SimpleTallyTest, MentionsAndCountOrderKeepOtherLast) {
  TallyOverrides o;
  o.percent_of = PercentOf::kMentions;
  o.order = RowOrder::kCountDescending;
  TallyReport report = SimpleTally(*data_, o);
  const Table& t = Find(report, "Q2");
  EXPECT_EQ(t.mentions, 6);
  EXPECT_EQ(Shown(t), (std::vector<std::string>{"Web 3 50.0", "メール 1 16.7", "なし 1 16.7",
                                                "その他 1 16.7", "無回答 1 ―"}));
}

TEST_F(SimpleTallyTest, GridItemsAreTablesOfTheirOwn) {
  TallyReport r = SimpleTally(*data_);
  const Table& virus = Find(r, "Q4_virus");
  EXPECT_EQ(virus.title, "脅威：ウイルス");
  EXPECT_EQ(Shown(virus), (std::vector<std::string>{"大 2 25.0", "小 1 12.5", "無回答 5 62.5"}));
  const Table& dos = Find(r, "Q4_dos");  // respondent 2 left this item empty
  EXPECT_EQ(Shown(dos), (std::vector<std::string>{"大 0 0.0", "小 2 25.0", "無回答 6 75.0"}));
}

TEST_F(SimpleTallyTest, NumberSummaryAndFreeTexts) {
  TallyReport r = SimpleTally(*data_);
  const Table& n = Find(r, "Q3");
  ASSERT_TRUE(n.summary);
  EXPECT_EQ(n.summary->n, 4);
  EXPECT_DOUBLE_EQ(n.summary->mean, 25);
  EXPECT_DOUBLE_EQ(n.summary->median, 25);
  EXPECT_DOUBLE_EQ(n.summary->max, 40);
  EXPECT_NEAR(n.summary->sd, 12.909944487358056, 1e-12);
  const Table& text = Find(r, "Q5");
  EXPECT_EQ(text.texts, (std::vector<std::pair<int, std::string>>{{0, "良い"}}));
}

TEST_F(SimpleTallyTest, OnlyAndSkipSelectTables) {
  TallyOverrides o;
  o.only = {"Q1", "Q3"};
  o.skip = {"Q3"};
  TallyReport r = SimpleTally(*data_, o);
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].question_id, "Q1");
}

TEST(WeightedTallyTest, WeightedPercentsUseWeights) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  data.Add(Respondent(1, {1}), 3.0);
  data.Add(Respondent(2, {}), 1.0);
  TallyReport report = SimpleTally(data);
  const Table& t = report.tables[0];
  EXPECT_TRUE(t.weighted);
  EXPECT_EQ(Shown(t), (std::vector<std::string>{"男性 3.0 75.0", "女性 1.0 25.0"}));
  EXPECT_EQ(t.rows[0].n, 1) << "unweighted n is kept";
}

TEST(FormatPercentTest, HalfUpOnTheExactFraction) {
  EXPECT_EQ(FormatPercent(1, 8, 0), "13");     // 12.5
  EXPECT_EQ(FormatPercent(3, 118, 0), "3");    // 2.54
  EXPECT_EQ(FormatPercent(23, 118, 0), "19");  // 19.49
  EXPECT_EQ(FormatPercent(5, 8, 1), "62.5");
  EXPECT_EQ(FormatPercent(247, 2000, 1),
            "12.4");  // 12.35 exactly: half up, though 0.1235 is inexact in binary
  EXPECT_EQ(FormatPercent(0, 5, 2), "0.00");
  EXPECT_EQ(FormatPercent(1, 0, 1), "-");
  EXPECT_EQ(FormatPercent(12.5, 0), "13");
  EXPECT_EQ(FormatPercent(100.0 * 247 / 2000, 1), "12.4");
}

}  // namespace
}  // namespace chosa
