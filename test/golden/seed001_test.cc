// Seed 001 acceptance: answers consistent with every published table, imported from CSV (once
// UTF-8, once CP932) into a real SQLite file, reproduce every published count and integer
// percent, row order and "その他" text, both from the database and straight from the file.
#include <gtest/gtest.h>

#include <filesystem>

#include "exchange/importer.h"
#include "golden/expected_tables.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"
#include "storage/survey_catalog.h"
#include "tabulation/dataset_builder.h"
#include "tabulation/simple_tally.h"

namespace chosa {
namespace {

const std::string kDir = std::string(CHOSA_SOURCE_DIR) + "/test/golden/seed001/";

class Seed001Test : public ::testing::TestWithParam<std::pair<const char*, Encoding>> {
 protected:
  void SetUp() override {
    Result<std::string> path = ResolveQuestionnairePath("osaka-supply-chain-2019");
    ASSERT_TRUE(path.ok());
    Result<Questionnaire> qn = LoadQuestionnaire(*path);
    ASSERT_TRUE(qn.ok()) << qn.status().ToString();
    qn_ = std::move(*qn);
    Result<std::vector<testing::ExpectedTable>> expected =
        testing::ReadExpectedTables(kDir + "expected.txt");
    ASSERT_TRUE(expected.ok()) << expected.status().ToString();
    expected_ = std::move(*expected);
    dir_ = std::filesystem::temp_directory_path() /
           ("chosa_seed001_" + std::to_string(::getpid()) + "_" + GetParam().first);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Questionnaire qn_;
  std::vector<testing::ExpectedTable> expected_;
  std::filesystem::path dir_;
};

TEST_P(Seed001Test, ImportedAnswersReproduceThePublishedTables) {
  const auto& [file, encoding] = GetParam();
  Result<std::unique_ptr<TableSource>> source = OpenTableFile(kDir + file, Encoding::kAuto, "");
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  EXPECT_EQ((*source)->encoding(), encoding) << "encoding detection";

  Result<std::unique_ptr<Storage>> storage = OpenStorage((dir_ / "chosa.db").string());
  ASSERT_TRUE(storage.ok()) << storage.status().ToString();
  ASSERT_TRUE(RegisterQuestionnaire(**storage, qn_).ok());
  Result<Vault> vault = Vault::OpenOrCreate((dir_ / "chosa.key").string());
  ASSERT_TRUE(vault.ok());
  Result<ImportReport> report = ImportAnswers(**storage, &*vault, qn_, **source, ImportOptions{});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const RowIssue& i : report->issues) {
    EXPECT_TRUE(i.warning) << i.ToString();
  }
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->rows_imported, 118);

  SurveyCatalog catalog(**storage);
  Dataset data(qn_);
  ASSERT_TRUE(LoadDatasetFromStorage(**storage, catalog, {}, &data).ok());
  ASSERT_EQ(data.size(), 118);
  TallyReport tally = SimpleTally(data);
  EXPECT_EQ(testing::CompareTables(expected_, tally), "");
}

TEST_P(Seed001Test, TalliesStraightFromTheFileMatchToo) {
  Result<std::unique_ptr<TableSource>> source =
      OpenTableFile(kDir + GetParam().first, Encoding::kAuto, "");
  ASSERT_TRUE(source.ok());
  Dataset data(qn_);
  Result<std::vector<RowIssue>> issues =
      LoadDatasetFromTable(**source, AnswerRowOptions{}, {}, &data);
  ASSERT_TRUE(issues.ok()) << issues.status().ToString();
  ASSERT_EQ(data.size(), 118);
  EXPECT_EQ(testing::CompareTables(expected_, SimpleTally(data)), "");
}

INSTANTIATE_TEST_SUITE_P(Encodings, Seed001Test,
                         ::testing::Values(std::make_pair("answers.csv", Encoding::kUtf8),
                                           std::make_pair("answers_cp932.csv", Encoding::kCp932)),
                         [](const auto& param_info) {
                           return param_info.param.second == Encoding::kUtf8 ? "Utf8" : "Cp932";
                         });

// The comparison itself must notice a wrong figure (guards against a vacuous pass).
TEST(ExpectedTablesTest, ReportsADifferentPercent) {
  std::vector<testing::ExpectedTable> expected(1);
  expected[0].question_id = "Q";
  expected[0].rows.push_back({"はい", "1", {"34"}, 3});
  TallyReport report;
  Table t;
  t.question_id = "Q";
  t.decimals = 0;
  t.bases.push_back(TallyBase{TableBase::kApplicable, 3, 3});
  t.rows.push_back(TableRow{RowKind::kOption, 1, "はい", false, 1, 1, {100.0 / 3}});
  report.tables.push_back(t);
  EXPECT_NE(testing::CompareTables(expected, report).find("% 33 != 34"), std::string::npos);
}

}  // namespace
}  // namespace chosa
