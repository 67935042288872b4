#include "analysis/analysis_file.h"

#include <gtest/gtest.h>

#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

std::string All(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const Diagnostic& x : d) s += x.ToString() + "\n";
  return s;
}

TEST(AnalysisFile, ReadsBreakdownsAndSettings) {
  AnalysisLoad r = LoadAnalysisText(R"(analysis: a1
title: 報告書
survey: tally
settings: {small_base: 50, small_base_mark: "*", significance: [0.9, 0.95]}
breakdowns:
  - by: Q1
    questions: [Q2, Q4]
    chi_square: false
  - by: Q1
    numbers: false
)",
                                    "a.yaml");
  ASSERT_TRUE(r.spec) << All(r.diagnostics);
  EXPECT_EQ(r.spec->id, "a1");
  EXPECT_EQ(r.spec->settings.small_base, 50);
  EXPECT_EQ(r.spec->settings.small_base_mark, "*");
  EXPECT_DOUBLE_EQ(r.spec->settings.loose_level, 0.9);
  EXPECT_DOUBLE_EQ(r.spec->settings.strict_level, 0.95);
  ASSERT_EQ(r.spec->breakdowns.size(), 2u);
  EXPECT_EQ(r.spec->breakdowns[0].questions, (std::vector<std::string>{"Q2", "Q4"}));
  EXPECT_FALSE(r.spec->breakdowns[0].chi_square);
  EXPECT_TRUE(r.spec->breakdowns[1].questions.empty());
  EXPECT_FALSE(r.spec->breakdowns[1].numbers);
  EXPECT_TRUE(CheckAnalysis(*r.spec, testing::TallyQuestionnaire()).empty());
}

TEST(AnalysisFile, ErrorsNameFileLineAndColumn) {
  AnalysisLoad r = LoadAnalysisText(R"(analysis: a1
settings: {significance: [0.99, 0.95]}
breakdowns:
  - by: Q1
    colour: red
)",
                                    "a.yaml");
  EXPECT_FALSE(r.spec);
  std::string all = All(r.diagnostics);
  EXPECT_NE(all.find("a.yaml:2:"), std::string::npos) << all;
  EXPECT_NE(all.find("低い順"), std::string::npos) << all;
  EXPECT_NE(all.find("a.yaml:5:5: エラー: breakdowns の項目 にキー \"colour\" は使えません"),
            std::string::npos)
      << all;
}

TEST(AnalysisFile, SyntaxErrorHasALocation) {
  AnalysisLoad r = LoadAnalysisText("analysis: [a\n", "bad.yaml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].location.file, "bad.yaml");
  EXPECT_GT(r.diagnostics[0].location.line, 0);
}

TEST(AnalysisFile, CheckRefusesUnknownAndUnsuitableQuestions) {
  AnalysisLoad r = LoadAnalysisText(R"(analysis: a1
breakdowns:
  - {by: Q9, questions: [Q1]}
  - {by: Q2, questions: [Q7]}
  - {by: Q3}
)",
                                    "a.yaml");
  ASSERT_TRUE(r.spec) << All(r.diagnostics);
  std::string all = All(CheckAnalysis(*r.spec, testing::TallyQuestionnaire()));
  EXPECT_NE(all.find("a.yaml:3:5: エラー: by の質問「Q9」は調査票「tally」にありません"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("a.yaml:4:5: エラー: by の質問「Q2」は単一回答か都道府県の質問にしてください"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("questions の質問「Q7」"), std::string::npos) << all;
  EXPECT_NE(all.find("by の質問「Q3」"), std::string::npos) << all;
}

}  // namespace
}  // namespace chosa
