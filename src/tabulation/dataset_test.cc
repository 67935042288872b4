#include "tabulation/dataset.h"

#include <gtest/gtest.h>

#include "storage/answer_codec.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

TEST(DatasetTest, StoresColumnsPerQuestion) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  data.Add(testing::Respondent(1, {2, 9}, 7, {2, 1}));
  data.Add(testing::Respondent(2, {}), 2.5);
  EXPECT_EQ(data.size(), 2);
  EXPECT_TRUE(data.weighted());
  EXPECT_DOUBLE_EQ(data.TotalWeight(), 3.5);
  EXPECT_EQ(data.column(0).codes, (std::vector<int16_t>{1, 2}));
  const QuestionColumn& ma = data.column(1);
  EXPECT_EQ(ma.words, 1);
  EXPECT_EQ(ma.bits[0], 0b1010u) << "options Web (index 1) and なし (index 3)";
  EXPECT_EQ(ma.states[1], AnswerState::kNotApplicable);
  EXPECT_EQ(data.column(3).codes, (std::vector<int16_t>{2, 1, 0, 0}));
  EXPECT_EQ(data.OptionIndex(1, 9), 3);
  EXPECT_EQ(data.OptionIndex(1, 5), -1);
}

}  // namespace
}  // namespace chosa

namespace chosa {
namespace {

TEST(DatasetTest, AddRecordMatchesAddAndIsAtomic) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset direct(qn), walked(qn);
  std::vector<Answers> people = {testing::Respondent(1, {2, 8}, 7, {2, 1}, "自由記述"),
                                 testing::Respondent(2, {}, 3), testing::Respondent(0, {})};
  people[0][1].other_texts = {{8, "その他の内容"}};
  for (const Answers& a : people) {
    direct.Add(a, a[2].answered() ? a[2].number : 1.0);
    ASSERT_TRUE(walked.AddRecord(EncodeAnswers(qn, a, AnswerPart::kSurvey), -1).ok());
  }
  for (size_t q = 0; q < qn.questions.size(); ++q) {
    EXPECT_EQ(direct.column(q).states, walked.column(q).states) << q;
    EXPECT_EQ(direct.column(q).codes, walked.column(q).codes) << q;
    EXPECT_EQ(direct.column(q).bits, walked.column(q).bits) << q;
    EXPECT_EQ(direct.column(q).numbers, walked.column(q).numbers) << q;
    EXPECT_EQ(direct.column(q).texts, walked.column(q).texts) << q;
  }
  // A record whose weight question is empty, and a truncated record: nothing is added.
  Dataset weighted(qn);
  ASSERT_TRUE(weighted.AddRecord(EncodeAnswers(qn, people[0], AnswerPart::kSurvey), 2).ok());
  EXPECT_DOUBLE_EQ(weighted.weights()[0], 7);
  EXPECT_EQ(weighted.AddRecord(EncodeAnswers(qn, people[2], AnswerPart::kSurvey), 2).code(),
            StatusCode::kInvalidArgument);
  std::string record = EncodeAnswers(qn, people[0], AnswerPart::kSurvey);
  EXPECT_EQ(weighted.AddRecord(record.substr(0, record.size() - 3), 2).code(),
            StatusCode::kCorruption);
  EXPECT_EQ(weighted.size(), 1);
  EXPECT_EQ(weighted.column(0).states.size(), 1u);
  EXPECT_EQ(weighted.column(4).texts.size(), 1u);
}

}  // namespace
}  // namespace chosa
