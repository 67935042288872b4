#include "questionnaire/includes.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "questionnaire/loader.h"
#include "support/temp_dir.h"

namespace chosa {
namespace {

std::string All(const LoadResult& r) {
  std::string all;
  for (const Diagnostic& d : r.diagnostics) all += d.ToString() + "\n";
  return all;
}

constexpr const char* kSurvey = R"(survey: {id: with-check, version: 1, title: 調査}
sections:
  - include: self-check-25
    sections: [basic, organization]
  - id: after
    questions:
      - {id: incident, type: single, text: 被害はありましたか, options: [あった, なかった],
         when: D01 == 1}
)";

TEST(Includes, SectionsOfABuiltInQuestionnaireStandAloneInTheRegisteredText) {
  LoadResult r = LoadQuestionnaireText(kSurvey, "survey.yaml");
  ASSERT_TRUE(r.ok()) << All(r);
  const Questionnaire& qn = *r.questionnaire;
  ASSERT_EQ(qn.sections.size(), 3u);
  EXPECT_EQ(qn.sections[0].id, "basic");
  EXPECT_EQ(qn.sections[1].id, "organization");
  EXPECT_EQ(qn.questions.size(), 5u + 7u + 1u);
  EXPECT_EQ(qn.questions[qn.FindQuestion("D01")].options[3].label, "わからない");
  EXPECT_EQ(qn.questions[qn.FindQuestion("D21")].options.back().label, "該当しない");
  EXPECT_LT(qn.FindQuestion("D06"), 0);  // Part 2 was not chosen
  // The text kept for registration has no include and the option sets written out: loaded
  // again on its own it is the same questionnaire.
  EXPECT_EQ(qn.source_text.find("include"), std::string::npos);
  EXPECT_EQ(qn.source_text.find("practice"), std::string::npos);
  LoadResult again = LoadQuestionnaireText(qn.source_text, "registered");
  ASSERT_TRUE(again.ok()) << All(again);
  ASSERT_EQ(again.questionnaire->questions.size(), qn.questions.size());
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    EXPECT_EQ(again.questionnaire->questions[i].id, qn.questions[i].id);
    EXPECT_EQ(again.questionnaire->questions[i].text, qn.questions[i].text);
    EXPECT_EQ(again.questionnaire->questions[i].options.size(), qn.questions[i].options.size());
  }
}

TEST(Includes, ProblemsAreLocated) {
  testing::TempDir dir;
  ASSERT_TRUE(
      WriteFileAtomic(dir.File("broken.yaml"), "survey: {id: b, title: B}\nsections: []\n").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.File("self.yaml"), R"(survey: {id: s, title: S}
sections:
  - include: self.yaml
)")
                  .ok());
  ASSERT_TRUE(WriteFileAtomic(dir.File("main.yaml"), R"(survey: {id: m, title: M}
sections:
  - include: nowhere
  - include: broken.yaml
  - include: self-check-25
    sections: [basic, nothing]
  - include: self-check-25
    sections: [basic]
  - {include: self-check-25, colour: red}
)")
                  .ok());
  LoadResult r = LoadQuestionnaireFile(dir.File("main.yaml"));
  EXPECT_FALSE(r.ok());
  std::string all = All(r);
  std::string main = dir.File("main.yaml");
  EXPECT_NE(all.find(main + ":3:14: エラー: 調査票 \"nowhere\" が見つかりません"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(main + ":4:14: エラー: 取り込む調査票 " + dir.File("broken.yaml") +
                     " にエラーがあります"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(dir.File("broken.yaml") + ":2:11: エラー: sections が空です"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("取り込む調査票 self-check-25 にセクション「nothing」はありません"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("D01"), std::string::npos) << all;  // basic twice: its questions repeat
  EXPECT_NE(all.find("colour"), std::string::npos) << all;
  // A file that includes itself stops at the depth limit instead of looping.
  LoadResult cycle = LoadQuestionnaireFile(dir.File("self.yaml"));
  EXPECT_FALSE(cycle.ok());
  EXPECT_NE(All(cycle).find("include が深すぎます"), std::string::npos) << All(cycle);
}

}  // namespace
}  // namespace chosa
