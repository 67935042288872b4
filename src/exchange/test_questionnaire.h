// A small questionnaire used by the exchange tests: a personal block, single with "other",
// multi with an exclusive option, number, text and a follow-up asked only when Q1 is 1.
#pragma once

#include <gtest/gtest.h>

#include "questionnaire/loader.h"

namespace chosa::testing {

inline constexpr const char* kExchangeYaml = R"(survey: {id: ex, version: 1, title: 取り込みテスト}
sections:
  - id: who
    personal: true
    questions:
      - {id: company, type: text, text: 会社名}
  - id: s
    questions:
      - id: Q1
        type: single
        text: はい・いいえ
        options: [はい, いいえ, {code: 9, label: その他, other: true}]
      - id: Q1a
        type: multi
        text: 理由
        when: Q1 == 1
        options: [A, B, {code: 9, label: 特にない, exclusive: true}]
      - {id: Q2, type: number, text: 従業員数, unit: 人, min: 0}
      - {id: Q3, type: text, text: 自由記述}
)";

inline Questionnaire ExchangeQuestionnaire() {
  Result<Questionnaire> qn = ParseQuestionnaire(kExchangeYaml, "ex.yaml");
  EXPECT_TRUE(qn.ok()) << qn.status().ToString();
  return qn.ok() ? *qn : Questionnaire{};
}

inline constexpr const char* kHeader = "id,company,Q1,Q1_9_text,Q1a_1,Q1a_2,Q1a_9,Q2,Q3\n";

}  // namespace chosa::testing
