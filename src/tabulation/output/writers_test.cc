#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "exchange/xlsx_reader.h"
#include "support/temp_dir.h"
#include "tabulation/output/csv_writer.h"
#include "tabulation/output/json_writer.h"
#include "tabulation/output/long_writer.h"
#include "tabulation/output/text_writer.h"
#include "tabulation/output/xlsx_writer.h"
#include "tabulation/simple_tally.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

using testing::Respondent;

TallyReport Sample() {
  static Questionnaire qn = testing::TallyQuestionnaire();
  Dataset data(qn);
  Answers a = Respondent(1, {2, 8}, 3, {1, 2}, "<script>alert(1)</script>");
  a[1].other_texts = {{8, "=cmd()"}};
  data.Add(a);
  data.Add(Respondent(2, {}));
  return SimpleTally(data);
}

TEST(WritersTest, JsonFollowsTheDocumentedSchema) {
  nlohmann::json j = nlohmann::json::parse(RenderTallyJson(Sample()));
  EXPECT_EQ(j["format"], "chosa-tally/1");
  EXPECT_EQ(j["survey"]["id"], "tally");
  EXPECT_EQ(j["respondents"], 2);
  const auto& q2 = j["tables"][1];
  EXPECT_EQ(q2["question"], "Q2");
  EXPECT_EQ(q2["type"], "multi");
  EXPECT_EQ(q2["bases"][0]["kind"], "applicable");
  EXPECT_EQ(q2["bases"][0]["n"], 1);
  EXPECT_EQ(q2["counts"]["not_applicable"], 1);
  EXPECT_EQ(q2["rows"][1]["label"], "Web");
  EXPECT_EQ(q2["rows"][1]["n"], 1);
  EXPECT_DOUBLE_EQ(q2["rows"][1]["percent"][0].get<double>(), 100.0);
  EXPECT_EQ(q2["rows"][1]["display"][0], "100.0");
  EXPECT_EQ(q2["texts"][0]["text"], "=cmd()");
}

TEST(WritersTest, CsvHasBomAndGuardsFormulas) {
  std::string csv = RenderTallyCsv(Sample());
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFquestion,number,title,type,base,base_n,row_kind"));
  EXPECT_NE(csv.find("Q2,Q2,利用サービス,multi,applicable,1,option,2,Web,1,1,100,100.0\r\n"),
            std::string::npos)
      << csv;
}

TEST(WritersTest, LongFormatMatchesTheBenchmarkWorkload) {
  std::string out = RenderTallyLong(Sample());
  EXPECT_TRUE(out.starts_with("section,var,by,row,col,stat,value\n"));
  EXPECT_NE(out.find("gt_sa,Q1,,1,,n,1\n"), std::string::npos);
  EXPECT_NE(out.find("gt_sa,Q1,,1,,pct,50\n"), std::string::npos);
  EXPECT_NE(out.find("gt_sa,Q1,,base,,n,2\n"), std::string::npos);
  EXPECT_NE(out.find("gt_ma,Q2,,8,,pct_resp,50\n"), std::string::npos);
  EXPECT_NE(out.find("gt_ma,Q2,,mentions,,n,2\n"), std::string::npos);
  EXPECT_NE(out.find("gt_ma,Q2,,NA,,n,1\n"), std::string::npos)
      << "not applicable counts as not answering";
  EXPECT_EQ(out.find("gtw_sa"), std::string::npos) << "no weights, no weighted section";
}

TEST(WritersTest, TextAlignsJapaneseLabels) {
  std::string text = RenderTallyText(Sample());
  EXPECT_NE(text.find("■ 性別［単一回答］ 該当者 n=2"), std::string::npos) << text;
  EXPECT_NE(text.find("    男性       1    50.0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    合計       2     100\n"), std::string::npos) << text;
}

TEST(WritersTest, XlsxIsAWorkbookWithTheTables) {
  testing::TempDir dir;
  std::string path = dir.File("gt.xlsx");
  ASSERT_TRUE(WriteTallyXlsx(Sample(), path).ok());
  Result<Sheet> sheet = ReadXlsxSheet(*ReadFile(path), "単純集計", "gt.xlsx");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  bool found = false;
  for (const SheetRow& row : sheet->rows) {
    if (row.cells.size() >= 3 && row.cells[0] == "男性") {
      EXPECT_EQ(row.cells[1], "1");
      EXPECT_EQ(row.cells[2], "50");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_FALSE(FileExists(path + ".partial"));
}

}  // namespace
}  // namespace chosa
