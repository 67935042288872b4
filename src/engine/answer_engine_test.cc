// Answer-engine rules on seed 000's IT-vendor questionnaire.
#include "engine/answer_engine.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>

#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa {
namespace {

class AnswerEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::string> path = ResolveQuestionnairePath("ipa-it-vendor-role");
    ASSERT_TRUE(path.ok());
    Result<Questionnaire> qn = LoadQuestionnaire(*path);
    ASSERT_TRUE(qn.ok()) << qn.status().ToString();
    qn_ = new Questionnaire(std::move(*qn));
  }
  static void TearDownTestSuite() {
    delete qn_;
    qn_ = nullptr;
  }

  // A complete, valid set of answers along the longest path (every follow-up asked).
  void SetUp() override {
    raw_.assign(qn_->questions.size(), RawAnswer{});
    for (const Question& q : qn_->questions) {
      if (q.personal) continue;
      switch (q.type) {
        case QuestionType::kSingle:
          Set(q.id, {"1"});
          break;
        case QuestionType::kMulti:
          Set(q.id, {"1", "3"});
          break;
        case QuestionType::kPrefecture:
          Set(q.id, {"27"});
          break;
        case QuestionType::kTextArea:
          Set(q.id, {"人材の育成"});
          break;
        default:
          break;
      }
    }
    Set("Q15", {"4"});  // so that Q16 applies
  }

  void Set(const std::string& id, std::vector<std::string> values) {
    int i = Index(id);
    raw_[i].values.clear();
    for (std::string& v : values) raw_[i].values.push_back(Keep(std::move(v)));
  }
  void Other(const std::string& id, int code, std::string text) {
    raw_[Index(id)].other_texts.emplace_back(code, Keep(std::move(text)));
  }
  std::string_view Keep(std::string s) {
    storage_.push_back(std::move(s));
    return storage_.back();
  }
  int Index(const std::string& id) const {
    int i = qn_->FindQuestion(id);
    EXPECT_GE(i, 0) << id;
    return i;
  }
  Evaluation Run(EngineOptions options = {}) { return EvaluateAnswers(*qn_, raw_, options); }
  AnswerState State(const Evaluation& e, const std::string& id) const {
    return e.answers[Index(id)].state;
  }
  static std::vector<std::string> Codes(const Evaluation& e) {
    std::vector<std::string> out;
    for (const Violation& v : e.violations) out.push_back(v.question_id + ":" + v.code);
    return out;
  }

  static Questionnaire* qn_;
  RawAnswers raw_;
  std::deque<std::string> storage_;
};

Questionnaire* AnswerEngineTest::qn_ = nullptr;

TEST_F(AnswerEngineTest, CompleteAnswersAreValid) {
  Evaluation e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  EXPECT_EQ(State(e, "Q16"), AnswerState::kAnswered);
  EXPECT_EQ(e.answers[Index("Q7")].codes, std::vector<int>{27});
  EXPECT_EQ(State(e, "company"), AnswerState::kNoAnswer);  // personal, not required
}

TEST_F(AnswerEngineTest, RarelyConsultedSkipsQ14ToQ16) {
  Set("Q13", {"8"});  // ほとんど相談を受けたことはない
  Set("Q14", {});
  Set("Q15", {});
  Set("Q16", {});
  Evaluation e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  for (const char* id : {"Q14", "Q15", "Q16"})
    EXPECT_EQ(State(e, id), AnswerState::kNotApplicable) << id;
  EXPECT_EQ(State(e, "Q17"), AnswerState::kAnswered);
}

TEST_F(AnswerEngineTest, Q16DependsOnQ15Option4) {
  Set("Q15", {"1", "2"});
  Set("Q16", {});
  Evaluation e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  EXPECT_EQ(State(e, "Q16"), AnswerState::kNotApplicable);
}

TEST_F(AnswerEngineTest, IncidentPathsOfQ27) {
  Set("Q27", {"4"});  // no incident: Q28-Q30 are skipped
  Set("Q28", {});
  Set("Q29", {});
  Set("Q30", {});
  Evaluation e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  for (const char* id : {"Q28", "Q29", "Q30"}) EXPECT_EQ(State(e, id), AnswerState::kNotApplicable);

  Set("Q27", {"2"});  // own fault only: Q30 asked, Q28/Q29 skipped
  Set("Q30", {"1"});
  e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  EXPECT_EQ(State(e, "Q28"), AnswerState::kNotApplicable);
  EXPECT_EQ(State(e, "Q30"), AnswerState::kAnswered);
}

TEST_F(AnswerEngineTest, AnsweringASkippedQuestionIsAnErrorInFilesAndDroppedOnTheWeb) {
  Set("Q13", {"8"});  // Q14 does not apply, but an answer is given
  Set("Q15", {});
  Set("Q16", {});
  Evaluation e = Run(EngineOptions{.incomplete_is_error = false, .drop_inapplicable = false});
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(Codes(e), std::vector<std::string>{"Q14:answered-but-not-applicable"});
  EXPECT_NE(e.violations[0].message.find("Q13 in [1..7]"), std::string::npos);
  e = Run(EngineOptions{.incomplete_is_error = true, .drop_inapplicable = true});
  EXPECT_TRUE(e.ok());
  EXPECT_EQ(State(e, "Q14"), AnswerState::kNotApplicable);
  EXPECT_TRUE(e.answers[Index("Q14")].codes.empty());
}

TEST_F(AnswerEngineTest, ExclusiveOptionStandsAlone) {
  Set("Q9", {"3", "20"});  // 取組を実施していない + another
  Evaluation e = Run();
  EXPECT_EQ(Codes(e), std::vector<std::string>{"Q9:exclusive-conflict"});
  EXPECT_NE(e.violations[0].message.find("取組を実施していない"), std::string::npos);
  Set("Q9", {"20"});
  EXPECT_TRUE(Run().ok());
}

TEST_F(AnswerEngineTest, OtherOptionNeedsItsTextAndTextNeedsItsOption) {
  Set("Q1", {"14"});
  Evaluation e = Run();
  EXPECT_EQ(Codes(e), std::vector<std::string>{"Q1:other-text-required"});
  EXPECT_FALSE(e.violations[0].warning);
  e = Run(EngineOptions{.incomplete_is_error = false});
  EXPECT_TRUE(e.ok());  // files: a warning
  EXPECT_TRUE(e.violations[0].warning);

  Other("Q1", 14, "　ＩｏＴ機器の保守　");
  e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  EXPECT_EQ(*e.answers[Index("Q1")].OtherText(14), "IoT機器の保守");  // NFKC and trimmed

  Set("Q8", {"1", "2"});
  Other("Q8", 19, "独自サービス");  // text typed without choosing その他
  e = Run();
  EXPECT_EQ(Codes(e), std::vector<std::string>{"Q8:other-text-without-option"});
}

TEST_F(AnswerEngineTest, RequiredQuestionsAreErrorsOnTheWebAndWarningsInFiles) {
  Set("Q3", {});
  Evaluation e = Run();
  EXPECT_EQ(Codes(e), std::vector<std::string>{"Q3:required"});
  EXPECT_EQ(e.violations[0].message, "回答してください（必須）");
  EXPECT_EQ(State(e, "Q3"), AnswerState::kNoAnswer);
  EXPECT_TRUE(Run(EngineOptions{.incomplete_is_error = false}).ok());
}

TEST_F(AnswerEngineTest, FullWidthDigitsAndPrefectureNames) {
  Set("Q13", {"８"});
  Set("Q14", {});
  Set("Q15", {});
  Set("Q16", {});
  Set("Q3", {"　５ "});
  Set("Q7", {"東京都"});
  Set("Q8", {"１", "１３"});
  Evaluation e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  EXPECT_EQ(e.answers[Index("Q3")].codes, std::vector<int>{5});
  EXPECT_EQ(e.answers[Index("Q7")].codes, std::vector<int>{13});
  EXPECT_EQ(e.answers[Index("Q8")].codes, (std::vector<int>{1, 13}));
  EXPECT_EQ(State(e, "Q14"), AnswerState::kNotApplicable);
}

TEST_F(AnswerEngineTest, InvalidValues) {
  Set("Q3", {"9"});
  Set("Q4", {"1", "2"});
  Set("Q7", {"東京市"});
  Evaluation e = Run();
  // A malformed value is reported once; "required" would only repeat it.
  EXPECT_EQ(Codes(e),
            (std::vector<std::string>{"Q3:invalid-code", "Q4:too-many-values", "Q7:invalid-code"}));
  EXPECT_FALSE(e.ok());
}

TEST_F(AnswerEngineTest, PersonalFieldsAreValidated) {
  Set("email", {"taro＠example.jp"});  // full-width @ becomes @
  Set("phone", {"０３－１２３４－５６７８"});
  Evaluation e = Run();
  EXPECT_TRUE(e.ok()) << ::testing::PrintToString(Codes(e));
  EXPECT_EQ(e.answers[Index("email")].text, "taro@example.jp");
  Set("email", {"taro"});
  EXPECT_EQ(Codes(Run()), std::vector<std::string>{"email:bad-format"});
}

TEST_F(AnswerEngineTest, FreeTextLengthIsLimited) {
  std::string long_text;
  for (int i = 0; i < 4001; ++i) long_text += "あ";
  Set("Q35", {long_text});
  Evaluation e = Run();
  EXPECT_EQ(Codes(e), std::vector<std::string>{"Q35:too-long"});
  EXPECT_NE(e.violations[0].message.find("4000文字以内"), std::string::npos);
}

}  // namespace
}  // namespace chosa
