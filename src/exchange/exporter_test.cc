#include "exchange/exporter.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "exchange/importer.h"
#include "exchange/test_questionnaire.h"
#include "support/temp_dir.h"

namespace chosa {
namespace {

using testing::ExchangeQuestionnaire;
using testing::kHeader;

class ExporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    qn_ = ExchangeQuestionnaire();
    storage_ = std::move(*OpenStorage(dir_.File("chosa.db")));
    ASSERT_TRUE(RegisterQuestionnaire(*storage_, qn_).ok());
    auto source = CsvTableFromText(std::string(kHeader) +
                                       "R1,極秘株式会社,1,,1,1,0,12,=HYPERLINK(\"x\")\n"
                                       "R2,,9,自社開発,,,,4,\"改行\nあり\"\n"
                                       "R3,,2,,,,,,①②\n",
                                   "in.csv");
    Result<ImportReport> r = ImportAnswers(*storage_, &vault_, qn_, *source, {});
    ASSERT_TRUE(r.ok());
    for (const RowIssue& i : r->issues) EXPECT_TRUE(i.warning) << i.ToString();
    ASSERT_TRUE(r->committed);
  }

  testing::TempDir dir_;
  Questionnaire qn_;
  std::unique_ptr<Storage> storage_;
  Vault vault_ = Vault::FromKey({7});
};

TEST_F(ExporterTest, WritesTheImportLayoutWithoutPersonalData) {
  SurveyCatalog catalog(*storage_);
  ExportOptions options;
  options.codebook_path = dir_.File("out.codebook.csv");
  Result<ExportReport> r = ExportAnswers(*storage_, catalog, qn_, dir_.File("out.csv"), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows, 3);
  std::string csv = *ReadFile(dir_.File("out.csv"));
  EXPECT_EQ(
      csv,
      "\xEF\xBB\xBF"
      "id,Q1,Q1_9_text,Q1a_1,Q1a_2,Q1a_9,Q2,Q3\r\n"
      "R1,1,,1,1,0,12,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
      "R2,9,自社開発,,,,4,改行 あり\r\n"  // a one-line text question: the break became a space
      "R3,2,,,,,,12\r\n");                // ①② normalised (NFKC)
  EXPECT_EQ(csv.find("極秘"), std::string::npos);
  std::string codebook = *ReadFile(options.codebook_path);
  EXPECT_NE(codebook.find("Q1a_9,Q1a,Q1a,\"複数回答(1=選択, 0=非選択)\",理由: 特にない"),
            std::string::npos)
      << codebook;
  EXPECT_NE(codebook.find("1=はい; 2=いいえ; 9=その他"), std::string::npos);
  EXPECT_NE(codebook.find("Q1 == 1"), std::string::npos);
  EXPECT_EQ(codebook.find("company"), std::string::npos);
}

TEST_F(ExporterTest, ExportThenImportGivesTheSameAnswers) {
  SurveyCatalog catalog(*storage_);
  ASSERT_TRUE(ExportAnswers(*storage_, catalog, qn_, dir_.File("out.csv"), {}).ok());
  std::unique_ptr<Storage> copy = std::move(*OpenStorage(dir_.File("copy.db")));
  ASSERT_TRUE(RegisterQuestionnaire(*copy, qn_).ok());
  Result<std::unique_ptr<TableSource>> source =
      OpenTableFile(dir_.File("out.csv"), Encoding::kAuto, "");
  ASSERT_TRUE(source.ok());
  Result<ImportReport> r = ImportAnswers(*copy, nullptr, qn_, **source, {});
  ASSERT_TRUE(r.ok() && r->committed)
      << (r.ok() && !r->issues.empty() ? r->issues[0].ToString() : "");
  auto answers_of = [&](Storage& s) {
    std::vector<std::string> out;
    EXPECT_TRUE(s.ScanResponses("ex", {}, [&](const ResponseRecord& rec) {
                   out.push_back(rec.respondent_key + ":" + rec.answers);
                   return Status::Ok();
                 }).ok());
    return out;
  };
  EXPECT_EQ(answers_of(*storage_), answers_of(*copy));
}

TEST_F(ExporterTest, Cp932ExportAndUnrepresentableText) {
  SurveyCatalog catalog(*storage_);
  ExportOptions options;
  options.encoding = Encoding::kCp932;
  ASSERT_TRUE(ExportAnswers(*storage_, catalog, qn_, dir_.File("sjis.csv"), options).ok());
  std::string bytes = *ReadFile(dir_.File("sjis.csv"));
  EXPECT_EQ(DetectEncoding(bytes), Encoding::kCp932);
  EXPECT_NE(DecodeToUtf8(bytes, Encoding::kCp932, "x")->find("自社開発"), std::string::npos);

  auto source = CsvTableFromText(std::string(kHeader) + "R9,,2,,,,,,絵文字😀\n", "e.csv");
  ASSERT_TRUE(ImportAnswers(*storage_, nullptr, qn_, *source, {})->committed);
  Result<ExportReport> r = ExportAnswers(*storage_, catalog, qn_, dir_.File("bad.csv"), options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("😀"), std::string::npos);
  EXPECT_FALSE(FileExists(dir_.File("bad.csv"))) << "no partial file";
}

}  // namespace
}  // namespace chosa
