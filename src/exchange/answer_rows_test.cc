#include "exchange/answer_rows.h"

#include <gtest/gtest.h>

#include "exchange/test_questionnaire.h"

namespace chosa {
namespace {

using testing::ExchangeQuestionnaire;
using testing::kHeader;

struct Read {
  Result<AnswerRowReader> reader = Status::Internal("unset");
  std::vector<RowIssue> warnings;
};

TEST(AnswerRowsTest, DecodesTheWideLayout) {
  Questionnaire qn = ExchangeQuestionnaire();
  auto source =
      CsvTableFromText(std::string(kHeader) + "R1,株式会社A,1,,1,0,0,\"1,200人\",'=1+1\n", "a.csv");
  std::vector<RowIssue> warnings;
  Result<AnswerRowReader> reader = AnswerRowReader::Open(qn, *source, {}, &warnings);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_TRUE(warnings.empty());
  AnswerRow row;
  ASSERT_TRUE(*reader->Next(&row));
  EXPECT_TRUE(row.ok()) << (row.issues.empty() ? "" : row.issues[0].ToString());
  EXPECT_EQ(row.respondent_key, "R1");
  const Answers& a = row.evaluation.answers;
  EXPECT_EQ(a[0].text, "株式会社A");
  EXPECT_EQ(a[1].codes, std::vector<int>{1});
  EXPECT_EQ(a[2].codes, std::vector<int>{1});
  EXPECT_EQ(a[3].number, 1200);
  EXPECT_EQ(a[4].text, "=1+1") << "the export's formula guard is undone";
  EXPECT_FALSE(*reader->Next(&row));
}

TEST(AnswerRowsTest, HeaderProblemsAreListedTogether) {
  Questionnaire qn = ExchangeQuestionnaire();
  auto source = CsvTableFromText("ID,Q1,Q1,Q99,Q1a_7\n", "h.csv");
  std::vector<RowIssue> warnings;
  Result<AnswerRowReader> reader = AnswerRowReader::Open(qn, *source, {}, &warnings);
  ASSERT_FALSE(reader.ok());
  const std::string& m = reader.status().message();
  EXPECT_NE(m.find("h.csv 1行目"), std::string::npos) << m;
  EXPECT_NE(m.find("回答者ID の列 \"id\" がありません"), std::string::npos) << m;
  EXPECT_NE(m.find("見出しが重複しています: Q1"), std::string::npos) << m;
  EXPECT_NE(m.find("にない列があります: ID Q99 Q1a_7"), std::string::npos) << m;
}

TEST(AnswerRowsTest, MissingQuestionColumnsAreWarnings) {
  Questionnaire qn = ExchangeQuestionnaire();
  auto source = CsvTableFromText("id,Q1\nR1,2\n", "m.csv");
  std::vector<RowIssue> warnings;
  ASSERT_TRUE(AnswerRowReader::Open(qn, *source, {}, &warnings).ok());
  ASSERT_EQ(warnings.size(), 3u);  // Q1a, Q2, Q3; never the personal block
  EXPECT_TRUE(warnings[0].warning);
  EXPECT_EQ(warnings[0].question_id, "Q1a");
}

TEST(AnswerRowsTest, CellProblemsNameRowColumnAndQuestion) {
  Questionnaire qn = ExchangeQuestionnaire();
  auto source =
      CsvTableFromText(std::string(kHeader) +
                           "R1,,1,,2,0,0,,\n"     // 2 in a 0/1 column
                           ",,4,,,,,x,,extra\n",  // no id, bad code, not a number, extra cell
                       "c.csv");
  std::vector<RowIssue> warnings;
  Result<AnswerRowReader> reader = AnswerRowReader::Open(qn, *source, {}, &warnings);
  ASSERT_TRUE(reader.ok());
  AnswerRow row;
  ASSERT_TRUE(*reader->Next(&row));
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.issues[0].ToString(),
            "c.csv 2行目 5列目（Q1a_1）: エラー: 問 Q1a: 0 か 1 を入れてください（\"2\"） "
            "[not-dichotomy]");
  ASSERT_TRUE(*reader->Next(&row));
  std::vector<std::string> codes;
  for (const RowIssue& i : row.issues) codes.push_back(i.code + "@" + std::to_string(i.column));
  EXPECT_EQ(codes, (std::vector<std::string>{"extra-cell@9", "missing-id@-1", "invalid-code@2",
                                             "not-a-number@7"}));
  EXPECT_EQ(row.issues[0].where, "c.csv 3行目 10列目");
}

TEST(AnswerRowsTest, EmptyRowsAreSkipped) {
  Questionnaire qn = ExchangeQuestionnaire();
  auto source = CsvTableFromText(std::string(kHeader) + ",,,,,,,,\n\nR2,,2,,,,,,\n", "e.csv");
  std::vector<RowIssue> warnings;
  Result<AnswerRowReader> reader = AnswerRowReader::Open(qn, *source, {}, &warnings);
  AnswerRow row;
  ASSERT_TRUE(*reader->Next(&row));
  EXPECT_EQ(row.respondent_key, "R2");
  EXPECT_EQ(row.row, 4);
}

}  // namespace
}  // namespace chosa
