#include "engine/raw_from_answers.h"

#include <gtest/gtest.h>

#include "engine/answer_engine.h"
#include "questionnaire/loader.h"

namespace chosa {
namespace {

// Regression: texts were viewed through a temporary copy of each answer (use after free).
TEST(RawFromAnswersTest, ReevaluatingTypedAnswersGivesThemBack) {
  Result<Questionnaire> qn = ParseQuestionnaire(R"(survey: {id: r, title: t}
sections:
  - id: s
    questions:
      - {id: Q1, type: multi, text: t, options: [a, b, {code: 9, label: その他, other: true}]}
      - {id: Q2, type: textarea, text: t}
      - {id: Q3, type: number, text: t, decimals: 1}
      - {id: Q4, type: grid, text: t, items: [x, y], options: [1, 2]}
      - {id: Q5, type: prefecture, text: t}
)",
                                                "r.yaml");
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  Answers answers(5);
  answers[0] = Answer{AnswerState::kAnswered, {2, 9}, {{9, std::string(100, 'x')}}, 0, ""};
  answers[1] = Answer{AnswerState::kAnswered, {}, {}, 0, std::string(200, 'y') + "の意見"};
  answers[2] = Answer{AnswerState::kAnswered, {}, {}, -2.5, ""};
  answers[3] = Answer{AnswerState::kAnswered, {0, 2}, {}, 0, ""};
  answers[4] = Answer{AnswerState::kAnswered, {47}, {}, 0, ""};
  std::deque<std::string> strings;
  RawAnswers raw;
  RawFromAnswers(*qn, answers, &strings, &raw);
  Evaluation e = EvaluateAnswers(*qn, raw);
  EXPECT_TRUE(e.ok());
  EXPECT_EQ(e.answers, answers);
}

}  // namespace
}  // namespace chosa
