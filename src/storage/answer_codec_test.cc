#include "storage/answer_codec.h"

#include <gtest/gtest.h>

#include "questionnaire/loader.h"

namespace chosa {
namespace {

constexpr const char* kYaml = R"(survey: {id: codec, title: t}
sections:
  - id: who
    personal: true
    questions:
      - {id: name, type: text, text: 氏名}
  - id: s
    questions:
      - {id: Q1, type: single, text: t, options: [a, b, {code: 9, label: その他, other: true}]}
      - {id: Q2, type: multi, text: t, options: [a, b, c, {code: 300, label: その他, other: true}]}
      - {id: Q3, type: number, text: t, decimals: 2}
      - {id: Q4, type: textarea, text: t}
      - {id: Q5, type: grid, text: t, items: [x, y, z], options: [1, 2, 3]}
      - {id: Q6, type: prefecture, text: t}
)";

Questionnaire Load() {
  Result<Questionnaire> qn = ParseQuestionnaire(kYaml, "codec.yaml");
  EXPECT_TRUE(qn.ok()) << qn.status().ToString();
  return *qn;
}

Answers Sample() {
  Answers a(7);
  a[0] = Answer{AnswerState::kAnswered, {}, {}, 0, "山田 太郎"};
  a[1] = Answer{AnswerState::kAnswered, {9}, {{9, "自社開発"}}, 0, ""};
  a[2] = Answer{AnswerState::kAnswered, {1, 3, 300}, {{300, "長い\n記述"}}, 0, ""};
  a[3] = Answer{AnswerState::kAnswered, {}, {}, -1234.25, ""};
  a[4] = Answer{AnswerState::kNotApplicable, {}, {}, 0, ""};
  a[5] = Answer{AnswerState::kAnswered, {2, 0, 3}, {}, 0, ""};
  a[6] = Answer{AnswerState::kNoAnswer, {}, {}, 0, ""};
  return a;
}

TEST(AnswerCodecTest, RoundTripsEveryTypeAndKeepsPartsApart) {
  Questionnaire qn = Load();
  Answers in = Sample();
  std::string survey = EncodeAnswers(qn, in, AnswerPart::kSurvey);
  std::string personal = EncodeAnswers(qn, in, AnswerPart::kPersonal);
  EXPECT_EQ(survey.find("山田"), std::string::npos)
      << "personal data must not enter the survey part";
  Answers out;
  ASSERT_TRUE(DecodeAnswers(qn, survey, AnswerPart::kSurvey, &out).ok());
  ASSERT_TRUE(DecodeAnswers(qn, personal, AnswerPart::kPersonal, &out).ok());
  EXPECT_EQ(out, in);
}

TEST(AnswerCodecTest, IsCompact) {
  Questionnaire qn = Load();
  Answers a(7);
  a[1] = Answer{AnswerState::kAnswered, {2}, {}, 0, ""};
  // format byte + 6 state bytes + code + empty "other" list
  EXPECT_EQ(EncodeAnswers(qn, a, AnswerPart::kSurvey).size(), 9u);
}

TEST(AnswerCodecTest, DetectsCorruptionAndMismatch) {
  Questionnaire qn = Load();
  std::string record = EncodeAnswers(qn, Sample(), AnswerPart::kSurvey);
  Answers out;
  for (size_t cut : {size_t{0}, size_t{1}, record.size() / 2, record.size() - 1}) {
    EXPECT_EQ(DecodeAnswers(qn, record.substr(0, cut), AnswerPart::kSurvey, &out).code(),
              StatusCode::kCorruption)
        << "cut at " << cut;
  }
  EXPECT_EQ(DecodeAnswers(qn, record + "x", AnswerPart::kSurvey, &out).code(),
            StatusCode::kCorruption);
  std::string bad_state = record;
  bad_state[1] = 7;
  EXPECT_EQ(DecodeAnswers(qn, bad_state, AnswerPart::kSurvey, &out).code(),
            StatusCode::kCorruption);
}

}  // namespace
}  // namespace chosa
