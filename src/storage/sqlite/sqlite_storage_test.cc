#include "storage/sqlite/sqlite_storage.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "base/file.h"
#include "support/temp_dir.h"

namespace chosa {
namespace {

ResponseRecord Response(const std::string& key, const std::string& answers = "\x01\x01\x02",
                        const std::string& personal = "") {
  ResponseRecord r;
  r.survey_id = "s";
  r.survey_version = 1;
  r.respondent_key = key;
  r.answers = answers;
  r.personal = personal;
  r.key_id = personal.empty() ? "" : "k1";
  return r;
}

class SqliteStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<SqliteStorage>> db = SqliteStorage::Open(dir_.File("chosa.db"), clock_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(db_->PutSurvey(SurveyVersion{"s", 1, "調査", "survey: {id: s}", ""}).ok());
  }

  Status Insert(std::vector<ResponseRecord> records) {
    CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, db_->Begin());
    for (const ResponseRecord& r : records) {
      Result<int64_t> id = txn->InsertResponse(r);
      if (!id.ok()) return id.status();
    }
    return txn->Commit();
  }

  std::vector<ResponseRecord> Scan(ScanOptions options = {}) {
    std::vector<ResponseRecord> out;
    Status s = db_->ScanResponses("s", options, [&](const ResponseRecord& r) {
      out.push_back(r);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  testing::TempDir dir_;
  FixedClock clock_{1763758200000000};  // 2025-11-21T20:50:00Z
  std::unique_ptr<SqliteStorage> db_;
};

TEST_F(SqliteStorageTest, MigratesToTheLatestSchemaOnceAndUsesWal) {
  EXPECT_EQ(*db_->SchemaVersion(), 6);
  db_.reset();
  Result<std::unique_ptr<SqliteStorage>> again = SqliteStorage::Open(dir_.File("chosa.db"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*(*again)->SchemaVersion(), 6);
  EXPECT_TRUE(FileExists(dir_.File("chosa.db-wal")));
}

TEST_F(SqliteStorageTest, SurveyVersionsAreImmutable) {
  EXPECT_TRUE(db_->PutSurvey(SurveyVersion{"s", 1, "調査", "survey: {id: s}", ""}).ok())
      << "same text: no-op";
  EXPECT_EQ(db_->PutSurvey(SurveyVersion{"s", 1, "調査", "changed", ""}).code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE(db_->PutSurvey(SurveyVersion{"s", 2, "調査 第2版", "v2", ""}).ok());
  EXPECT_EQ(db_->GetSurvey("s", 0)->version, 2);
  EXPECT_EQ(db_->GetSurvey("s", 1)->definition, "survey: {id: s}");
  EXPECT_EQ(db_->GetSurvey("s", 1)->created_at, "2025-11-21T20:50:00Z");
  EXPECT_EQ(db_->GetSurvey("x", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(db_->ListSurveys()->size(), 1u);
}

TEST_F(SqliteStorageTest, InsertScanAndCount) {
  ASSERT_TRUE(Insert({Response("R1"), Response("R2", "\x01\x02", "sealed")}).ok());
  std::vector<ResponseRecord> rows = Scan();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].respondent_key, "R1");
  EXPECT_EQ(rows[1].answers, "\x01\x02");
  EXPECT_TRUE(rows[1].personal.empty()) << "personal data only when asked for";
  EXPECT_EQ(Scan({.with_personal = true})[1].personal, "sealed");
  EXPECT_EQ(*db_->CountResponses("s", ResponseStatus::kComplete), 2);
  EXPECT_EQ(db_->RespondentKeys("s")->count("R2"), 1u);
}

TEST_F(SqliteStorageTest, DuplicateRespondentIsRefusedAndTheTransactionRollsBack) {
  ASSERT_TRUE(Insert({Response("R1")}).ok());
  Status s = Insert({Response("R2"), Response("R1")});
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_NE(s.message().find("R1"), std::string::npos);
  EXPECT_EQ(Scan().size(), 1u) << "R2 must have been rolled back";
}

TEST_F(SqliteStorageTest, UncommittedTransactionLeavesNothing) {
  {
    Result<std::unique_ptr<Transaction>> txn = db_->Begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->InsertResponse(Response("R1")).ok());
  }
  EXPECT_TRUE(Scan().empty());
}

TEST_F(SqliteStorageTest, UpsertReplacesAnswersAndPersonalData) {
  ASSERT_TRUE(Insert({Response("R1", "old", "p-old")}).ok());
  {
    Result<std::unique_ptr<Transaction>> txn = db_->Begin();
    ASSERT_TRUE(txn.ok());
    ResponseRecord r = Response("R1", "new");
    r.status = ResponseStatus::kInProgress;
    ASSERT_TRUE((*txn)->UpsertResponse(r).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  std::vector<ResponseRecord> rows = Scan({.with_personal = true});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].answers, "new");
  EXPECT_EQ(rows[0].status, ResponseStatus::kInProgress);
  EXPECT_TRUE(rows[0].personal.empty()) << "replacing without personal data removes the old";
  EXPECT_TRUE(Scan({.status = ResponseStatus::kComplete}).empty());
}

TEST_F(SqliteStorageTest, CommittedDataIsSeenByANewConnection) {
  ASSERT_TRUE(Insert({Response("R1")}).ok());
  Result<std::unique_ptr<SqliteStorage>> other = SqliteStorage::Open(dir_.File("chosa.db"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*(*other)->CountResponses("s", std::nullopt), 1);
}

TEST_F(SqliteStorageTest, BackupIsConsistentWhileAnotherConnectionWrites) {
  ASSERT_TRUE(Insert({Response("seed")}).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    Result<std::unique_ptr<SqliteStorage>> w = SqliteStorage::Open(dir_.File("chosa.db"));
    ASSERT_TRUE(w.ok());
    for (int i = 0; !stop && i < 2000; ++i) {
      Result<std::unique_ptr<Transaction>> txn = (*w)->Begin();
      if (!txn.ok()) continue;  // busy: try again
      ResponseRecord r = Response("W" + std::to_string(i));
      if ((*txn)->InsertResponse(r).ok() && (*txn)->Commit().ok()) ++written;
    }
  });
  while (written < 20) std::this_thread::yield();
  Status s = db_->Backup(dir_.File("backup.db"));
  stop = true;
  writer.join();
  ASSERT_TRUE(s.ok()) << s.ToString();
  Result<std::unique_ptr<SqliteStorage>> copy = SqliteStorage::Open(dir_.File("backup.db"));
  ASSERT_TRUE(copy.ok());
  int64_t n = *(*copy)->CountResponses("s", std::nullopt);
  EXPECT_GE(n, 21);
  EXPECT_LE(n, 1 + written.load());
  EXPECT_EQ(db_->Backup(dir_.File("backup.db")).code(), StatusCode::kAlreadyExists)
      << "never overwrites";
}

TEST_F(SqliteStorageTest, GetResponseByKeyWithProgress) {
  ResponseRecord r = Response("web-1", "\x01", "sealed");
  r.status = ResponseStatus::kInProgress;
  r.progress = 3;
  ASSERT_TRUE(Insert({r, Response("web-2")}).ok());
  Result<std::optional<ResponseRecord>> got = db_->GetResponse("s", "web-1", true);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->progress, 3);
  EXPECT_EQ((*got)->personal, "sealed");
  EXPECT_EQ((*got)->status, ResponseStatus::kInProgress);
  EXPECT_FALSE(db_->GetResponse("s", "nobody", false)->has_value());
}

TEST_F(SqliteStorageTest, SessionsExpire) {
  ASSERT_TRUE(db_->PutSession(SessionRecord{"h1", "respondent", "s", "web-1", "csrf", 1000}).ok());
  EXPECT_EQ((*db_->GetSession("h1", 999))->subject, "web-1");
  EXPECT_FALSE(db_->GetSession("h1", 1000)->has_value()) << "expired";
  ASSERT_TRUE(db_->DeleteSession("h1").ok());
  EXPECT_FALSE(db_->GetSession("h1", 0)->has_value());
}

TEST_F(SqliteStorageTest, InvitationsAreFoundByHashOnly) {
  std::vector<InvitationRecord> inv = {{0, "s", "aa", "製造業・小規模", ""},
                                       {0, "s", "bb", "", ""}};
  ASSERT_TRUE(db_->PutInvitations(&inv).ok());
  EXPECT_GT(inv[1].invitation_id, inv[0].invitation_id);
  EXPECT_EQ((*db_->FindInvitation("aa"))->label, "製造業・小規模");
  EXPECT_FALSE(db_->FindInvitation("cc")->has_value());
  EXPECT_EQ(db_->ListInvitations("s")->size(), 2u);
  std::vector<InvitationRecord> dup = {{0, "s", "cc", "", ""}, {0, "s", "aa", "", ""}};
  EXPECT_EQ(db_->PutInvitations(&dup).code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(db_->FindInvitation("cc")->has_value()) << "all or nothing";
}

// Cached statements are reset after each use: a connection that has read once must still see
// what another connection commits afterwards (no read transaction left open).
TEST_F(SqliteStorageTest, CachedStatementsDoNotPinAnOldSnapshot) {
  ASSERT_TRUE(db_->PutSession(SessionRecord{"h1", "respondent", "s", "R1", "c", 100}).ok());
  EXPECT_TRUE(db_->GetSession("h1", 0)->has_value());
  EXPECT_FALSE(db_->GetResponse("s", "R1", false)->has_value());
  Result<std::unique_ptr<SqliteStorage>> other = SqliteStorage::Open(dir_.File("chosa.db"));
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->PutSession(SessionRecord{"h2", "respondent", "s", "R2", "c", 100}).ok());
  {
    Result<std::unique_ptr<Transaction>> txn = (*other)->Begin();
    ASSERT_TRUE((*txn)->InsertResponse(Response("R1")).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  EXPECT_TRUE(db_->GetSession("h2", 0)->has_value());
  EXPECT_TRUE(db_->GetResponse("s", "R1", false)->has_value());
}

TEST_F(SqliteStorageTest, UsersAndAuditLog) {
  ASSERT_TRUE(db_->PutUser(UserRecord{"sato", "$argon2id$x", "admin", ""}).ok());
  ASSERT_TRUE(db_->PutUser(UserRecord{"sato", "$argon2id$y", "analyst", ""}).ok());  // replaced
  std::optional<UserRecord> u = *db_->GetUser("sato");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->password_hash, "$argon2id$y");
  EXPECT_EQ(u->role, "analyst");
  EXPECT_TRUE(db_->ListUsers()->at(0).password_hash.empty()) << "listing never returns hashes";
  EXPECT_FALSE(db_->GetUser("nobody")->has_value());
  EXPECT_TRUE(db_->DeleteUser("sato").ok());
  EXPECT_FALSE(db_->GetUser("sato")->has_value());
  EXPECT_EQ(db_->DeleteUser("sato").code(), StatusCode::kNotFound);
  ASSERT_TRUE(db_->AppendAudit(AuditRecord{"", "sato", "login", ""}).ok());
  ASSERT_TRUE(db_->AppendAudit(AuditRecord{"", "sato", "export", "answers.csv"}).ok());
  std::vector<AuditRecord> log = *db_->ListAudit(10);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].action, "export");
  EXPECT_EQ(log[0].at, "2025-11-21T20:50:00Z");
}

TEST_F(SqliteStorageTest, ResultCodesLinkResponsesInOrder) {
  ResultCodeRecord code{"hash1", "s", "sealed-bytes", ""};
  EXPECT_FALSE(db_->ResultCodeOf("s", "web-a")->has_value());
  ASSERT_TRUE(db_->LinkResultCode(code, "web-a").ok());
  ASSERT_TRUE(db_->LinkResultCode(code, "web-b").ok());  // the code exists: only linked
  ASSERT_TRUE(db_->LinkResultCode(code, "web-a").ok());  // linking twice changes nothing
  std::optional<ResultCodeRecord> of = *db_->ResultCodeOf("s", "web-b");
  ASSERT_TRUE(of.has_value());
  EXPECT_EQ(of->code_hash, "hash1");
  EXPECT_EQ(of->sealed_code, "sealed-bytes");
  EXPECT_EQ(of->created_at, "2025-11-21T20:50:00Z");
  EXPECT_FALSE(db_->ResultCodeOf("other", "web-b")->has_value());
  EXPECT_EQ(*db_->ResultCodeResponses("hash1"), (std::vector<std::string>{"web-a", "web-b"}));
  EXPECT_TRUE(db_->FindResultCode("hash1")->has_value());
  EXPECT_FALSE(db_->FindResultCode("hash2")->has_value());
}

TEST_F(SqliteStorageTest, VendorCustomersAreScopedByVendor) {
  ResultCodeRecord code_a{"code-a", "s", "sealed-a", ""};
  VendorCustomerRecord a{0, "vendor-a", "s", "link-a", "", "identity-a", "k1", ""};
  ASSERT_TRUE(db_->PutVendorCustomer(code_a, &a).ok());
  EXPECT_GT(a.customer_id, 0);
  EXPECT_EQ(a.code_hash, "code-a");
  ResultCodeRecord code_b{"code-b", "s", "sealed-b", ""};
  VendorCustomerRecord b{0, "vendor-b", "s", "link-b", "", "identity-b", "k1", ""};
  ASSERT_TRUE(db_->PutVendorCustomer(code_b, &b).ok());

  // The customer's result code exists and can take responses.
  ASSERT_TRUE(db_->FindResultCode("code-a")->has_value());
  ASSERT_TRUE(db_->LinkResultCode(code_a, "web-1").ok());
  EXPECT_EQ(*db_->ResultCodeResponses("code-a"), std::vector<std::string>{"web-1"});

  std::vector<VendorCustomerRecord> of_a = *db_->ListVendorCustomers("vendor-a");
  ASSERT_EQ(of_a.size(), 1u);
  EXPECT_EQ(of_a[0].sealed_identity, "identity-a");
  EXPECT_EQ(of_a[0].created_at, "2025-11-21T20:50:00Z");
  EXPECT_TRUE(db_->GetVendorCustomer("vendor-a", a.customer_id)->has_value());
  EXPECT_FALSE(db_->GetVendorCustomer("vendor-a", b.customer_id)->has_value());
  EXPECT_FALSE(db_->GetVendorCustomer("vendor-b", a.customer_id)->has_value());
  EXPECT_EQ((*db_->FindVendorCustomerByLink("link-b"))->vendor, "vendor-b");
  EXPECT_FALSE(db_->FindVendorCustomerByLink("link-c")->has_value());
  std::vector<VendorCustomerCode> codes = *db_->VendorCustomerCodes("s");
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes[1].vendor, "vendor-b");
  EXPECT_EQ(codes[1].code_hash, "code-b");

  // Only its own vendor changes a customer's identity.
  EXPECT_EQ(db_->UpdateVendorCustomerIdentity("vendor-b", a.customer_id, "x", "k1").code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(db_->UpdateVendorCustomerIdentity("vendor-a", a.customer_id, "renamed", "k2").ok());
  EXPECT_EQ((*db_->GetVendorCustomer("vendor-a", a.customer_id))->sealed_identity, "renamed");
  EXPECT_EQ((*db_->GetVendorCustomer("vendor-a", a.customer_id))->key_id, "k2");
  EXPECT_EQ((*db_->GetVendorCustomer("vendor-b", b.customer_id))->sealed_identity, "identity-b");

  // Only its own vendor removes a customer; its result code and answers stay.
  EXPECT_EQ(db_->DeleteVendorCustomer("vendor-b", a.customer_id).code(), StatusCode::kNotFound);
  ASSERT_TRUE(db_->DeleteVendorCustomer("vendor-a", a.customer_id).ok());
  EXPECT_FALSE(db_->GetVendorCustomer("vendor-a", a.customer_id)->has_value());
  EXPECT_FALSE(db_->FindVendorCustomerByLink("link-a")->has_value());
  EXPECT_EQ(*db_->ResultCodeResponses("code-a"), std::vector<std::string>{"web-1"});
  EXPECT_EQ(db_->DeleteVendorCustomer("vendor-a", a.customer_id).code(), StatusCode::kNotFound);
  ASSERT_TRUE(db_->PutVendorCustomer(ResultCodeRecord{"code-a2", "s", "x", ""}, &a).ok());

  // A taken link or code writes nothing: no customer without its code, no code without customer.
  ResultCodeRecord code_c{"code-c", "s", "sealed-c", ""};
  VendorCustomerRecord dup{0, "vendor-a", "s", "link-a", "", "identity-c", "k1", ""};
  EXPECT_FALSE(db_->PutVendorCustomer(code_c, &dup).ok());
  EXPECT_FALSE(db_->FindResultCode("code-c")->has_value());
  EXPECT_EQ(db_->ListVendorCustomers("vendor-a")->size(), 1u);
}

TEST_F(SqliteStorageTest, VendorAccountsAndSessions) {
  ASSERT_TRUE(db_->PutUser(UserRecord{"v", "hash", "vendor", ""}).ok());
  EXPECT_EQ((*db_->GetUser("v"))->role, "vendor");
  EXPECT_FALSE(db_->PutUser(UserRecord{"x", "hash", "owner", ""}).ok());
  ASSERT_TRUE(db_->PutSession(SessionRecord{"t", "vendor", "", "v", "csrf", 4102444800}).ok());
  EXPECT_EQ((*db_->GetSession("t", 0))->kind, "vendor");
}

TEST_F(SqliteStorageTest, NewerSchemaIsRefused) {
  db_.reset();
  {
    Result<internal::SqliteDb> raw = internal::SqliteDb::Open(dir_.File("chosa.db"));
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE(raw->Exec("INSERT INTO schema_migrations VALUES (99, 'future')").ok());
  }
  Result<std::unique_ptr<SqliteStorage>> db = SqliteStorage::Open(dir_.File("chosa.db"));
  EXPECT_EQ(db.status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace chosa
