#include "tabulation/dataset.h"

#include <gtest/gtest.h>

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
