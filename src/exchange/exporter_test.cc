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

// Exports in `file_name`'s format, imports the file into a fresh database, and compares.
class RoundTripTest : public ExporterTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(RoundTripTest, ExportThenImportGivesTheSameAnswers) {
  SurveyCatalog catalog(*storage_);
  std::string file = dir_.File(GetParam());
  Result<ExportReport> exported = ExportAnswers(*storage_, catalog, qn_, file, {});
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_EQ(exported->rows, 3);
  std::unique_ptr<Storage> copy = std::move(*OpenStorage(dir_.File("copy.db")));
  ASSERT_TRUE(RegisterQuestionnaire(*copy, qn_).ok());
  Result<std::unique_ptr<TableSource>> source = OpenTableFile(file, Encoding::kAuto, "回答");
  ASSERT_TRUE(source.ok()) << source.status().ToString();
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

INSTANTIATE_TEST_SUITE_P(Formats, RoundTripTest, ::testing::Values("out.csv", "out.xlsx"));

TEST_F(ExporterTest, XlsxHasTheCodebookAndNoPersonalData) {
  SurveyCatalog catalog(*storage_);
  ASSERT_TRUE(ExportAnswers(*storage_, catalog, qn_, dir_.File("out.xlsx"), {}).ok());
  Result<std::unique_ptr<TableSource>> codebook =
      OpenTableFile(dir_.File("out.xlsx"), Encoding::kAuto, "コードブック");
  ASSERT_TRUE(codebook.ok()) << codebook.status().ToString();
  std::vector<std::string> names;
  std::vector<std::string_view> fields;
  while (true) {
    Result<bool> more = (*codebook)->Next(&fields);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    names.push_back(std::string(fields.at(0)));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"列名", "id", "Q1", "Q1_9_text", "Q1a_1", "Q1a_2",
                                             "Q1a_9", "Q2", "Q3"}));
  // The formula-looking text is a string cell, not a formula and not prefixed.
  Result<std::unique_ptr<TableSource>> sheet =
      OpenTableFile(dir_.File("out.xlsx"), Encoding::kAuto, "回答");
  ASSERT_TRUE((*sheet)->Next(&fields).ok());  // header
  ASSERT_TRUE((*sheet)->Next(&fields).ok());
  EXPECT_EQ(fields.back(), "=HYPERLINK(\"x\")");
  EXPECT_FALSE(FileExists(dir_.File("out.xlsx.partial")));
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
