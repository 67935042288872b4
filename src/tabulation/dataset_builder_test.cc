#include "tabulation/dataset_builder.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "storage/answer_codec.h"
#include "storage/survey_catalog.h"
#include "support/temp_dir.h"
#include "tabulation/column_cache.h"
#include "tabulation/tally_fixture.h"

namespace chosa {
namespace {

// Enough respondents to cross the loader's batches (32,768 records each).
constexpr int kRespondents = 40000;

Answers Person(int i) {
  Answers a = testing::Respondent(1 + i % 2, {1 + i % 2}, 1 + i % 5, {1 + i % 2, 2},
                                  i % 997 == 0 ? "意見 " + std::to_string(i) : "");
  return a;
}

void ExpectSameColumns(const Dataset& a, const Dataset& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t q = 0; q < a.questionnaire().questions.size(); ++q) {
    EXPECT_EQ(a.column(q).states, b.column(q).states) << q;
    EXPECT_EQ(a.column(q).codes, b.column(q).codes) << q;
    EXPECT_EQ(a.column(q).bits, b.column(q).bits) << q;
    EXPECT_EQ(a.column(q).numbers, b.column(q).numbers) << q;
    EXPECT_EQ(a.column(q).texts, b.column(q).texts) << q;
  }
  EXPECT_EQ(a.weights(), b.weights());
  EXPECT_EQ(a.weighted(), b.weighted());
}

class LoadFromStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    qn_ = testing::TallyQuestionnaire();
    Result<std::unique_ptr<Storage>> s = OpenStorage(dir_.File("chosa.db"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    storage_ = std::move(*s);
    ASSERT_TRUE(RegisterQuestionnaire(*storage_, qn_).ok());
  }
  void Insert(int from, int to, bool empty_weight_at_end = false) {
    Result<std::unique_ptr<Transaction>> tx = storage_->Begin();
    ASSERT_TRUE(tx.ok());
    for (int i = from; i < to; ++i) {
      ResponseRecord r;
      r.survey_id = qn_.id;
      r.survey_version = qn_.version;
      r.respondent_key = "r" + std::to_string(i);
      Answers a = Person(i);
      if (empty_weight_at_end && i == to - 1) a[2] = Answer{};
      r.answers = EncodeAnswers(qn_, a, AnswerPart::kSurvey);
      ASSERT_TRUE((*tx)->InsertResponse(r).ok());
    }
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  testing::TempDir dir_;
  Questionnaire qn_;
  std::unique_ptr<Storage> storage_;
};

TEST_F(LoadFromStorageTest, BatchesDecodedInParallelKeepTheScanOrder) {
  Insert(0, kRespondents);
  SurveyCatalog catalog(*storage_);
  Dataset loaded(qn_), expected(qn_);
  DatasetOptions options;
  options.weight_question = "Q3";
  ASSERT_TRUE(LoadDatasetFromStorage(*storage_, catalog, options, &loaded).ok());
  for (int i = 0; i < kRespondents; ++i) expected.Add(Person(i), 1 + i % 5);
  ASSERT_EQ(loaded.size(), kRespondents);
  ExpectSameColumns(loaded, expected);
  EXPECT_TRUE(loaded.weighted());
  ASSERT_EQ(loaded.column(4).texts.size(), 41u);
  EXPECT_EQ(loaded.column(4).texts.back().first, 39880);  // the respondent's position
}

TEST_F(LoadFromStorageTest, AnEmptyWeightInALaterBatchNamesTheRespondent) {
  Insert(0, 33000, /*empty_weight_at_end=*/true);
  SurveyCatalog catalog(*storage_);
  Dataset loaded(qn_);
  DatasetOptions options;
  options.weight_question = "Q3";
  Status s = LoadDatasetFromStorage(*storage_, catalog, options, &loaded);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("回答者 r32999 のウェイト (Q3) が空です"), std::string::npos)
      << s.ToString();
}


// Runs SQL on the database behind the storage's back (as another program could).
void Sql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_F(LoadFromStorageTest, ASnapshotIsReadWhileTheResponsesAreUnchanged) {
  Insert(0, 1000);
  SurveyCatalog catalog(*storage_);
  DatasetOptions options;
  options.weight_question = "Q3";
  options.use_snapshot = true;
  Dataset first(qn_);
  ASSERT_TRUE(LoadDatasetFromStorage(*storage_, catalog, options, &first).ok());
  std::string snapshot = dir_.File("chosa.db.cache/" + qn_.id + "-v1-w-Q3.columns");
  ASSERT_TRUE(std::filesystem::exists(snapshot));
  EXPECT_EQ(std::filesystem::status(snapshot).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  // With the trigger that marks changes removed, damage every stored record: a load from the
  // records now fails, so a load that succeeds with the old answers read the snapshot.
  Sql(dir_.File("chosa.db"),
      "DROP TRIGGER responses_revise_on_update; UPDATE responses SET answers = x'ff'");
  Dataset again(qn_);
  ASSERT_TRUE(LoadDatasetFromStorage(*storage_, catalog, options, &again).ok());
  ExpectSameColumns(first, again);
  DatasetOptions no_snapshot = options;
  no_snapshot.use_snapshot = false;
  Dataset records(qn_);
  EXPECT_FALSE(LoadDatasetFromStorage(*storage_, catalog, no_snapshot, &records).ok());
}

TEST_F(LoadFromStorageTest, AnyWriteOrADamagedSnapshotMeansReadingTheRecords) {
  Insert(0, 500);
  SurveyCatalog catalog(*storage_);
  DatasetOptions options;
  options.use_snapshot = true;
  Dataset first(qn_);
  ASSERT_TRUE(LoadDatasetFromStorage(*storage_, catalog, options, &first).ok());
  Result<int64_t> before = storage_->ResponsesRevision(qn_.id);
  Insert(500, 501);  // a new response changes the survey's revision
  EXPECT_NE(*storage_->ResponsesRevision(qn_.id), *before);
  Dataset second(qn_);
  ASSERT_TRUE(LoadDatasetFromStorage(*storage_, catalog, options, &second).ok());
  EXPECT_EQ(second.size(), 501);

  std::string snapshot = dir_.File("chosa.db.cache/" + qn_.id + "-v1.columns");
  std::filesystem::resize_file(snapshot, std::filesystem::file_size(snapshot) / 2);
  Dataset damaged(qn_);
  ASSERT_TRUE(LoadDatasetFromStorage(*storage_, catalog, options, &damaged).ok());
  ExpectSameColumns(second, damaged);
  // A snapshot is used only under its own key.
  Dataset other(qn_);
  EXPECT_FALSE(LoadColumnSnapshot(snapshot, "another key", &other));
  EXPECT_EQ(other.size(), 0);
}

TEST(DatasetAppendTest, AppendKeepsRowsWeightsAndTextPositions) {
  Questionnaire qn = testing::TallyQuestionnaire();
  Dataset a(qn), b(qn);
  a.Add(testing::Respondent(1, {1}, 3, {1, 1}, "一"));
  b.Add(testing::Respondent(2, {}, 4, {}, ""), 2.0);
  b.Add(testing::Respondent(1, {9}, 5, {2, 2}, "三"));
  a.Append(b);
  EXPECT_EQ(a.size(), 3);
  EXPECT_TRUE(a.weighted());
  EXPECT_EQ(a.weights(), (std::vector<double>{1, 2, 1}));
  EXPECT_EQ(a.column(0).codes, (std::vector<int16_t>{1, 2, 1}));
  EXPECT_EQ(a.column(3).codes, (std::vector<int16_t>{1, 1, 0, 0, 2, 2}));
  ASSERT_EQ(a.column(4).texts.size(), 2u);
  EXPECT_EQ(a.column(4).texts[1].first, 2);
  EXPECT_EQ(a.column(4).texts[1].second.second, "三");
}

}  // namespace
}  // namespace chosa
