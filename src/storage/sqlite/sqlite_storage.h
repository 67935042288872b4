// The SQLite implementation of Storage: one database file in WAL mode with synchronous=FULL, so
// a committed transaction is on disk. The schema is versioned (schema.cc) and migrated on open.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/clock.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/storage.h"

namespace chosa {

class SqliteStorage final : public Storage {
 public:
  // Opens or creates the database at `path` and migrates its schema. `clock` must outlive it.
  static Result<std::unique_ptr<SqliteStorage>> Open(const std::string& path,
                                                     const Clock& clock = SystemClock());

  Status PutSurvey(const SurveyVersion& survey) override;
  Result<SurveyVersion> GetSurvey(std::string_view survey_id, int version) override;
  Result<std::vector<SurveyVersion>> ListSurveys() override;
  Result<std::unique_ptr<Transaction>> Begin() override;
  Status ReadTogether(const std::function<Status()>& reads) override;
  Status ScanResponses(std::string_view survey_id, const ScanOptions& options,
                       const std::function<Status(const ResponseRecord&)>& visit) override;
  Result<std::unordered_set<std::string>> RespondentKeys(std::string_view survey_id) override;
  Result<int64_t> CountResponses(std::string_view survey_id,
                                 std::optional<ResponseStatus> status) override;
  Result<int64_t> ResponsesRevision(std::string_view survey_id) override;
  Status LinkResultCode(const ResultCodeRecord& code, std::string_view respondent_key) override;
  Result<std::optional<ResultCodeRecord>> ResultCodeOf(std::string_view survey_id,
                                                       std::string_view respondent_key) override;
  Result<std::optional<ResultCodeRecord>> FindResultCode(std::string_view code_hash) override;
  Result<std::vector<std::string>> ResultCodeResponses(std::string_view code_hash) override;
  Status PutVendorCustomer(const ResultCodeRecord& code, VendorCustomerRecord* customer) override;
  Result<std::vector<VendorCustomerRecord>> ListVendorCustomers(std::string_view vendor) override;
  Result<std::optional<VendorCustomerRecord>> GetVendorCustomer(std::string_view vendor,
                                                                int64_t customer_id) override;
  Status UpdateVendorCustomerIdentity(std::string_view vendor, int64_t customer_id,
                                      std::string_view sealed_identity,
                                      std::string_view key_id) override;
  Status DeleteVendorCustomer(std::string_view vendor, int64_t customer_id) override;
  Result<std::optional<VendorCustomerRecord>> FindVendorCustomerByLink(
      std::string_view link_hash) override;
  Result<std::vector<VendorCustomerCode>> VendorCustomerCodes(std::string_view survey_id) override;
  // "<database>.cache" beside the database file.
  std::string CacheDirectory() const override;
  Status Backup(const std::string& path) override;
  Result<std::optional<ResponseRecord>> GetResponse(std::string_view survey_id,
                                                    std::string_view respondent_key,
                                                    bool with_personal) override;
  Status PutSession(const SessionRecord& session) override;
  Result<std::optional<SessionRecord>> GetSession(std::string_view token_hash,
                                                  int64_t now) override;
  Status DeleteSession(std::string_view token_hash) override;
  Status PutInvitations(std::vector<InvitationRecord>* invitations) override;
  Result<std::optional<InvitationRecord>> FindInvitation(std::string_view code_hash) override;
  Result<std::vector<InvitationRecord>> ListInvitations(std::string_view survey_id) override;
  Status PutUser(const UserRecord& user) override;
  Result<std::optional<UserRecord>> GetUser(std::string_view user_name) override;
  Result<std::vector<UserRecord>> ListUsers() override;
  Status DeleteUser(std::string_view user_name) override;
  Status AppendAudit(const AuditRecord& entry) override;
  Result<std::vector<AuditRecord>> ListAudit(int limit) override;

  // The schema version the database is at (for tests and `chosa survey list`).
  Result<int> SchemaVersion();

 private:
  SqliteStorage(internal::SqliteDb db, std::string path, const Clock& clock)
      : db_(std::move(db)), path_(std::move(path)), clock_(clock) {}
  Status Configure();
  Status Migrate();
  std::string Now() const;
  // Runs `writes` in one write transaction (BEGIN IMMEDIATE): committed when they return ok,
  // rolled back otherwise. Statements they use must be finished or reset by then.
  Status InWriteTransaction(const std::function<Status()>& writes);
  // Inserts a result code created at `now`; a code already there is kept when `keep_existing`,
  // an error otherwise.
  Status InsertResultCode(const ResultCodeRecord& code, const std::string& now, bool keep_existing);

  internal::SqliteDb db_;
  std::string path_;
  const Clock& clock_;
};

}  // namespace chosa
