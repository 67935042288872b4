#include "questionnaire/loader.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

// Finds the diagnostic with `code`; fails the test if absent.
const Diagnostic* Find(const LoadResult& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == code) return &d;
  }
  std::string all;
  for (const Diagnostic& d : r.diagnostics) all += d.ToString() + "\n";
  ADD_FAILURE() << "no diagnostic " << code << " among:\n" << all;
  return nullptr;
}

constexpr const char* kMinimal = R"(survey:
  id: mini
  version: 2
  title: 最小の調査
option_sets:
  yesno: [はい, いいえ]
sections:
  - id: s1
    title: ページ1
    questions:
      - {id: Q1, type: single, text: 質問1, required: true, options: yesno}
      - id: Q2
        type: multi
        text: 質問2
        max_choices: 2
        options:
          - {code: 1, label: A}
          - {code: 2, label: その他, other: true}
          - {code: 9, label: 特になし, exclusive: true}
      - {id: Q3, type: prefecture, text: 所在地}
      - {id: Q4, type: number, text: 従業員数, unit: 人, min: 0, max: 100000}
      - id: Q5
        type: grid
        text: 脅威の大きさ
        items: [{id: virus, label: ウイルス}, {id: dos, label: DoS}]
        options: [大きい, 小さい]
        when: Q1 == 1
)";

TEST(LoaderTest, LoadsAMinimalQuestionnaire) {
  LoadResult r = LoadQuestionnaireText(kMinimal, "mini.yaml");
  ASSERT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].ToString());
  const Questionnaire& qn = *r.questionnaire;
  EXPECT_EQ(qn.id, "mini");
  EXPECT_EQ(qn.version, 2);
  ASSERT_EQ(qn.questions.size(), 5u);
  EXPECT_EQ(qn.questions[0].options.size(), 2u);  // from the option set, codes by position
  EXPECT_EQ(qn.questions[0].options[1].code, 2);
  EXPECT_TRUE(qn.questions[1].FindOption(9)->exclusive);
  EXPECT_TRUE(qn.questions[1].FindOption(2)->other);
  EXPECT_EQ(qn.questions[2].options.size(), 47u);  // prefectures built in
  EXPECT_EQ(qn.questions[2].FindOption(13)->label, "東京都");
  EXPECT_EQ(qn.questions[3].unit, "人");
  EXPECT_EQ(qn.questions[4].items.size(), 2u);
  EXPECT_TRUE(qn.questions[4].when.has_value());
  EXPECT_EQ(qn.FindQuestion("Q4"), 3);
  EXPECT_EQ(qn.source_text, kMinimal);
}

TEST(LoaderTest, YamlSyntaxErrorsHaveLineAndColumn) {
  LoadResult r = LoadQuestionnaireText("survey:\n  id: [unclosed\n", "bad.yaml");
  EXPECT_FALSE(r.ok());
  const Diagnostic* d = Find(r, "yaml-syntax");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->location.file, "bad.yaml");
  EXPECT_GT(d->location.line, 0);
}

TEST(LoaderTest, UnknownKeysAreReportedWhereTheyAre) {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("        max_choices: 2"), 22, "        max_choice: 2");
  LoadResult r = LoadQuestionnaireText(yaml, "typo.yaml");
  EXPECT_FALSE(r.ok());
  const Diagnostic* d = Find(r, "unknown-key");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->location.line, 15);
  EXPECT_EQ(d->location.column, 9);
  EXPECT_NE(d->message.find("max_choice"), std::string::npos);
  EXPECT_NE(d->ToString().find("typo.yaml:15:9: エラー:"), std::string::npos);
}

TEST(LoaderTest, DuplicateIdsAndCodes) {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("{id: Q3,"), 8, "{id: Q1,");
  yaml.replace(yaml.find("{code: 9, label: 特になし"), 9, "{code: 2,");
  LoadResult r = LoadQuestionnaireText(yaml, "dup.yaml");
  EXPECT_FALSE(r.ok());
  const Diagnostic* id = Find(r, "duplicate-id");
  const Diagnostic* code = Find(r, "duplicate-code");
  ASSERT_TRUE(id && code);
  EXPECT_EQ(id->location.line, 20);
  EXPECT_NE(id->message.find("最初は 11行目"), std::string::npos) << id->message;
  EXPECT_EQ(code->location.line, 19);
}

TEST(LoaderTest, WhenErrorsPointInsideTheExpression) {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("when: Q1 == 1"), 13, "when: Q1 == 3");
  LoadResult r = LoadQuestionnaireText(yaml, "when.yaml");
  const Diagnostic* d = Find(r, "bad-when");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->location.line, 27);
  EXPECT_EQ(d->location.column, 21);  // the "3"
  EXPECT_NE(d->message.find("Q1 に選択肢コード 3 はありません"), std::string::npos) << d->message;
}

TEST(LoaderTest, MissingAndMistypedValues) {
  LoadResult r = LoadQuestionnaireText(R"(survey:
  id: x
  version: two
sections:
  - id: s
    questions:
      - {id: Q1, type: choice, text: t}
      - {id: Q2, type: single, options: [a]}
)",
                                       "types.yaml");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(Find(r, "not-an-integer"), nullptr);
  EXPECT_NE(Find(r, "unknown-type"), nullptr);
  const Diagnostic* missing = Find(r, "missing-key");
  ASSERT_NE(missing, nullptr);
  EXPECT_NE(missing->message.find("\"title\""), std::string::npos);
}

TEST(LoaderTest, UnreadableFileIsOneDiagnostic) {
  LoadResult r = LoadQuestionnaireFile("/nonexistent/q.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "unreadable");
}

}  // namespace
}  // namespace chosa
