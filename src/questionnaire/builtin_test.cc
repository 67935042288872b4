#include "questionnaire/builtin.h"

#include <gtest/gtest.h>

#include "questionnaire/answer.h"
#include "questionnaire/loader.h"

namespace chosa {
namespace {

Questionnaire LoadBuiltin(const std::string& name) {
  Result<std::string> path = ResolveQuestionnairePath(name);
  EXPECT_TRUE(path.ok()) << path.status().ToString();
  LoadResult loaded = LoadQuestionnaireFile(*path);
  for (const Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.ToString();
  EXPECT_TRUE(loaded.ok());
  return std::move(*loaded.questionnaire);
}

TEST(BuiltinTest, ListsShippedQuestionnaires) {
  std::vector<std::string> names = BuiltinQuestionnaireNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "ipa-it-vendor-role"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "osaka-supply-chain-2019"), names.end());
}

TEST(BuiltinTest, UnknownNameIsNotFound) {
  Result<std::string> path = ResolveQuestionnairePath("no-such-survey");
  EXPECT_EQ(path.status().code(), StatusCode::kNotFound);
  EXPECT_NE(path.status().message().find("ipa-it-vendor-role"), std::string::npos);
}

// Seed 000: 36 questions plus the five-field respondent block, faithful to the document.
TEST(BuiltinTest, ItVendorQuestionnaireMatchesSeed000) {
  Questionnaire qn = LoadBuiltin("ipa-it-vendor-role");
  EXPECT_EQ(qn.id, "ipa-it-vendor-role");
  ASSERT_EQ(qn.questions.size(), 36u + 5u);
  int personal = 0;
  for (const Question& q : qn.questions) personal += q.personal ? 1 : 0;
  EXPECT_EQ(personal, 5);
  // Option counts per question as printed in the seed (Q7 is the 47-prefecture list, Q35 text).
  const int kOptionCounts[36] = {14, 10, 8, 7, 11, 10, 47, 19, 20, 12, 10, 11, 8,  10, 9, 6,  4, 6,
                                 4,  6,  4, 9, 4,  9,  4,  6,  4,  8,  6,  9,  27, 13, 7, 21, 0, 8};
  for (int n = 1; n <= 36; ++n) {
    int index = qn.FindQuestion("Q" + std::to_string(n));
    ASSERT_GE(index, 0) << n;
    const Question& q = qn.questions[index];
    EXPECT_EQ(static_cast<int>(q.options.size()), kOptionCounts[n - 1]) << q.id;
    EXPECT_TRUE(q.required) << q.id;
    EXPECT_EQ(q.number, "問" + std::to_string(n));
  }
  EXPECT_EQ(qn.questions[qn.FindQuestion("Q7")].type, QuestionType::kPrefecture);
  EXPECT_EQ(qn.questions[qn.FindQuestion("Q35")].type, QuestionType::kTextArea);
  EXPECT_NE(qn.introduction.find("調査票に回答する前に必ずお読みください"), std::string::npos);
  EXPECT_NE(qn.introduction.find("資本金の額又は出資の総額が 3 億円以下"), std::string::npos);
}

TEST(BuiltinTest, ItVendorSkipRulesFollowTheSeedProse) {
  Questionnaire qn = LoadBuiltin("ipa-it-vendor-role");
  auto when = [&](const char* id) { return qn.questions[qn.FindQuestion(id)].when_source; };
  EXPECT_EQ(when("Q11"), "Q8 includes 1");
  EXPECT_EQ(when("Q14"), "Q13 in [1..7]");
  EXPECT_EQ(when("Q15"), "Q13 in [1..7]");
  EXPECT_EQ(when("Q16"), "Q15 includes 4");
  for (int n : {18, 20, 22, 24, 26}) {
    EXPECT_EQ(when(("Q" + std::to_string(n)).c_str()), "Q" + std::to_string(n - 1) + " in [1..3]");
  }
  EXPECT_EQ(when("Q28"), "Q27 includes any [1, 3]");
  EXPECT_EQ(when("Q29"), "Q27 includes any [1, 3]");
  EXPECT_EQ(when("Q30"), "Q27 includes any [2, 3]");
  int with_rules = 0;
  for (const Question& q : qn.questions) with_rules += q.when ? 1 : 0;
  EXPECT_EQ(with_rules, 12);
}

TEST(BuiltinTest, ItVendorExclusiveAndOtherOptions) {
  Questionnaire qn = LoadBuiltin("ipa-it-vendor-role");
  const Question& q9 = qn.questions[qn.FindQuestion("Q9")];
  EXPECT_TRUE(q9.FindOption(20)->exclusive);
  EXPECT_EQ(q9.FindOption(20)->label, "取組を実施していない");
  const Question& q16 = qn.questions[qn.FindQuestion("Q16")];
  EXPECT_TRUE(q16.FindOption(5)->other);
  EXPECT_TRUE(q16.FindOption(6)->exclusive);
  EXPECT_EQ(q16.FindOption(6)->label, "特に何も対応していない");
  const Question& q31 = qn.questions[qn.FindQuestion("Q31")];
  EXPECT_EQ(q31.FindOption(1)->group, "人的対策");
  EXPECT_EQ(q31.FindOption(13)->group, "組織的対策");
  EXPECT_TRUE(q31.FindOption(27)->exclusive);
  const Question& q1 = qn.questions[qn.FindQuestion("Q1")];
  EXPECT_TRUE(q1.FindOption(14)->other);
  EXPECT_NE(q1.note.find("受託開発ソフトウェア業：顧客の委託により"), std::string::npos);
}

}  // namespace
}  // namespace chosa
