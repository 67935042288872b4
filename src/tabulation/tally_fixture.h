// A questionnaire and helpers for the tabulation tests.
#pragma once

#include <gtest/gtest.h>

#include "questionnaire/loader.h"
#include "tabulation/dataset.h"

namespace chosa::testing {

inline constexpr const char* kTallyYaml = R"(survey: {id: tally, title: 集計テスト}
tabulation: {decimals: 1}
sections:
  - id: s
    questions:
      - {id: Q1, type: single, text: 性別, options: [男性, 女性]}
      - id: Q2
        type: multi
        text: 利用サービス
        when: Q1 == 1
        options: [メール, Web, {code: 8, label: その他, other: true}, {code: 9, label: なし, exclusive: true}]
      - {id: Q3, type: number, text: 従業員数}
      - {id: Q4, type: grid, text: 脅威, items: [{id: virus, label: ウイルス}, {id: dos, label: DoS}], options: [大, 小]}
      - {id: Q5, type: textarea, text: 意見}
)";

inline Questionnaire TallyQuestionnaire() {
  Result<Questionnaire> qn = ParseQuestionnaire(kTallyYaml, "tally.yaml");
  EXPECT_TRUE(qn.ok()) << qn.status().ToString();
  return qn.ok() ? *qn : Questionnaire{};
}

// One respondent: q1 = 0 no answer; q2 codes (asked only when q1 == 1; empty = no answer).
inline Answers Respondent(int q1, std::vector<int> q2, std::optional<double> q3 = std::nullopt,
                          std::vector<int> q4 = {}, std::string q5 = "") {
  Answers a(5);
  if (q1) a[0] = Answer{AnswerState::kAnswered, {q1}, {}, 0, ""};
  if (q1 != 1) {
    a[1].state = AnswerState::kNotApplicable;
  } else if (!q2.empty()) {
    a[1] = Answer{AnswerState::kAnswered, q2, {}, 0, ""};
  }
  if (q3) a[2] = Answer{AnswerState::kAnswered, {}, {}, *q3, ""};
  if (!q4.empty()) a[3] = Answer{AnswerState::kAnswered, q4, {}, 0, ""};
  if (!q5.empty()) a[4] = Answer{AnswerState::kAnswered, {}, {}, 0, q5};
  return a;
}

}  // namespace chosa::testing
