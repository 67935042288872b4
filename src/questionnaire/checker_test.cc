#include "questionnaire/checker.h"

#include <gtest/gtest.h>

#include "questionnaire/loader.h"

namespace chosa {
namespace {

std::vector<std::string> Codes(const std::string& questions) {
  std::string yaml =
      "survey: {id: c, title: t}\nsections:\n  - id: s\n    questions:\n" + questions;
  LoadResult r = LoadQuestionnaireText(yaml, "c.yaml");
  std::vector<std::string> codes;
  for (const Diagnostic& d : r.diagnostics) codes.push_back(d.code);
  return codes;
}

bool Has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(CheckerTest, ExclusiveOnlyOnMultiAnswers) {
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: single, text: t, options: [{code: 1, label: a, "
                        "exclusive: true}]}\n"),
                  "exclusive-not-multi"));
}

TEST(CheckerTest, ChoiceLimitsMustFit) {
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: multi, text: t, min_choices: 3, max_choices: 2, "
                        "options: [a, b, c]}\n"),
                  "bad-choices"));
  EXPECT_TRUE(
      Has(Codes("      - {id: Q1, type: multi, text: t, max_choices: 4, options: [a, b, c]}\n"),
          "bad-choices"));
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: single, text: t, max_choices: 1, options: [a]}\n"),
                  "key-not-allowed"));
}

TEST(CheckerTest, TypeSpecificKeys) {
  EXPECT_TRUE(
      Has(Codes("      - {id: Q1, type: text, text: t, options: [a]}\n"), "options-not-allowed"));
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: single, text: t, unit: 人, options: [a]}\n"),
                  "key-not-allowed"));
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: number, text: t, min: 5, max: 1}\n"), "bad-range"));
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: grid, text: t, options: [a]}\n"), "no-items"));
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: single, text: t}\n"), "no-options"));
  EXPECT_TRUE(Has(Codes("      - {id: 1Q, type: text, text: t}\n"), "bad-question-id"));
}

TEST(CheckerTest, ColumnNamesMustNotCollide) {
  // Multi Q8 option 1 makes column Q8_1, which a question named Q8_1 would also use.
  EXPECT_TRUE(Has(Codes("      - {id: Q8, type: multi, text: t, options: [a, b]}\n"
                        "      - {id: Q8_1, type: text, text: t}\n"),
                  "duplicate-column"));
}

TEST(CheckerTest, ExpressionsReferOnlyToEarlierNonPersonalQuestions) {
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: single, text: t, when: Q2 == 1, options: [a]}\n"
                        "      - {id: Q2, type: single, text: t, options: [a]}\n"),
                  "bad-when"));
  EXPECT_TRUE(Has(Codes("      - {id: Q1, type: single, text: t, when: Q1 == 1, options: [a]}\n"),
                  "bad-when"));
  std::string yaml =
      "survey: {id: c, title: t}\nsections:\n  - id: r\n    personal: true\n    questions:\n"
      "      - {id: name, type: text, text: 氏名}\n  - id: s\n    questions:\n"
      "      - {id: Q1, type: text, text: t, when: answered(name)}\n";
  LoadResult r = LoadQuestionnaireText(yaml, "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics[0].message.find("個人情報"), std::string::npos)
      << r.diagnostics[0].message;
}

TEST(CheckerTest, ValidQuestionnaireHasNoDiagnostics) {
  EXPECT_TRUE(Codes("      - {id: Q1, type: multi, text: t, options: [a, {code: 9, label: なし, "
                    "exclusive: true}]}\n"
                    "      - {id: Q2, type: text, text: t, when: \"Q1 includes any [1, 9]\"}\n")
                  .empty());
}

}  // namespace
}  // namespace chosa
