#include "exchange/importer.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "exchange/test_questionnaire.h"
#include "storage/answer_codec.h"
#include "storage/survey_catalog.h"
#include "support/temp_dir.h"

namespace chosa {
namespace {

using testing::ExchangeQuestionnaire;
using testing::kHeader;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    qn_ = ExchangeQuestionnaire();
    Result<std::unique_ptr<Storage>> s = OpenStorage(dir_.File("chosa.db"));
    ASSERT_TRUE(s.ok());
    storage_ = std::move(*s);
    ASSERT_TRUE(RegisterQuestionnaire(*storage_, qn_).ok());
  }

  ImportReport Import(const std::string& body, ImportOptions options = {}) {
    auto source = CsvTableFromText(std::string(kHeader) + body, "in.csv");
    Result<ImportReport> r = ImportAnswers(*storage_, &vault_, qn_, *source, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ImportReport{};
  }
  int64_t Count() { return *storage_->CountResponses("ex", std::nullopt); }

  testing::TempDir dir_;
  Questionnaire qn_;
  std::unique_ptr<Storage> storage_;
  Vault vault_ = Vault::FromKey({7});
};

TEST_F(ImporterTest, ValidRowsGoIn) {
  ImportReport r = Import("R1,A社,1,,1,1,0,10,\nR2,,2,,,,,,\n");
  EXPECT_TRUE(r.committed);
  EXPECT_EQ(r.rows_imported, 2);
  EXPECT_EQ(r.ErrorCount(), 0);
  EXPECT_EQ(Count(), 2);
}

TEST_F(ImporterTest, OneBadRowAndNothingIsWritten) {
  ImportReport r = Import("R1,,1,,1,0,0,,\nR2,,1,,0,0,0,-5,\nR3,,2,,,,,,\n");
  EXPECT_FALSE(r.committed);
  EXPECT_EQ(r.rows_rejected, 1);
  EXPECT_EQ(r.rows_imported, 0);
  ASSERT_EQ(r.ErrorCount(), 1);
  EXPECT_EQ(r.issues[0].code, "out-of-range");
  EXPECT_EQ(r.issues[0].where, "in.csv 3行目 8列目");
  EXPECT_EQ(Count(), 0);
}

TEST_F(ImporterTest, SkipInvalidWritesRejectsWithReasons) {
  ImportOptions options;
  options.skip_invalid = true;
  options.rejects_path = dir_.File("rejects.csv");
  ImportReport r = Import("R1,,1,,1,0,0,,\nR2,,2,,1,0,0,,=cmd()\nR3,,9,,,,,,\n", options);
  EXPECT_TRUE(r.committed);
  EXPECT_EQ(r.rows_imported, 2);
  EXPECT_EQ(r.rows_rejected, 1);
  EXPECT_EQ(Count(), 2);
  std::string rejects = *ReadFile(options.rejects_path);
  EXPECT_TRUE(
      rejects.starts_with("\xEF\xBB\xBF"
                          "id,company,Q1"));
  EXPECT_NE(rejects.find("エラー内容"), std::string::npos);
  EXPECT_NE(rejects.find("R2"), std::string::npos);
  EXPECT_NE(rejects.find("'=cmd()"), std::string::npos) << "rejected cells are formula-guarded";
  EXPECT_NE(rejects.find("回答の条件（Q1 == 1）"), std::string::npos) << rejects;
  EXPECT_EQ(rejects.find("R3"), std::string::npos) << "R3 has only a warning (その他 without text)";
}

TEST_F(ImporterTest, DuplicateIdsInTheFileOrAlreadyStored) {
  ImportReport r = Import("R1,,2,,,,,,\nR1,,2,,,,,,\n");
  EXPECT_FALSE(r.committed);
  EXPECT_EQ(r.issues.back().code, "duplicate-id");
  EXPECT_NE(r.issues.back().message.find("2行目と同じ"), std::string::npos);

  ASSERT_TRUE(Import("R1,,2,,,,,5,\n").committed);
  r = Import("R1,,1,,1,0,0,7,\n");
  EXPECT_FALSE(r.committed);
  EXPECT_EQ(r.issues.back().code, "already-imported");

  ImportOptions replace;
  replace.replace = true;
  r = Import("R1,,1,,1,0,0,7,\n", replace);
  EXPECT_TRUE(r.committed);
  EXPECT_EQ(r.rows_replaced, 1);
  EXPECT_EQ(Count(), 1);
  SurveyCatalog catalog(*storage_);
  Answers answers;
  ASSERT_TRUE(storage_
                  ->ScanResponses(
                      "ex", {},
                      [&](const ResponseRecord& rec) { return catalog.Decode(rec, qn_, &answers); })
                  .ok());
  EXPECT_EQ(answers[3].number, 7);
}

TEST_F(ImporterTest, PersonalDataIsSealedApartFromAnswers) {
  ASSERT_TRUE(Import("R1,秘密商事株式会社,2,,,,,,\n").committed);
  ResponseRecord stored;
  ASSERT_TRUE(storage_
                  ->ScanResponses("ex", {.with_personal = true},
                                  [&](const ResponseRecord& r) {
                                    stored = r;
                                    return Status::Ok();
                                  })
                  .ok());
  EXPECT_EQ(stored.answers.find("秘密"), std::string::npos);
  EXPECT_EQ(stored.personal.find("秘密"), std::string::npos);
  EXPECT_EQ(stored.key_id, vault_.key_id());
  Result<std::string> plain = vault_.Unseal(stored.personal, PersonalDataBinding("ex", "R1"));
  ASSERT_TRUE(plain.ok());
  Answers answers;
  ASSERT_TRUE(DecodeAnswers(qn_, *plain, AnswerPart::kPersonal, &answers).ok());
  EXPECT_EQ(answers[0].text, "秘密商事株式会社");
  // Nowhere in the database file in clear.
  storage_.reset();
  std::string db = *ReadFile(dir_.File("chosa.db"));
  Result<std::string> wal = ReadFile(dir_.File("chosa.db-wal"));  // gone after the last close
  if (wal.ok()) db += *wal;
  EXPECT_EQ(db.find("秘密商事"), std::string::npos);
}

TEST_F(ImporterTest, PersonalAnswersWithoutAKeyAreRefused) {
  auto source = CsvTableFromText(std::string(kHeader) + "R1,A社,2,,,,,,\n", "in.csv");
  Result<ImportReport> r = ImportAnswers(*storage_, nullptr, qn_, *source, {});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->committed);
  EXPECT_EQ(r->issues.back().code, "no-key");
}

// A storage whose transactions fail on the Nth insert (fault injection around real SQLite).
class FailingStorage final : public Storage {
 public:
  FailingStorage(Storage& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  Status PutSurvey(const SurveyVersion& s) override { return inner_.PutSurvey(s); }
  Result<SurveyVersion> GetSurvey(std::string_view id, int v) override {
    return inner_.GetSurvey(id, v);
  }
  Result<std::vector<SurveyVersion>> ListSurveys() override { return inner_.ListSurveys(); }
  Status ScanResponses(std::string_view id, const ScanOptions& o,
                       const std::function<Status(const ResponseRecord&)>& f) override {
    return inner_.ScanResponses(id, o, f);
  }
  Result<std::unordered_set<std::string>> RespondentKeys(std::string_view id) override {
    return inner_.RespondentKeys(id);
  }
  Result<int64_t> CountResponses(std::string_view id, std::optional<ResponseStatus> s) override {
    return inner_.CountResponses(id, s);
  }
  Result<int64_t> ResponsesRevision(std::string_view id) override {
    return inner_.ResponsesRevision(id);
  }
  std::string CacheDirectory() const override { return inner_.CacheDirectory(); }
  Status LinkResultCode(const ResultCodeRecord& c, std::string_view key) override {
    return inner_.LinkResultCode(c, key);
  }
  Result<std::optional<ResultCodeRecord>> ResultCodeOf(std::string_view id,
                                                       std::string_view key) override {
    return inner_.ResultCodeOf(id, key);
  }
  Result<std::optional<ResultCodeRecord>> FindResultCode(std::string_view hash) override {
    return inner_.FindResultCode(hash);
  }
  Result<std::vector<std::string>> ResultCodeResponses(std::string_view hash) override {
    return inner_.ResultCodeResponses(hash);
  }
  Status PutVendorCustomer(const ResultCodeRecord& c, VendorCustomerRecord* v) override {
    return inner_.PutVendorCustomer(c, v);
  }
  Result<std::vector<VendorCustomerRecord>> ListVendorCustomers(std::string_view v) override {
    return inner_.ListVendorCustomers(v);
  }
  Result<std::optional<VendorCustomerRecord>> GetVendorCustomer(std::string_view v,
                                                                int64_t id) override {
    return inner_.GetVendorCustomer(v, id);
  }
  Status UpdateVendorCustomerIdentity(std::string_view v, int64_t id, std::string_view sealed,
                                      std::string_view key) override {
    return inner_.UpdateVendorCustomerIdentity(v, id, sealed, key);
  }
  Status DeleteVendorCustomer(std::string_view v, int64_t id) override {
    return inner_.DeleteVendorCustomer(v, id);
  }
  Result<std::optional<VendorCustomerRecord>> FindVendorCustomerByLink(
      std::string_view h) override {
    return inner_.FindVendorCustomerByLink(h);
  }
  Result<std::vector<VendorCustomerCode>> VendorCustomerCodes(std::string_view id) override {
    return inner_.VendorCustomerCodes(id);
  }
  Status Backup(const std::string& p) override { return inner_.Backup(p); }
  Result<std::optional<ResponseRecord>> GetResponse(std::string_view id, std::string_view key,
                                                    bool personal) override {
    return inner_.GetResponse(id, key, personal);
  }
  Status PutSession(const SessionRecord& s) override { return inner_.PutSession(s); }
  Result<std::optional<SessionRecord>> GetSession(std::string_view h, int64_t now) override {
    return inner_.GetSession(h, now);
  }
  Status DeleteSession(std::string_view h) override { return inner_.DeleteSession(h); }
  Status PutInvitations(std::vector<InvitationRecord>* v) override {
    return inner_.PutInvitations(v);
  }
  Result<std::optional<InvitationRecord>> FindInvitation(std::string_view h) override {
    return inner_.FindInvitation(h);
  }
  Result<std::vector<InvitationRecord>> ListInvitations(std::string_view id) override {
    return inner_.ListInvitations(id);
  }
  Status PutUser(const UserRecord& u) override { return inner_.PutUser(u); }
  Result<std::optional<UserRecord>> GetUser(std::string_view n) override {
    return inner_.GetUser(n);
  }
  Result<std::vector<UserRecord>> ListUsers() override { return inner_.ListUsers(); }
  Status DeleteUser(std::string_view n) override { return inner_.DeleteUser(n); }
  Status ReadTogether(const std::function<Status()>& f) override { return inner_.ReadTogether(f); }
  Status AppendAudit(const AuditRecord& a) override { return inner_.AppendAudit(a); }
  Result<std::vector<AuditRecord>> ListAudit(int limit) override { return inner_.ListAudit(limit); }
  Result<std::unique_ptr<Transaction>> Begin() override {
    CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, inner_.Begin());
    return std::unique_ptr<Transaction>(std::make_unique<FailingTxn>(std::move(txn), fail_at_));
  }

 private:
  class FailingTxn final : public Transaction {
   public:
    FailingTxn(std::unique_ptr<Transaction> inner, int fail_at)
        : inner_(std::move(inner)), fail_at_(fail_at) {}
    Result<int64_t> InsertResponse(const ResponseRecord& r) override {
      if (++count_ == fail_at_) return Status::IoError("disk full (injected)");
      return inner_->InsertResponse(r);
    }
    Result<int64_t> UpsertResponse(const ResponseRecord& r) override { return InsertResponse(r); }
    Status Commit() override { return inner_->Commit(); }

   private:
    std::unique_ptr<Transaction> inner_;
    int fail_at_;
    int count_ = 0;
  };
  Storage& inner_;
  int fail_at_;
};

TEST_F(ImporterTest, AStorageFailureMidwayLeavesNothingBehind) {
  FailingStorage failing(*storage_, 3);
  auto source = CsvTableFromText(
      std::string(kHeader) + "R1,,2,,,,,,\nR2,,2,,,,,,\nR3,,2,,,,,,\nR4,,2,,,,,,\n", "f.csv");
  Result<ImportReport> r = ImportAnswers(failing, &vault_, qn_, *source, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("injected"), std::string::npos);
  EXPECT_EQ(Count(), 0) << "R1 and R2 were rolled back";
}

}  // namespace
}  // namespace chosa
