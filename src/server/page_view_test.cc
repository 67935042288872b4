#include "server/page_view.h"

#include <gtest/gtest.h>

#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa::web {
namespace {

TEST(PageViewTest, FollowUpsOnTheSamePageAreShownAndOthersDependOnAnswers) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  ASSERT_TRUE(qn.ok());
  Answers answers(qn->questions.size());
  int q11 = qn->FindQuestion("Q11"), q14 = qn->FindQuestion("Q14"), q8 = qn->FindQuestion("Q8");
  // Q14 depends on Q13, on the same page: always shown (the page explains the condition).
  EXPECT_TRUE(ShownOnPage(*qn, q14, answers));
  // Q11 depends on Q8, on the same page too.
  EXPECT_TRUE(ShownOnPage(*qn, q11, answers));
  answers[q8] = Answer{AnswerState::kAnswered, {2}, {}, 0, ""};
  EXPECT_TRUE(ShownOnPage(*qn, q11, answers));
}

TEST(PageViewTest, AnswerTextForReview) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  const Question& q1 = qn->questions[qn->FindQuestion("Q1")];
  Answer a{AnswerState::kAnswered, {14}, {{14, "セキュリティ専業"}}, 0, ""};
  EXPECT_EQ(AnswerText(q1, a), "その他（具体的に）（セキュリティ専業）");
  EXPECT_EQ(AnswerText(q1, Answer{}), "");
  const Question& q7 = qn->questions[qn->FindQuestion("Q7")];
  EXPECT_EQ(AnswerText(q7, Answer{AnswerState::kAnswered, {27}, {}, 0, ""}), "大阪府");
}

}  // namespace
}  // namespace chosa::web
