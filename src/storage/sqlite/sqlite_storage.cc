#include "storage/sqlite/sqlite_storage.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "base/file.h"
#include "storage/sqlite/schema.h"

namespace chosa {

using internal::SqliteDb;
using internal::SqliteStatement;

namespace {

ResponseStatus ParseStatus(std::string_view s) {
  return s == "complete" ? ResponseStatus::kComplete : ResponseStatus::kInProgress;
}

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(SqliteDb& db, std::string now) : db_(db), now_(std::move(now)) {}
  ~SqliteTransaction() override {
    if (open_) (void)db_.Exec("ROLLBACK");
  }

  Status Start() {
    // IMMEDIATE takes the write lock now, so a concurrent writer fails early, not at commit.
    CHOSA_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
    open_ = true;
    return Status::Ok();
  }

  Result<int64_t> InsertResponse(const ResponseRecord& r) override {
    return Write(r, /*upsert=*/false);
  }
  Result<int64_t> UpsertResponse(const ResponseRecord& r) override {
    return Write(r, /*upsert=*/true);
  }

  Status Commit() override {
    if (!open_) return Status::FailedPrecondition("トランザクションは終了しています");
    Status s = db_.Exec("COMMIT");
    if (!s.ok()) return s;  // the destructor rolls back
    open_ = false;
    return Status::Ok();
  }

 private:
  Result<int64_t> Write(const ResponseRecord& r, bool upsert) {
    if (!open_) return Status::FailedPrecondition("トランザクションは終了しています");
    static constexpr std::string_view kInsert =
        "INSERT INTO responses (survey_id, survey_version, respondent_key, status, channel, "
        "answers, created_at, updated_at, progress) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8) "
        "RETURNING response_id";
    static constexpr std::string_view kUpsert =
        "INSERT INTO responses (survey_id, survey_version, respondent_key, status, channel, "
        "answers, created_at, updated_at, progress) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8) "
        "ON CONFLICT (survey_id, respondent_key) DO UPDATE SET "
        "survey_version = excluded.survey_version, status = excluded.status, "
        "channel = excluded.channel, answers = excluded.answers, updated_at = excluded.updated_at, "
        "progress = excluded.progress "
        "RETURNING response_id";
    CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt, db_.Cached(upsert ? kUpsert : kInsert));
    stmt->BindText(1, r.survey_id);
    stmt->BindInt(2, r.survey_version);
    stmt->BindText(3, r.respondent_key);
    stmt->BindText(4, ResponseStatusName(r.status));
    stmt->BindText(5, ChannelName(r.channel));
    stmt->BindBlob(6, r.answers);
    stmt->BindText(7, now_);
    stmt->BindInt(8, r.progress);
    Result<bool> row = stmt->Step();
    if (!row.ok()) {
      if (row.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists(
            fmt::format("回答者ID \"{}\" は既に登録されています", r.respondent_key));
      }
      return row.status();
    }
    int64_t id = stmt->ColumnInt(0);
    stmt->Reset();
    if (!r.personal.empty()) {
      CHOSA_ASSIGN_OR_RETURN(
          internal::StatementLease put,
          db_.Cached("INSERT INTO personal_data (response_id, sealed, key_id) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (response_id) DO UPDATE SET sealed = excluded.sealed, "
                     "key_id = excluded.key_id"));
      put->BindInt(1, id);
      put->BindBlob(2, r.personal);
      put->BindText(3, r.key_id);
      CHOSA_RETURN_IF_ERROR(put->Run());
    } else if (upsert) {
      CHOSA_ASSIGN_OR_RETURN(internal::StatementLease del,
                             db_.Cached("DELETE FROM personal_data WHERE response_id = ?1"));
      del->BindInt(1, id);
      CHOSA_RETURN_IF_ERROR(del->Run());
    }
    return id;
  }

  SqliteDb& db_;
  std::string now_;
  bool open_ = false;
};

}  // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::Open(const std::string& path,
                                                           const Clock& clock) {
  CHOSA_ASSIGN_OR_RETURN(SqliteDb db, SqliteDb::Open(path));
  std::unique_ptr<SqliteStorage> storage(new SqliteStorage(std::move(db), path, clock));
  CHOSA_RETURN_IF_ERROR(storage->Configure());
  CHOSA_RETURN_IF_ERROR(storage->Migrate());
  return storage;
}

Status SqliteStorage::Configure() {
  sqlite3_busy_timeout(db_.get(), 5000);
  CHOSA_ASSIGN_OR_RETURN(SqliteStatement mode, db_.Prepare("PRAGMA journal_mode = WAL"));
  CHOSA_ASSIGN_OR_RETURN(bool row, mode.Step());
  if (!row || mode.ColumnText(0) != "wal") {
    return Status::IoError(fmt::format("{}: WAL モードにできません", path_));
  }
  // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss.
  // secure_delete: what is deleted (a vendor's customer, a session) is overwritten, not left in
  // free pages.
  return db_.Exec(
      "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
}

Result<int> SqliteStorage::SchemaVersion() {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt,
                         db_.Cached("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? static_cast<int>(stmt->ColumnInt(0)) : 0;
}

Status SqliteStorage::Migrate() {
  CHOSA_RETURN_IF_ERROR(
      db_.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "applied_at TEXT NOT NULL)"));
  CHOSA_ASSIGN_OR_RETURN(int current, SchemaVersion());
  auto migrations = internal::SqliteMigrations();
  if (current > static_cast<int>(migrations.size())) {
    return Status::FailedPrecondition(
        fmt::format("{}: このデータベースは新しい版の chosa で作られています（スキーマ {} > {}）",
                    path_, current, migrations.size()));
  }
  for (int v = current + 1; v <= static_cast<int>(migrations.size()); ++v) {
    CHOSA_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
    Status s = db_.Exec(migrations[v - 1]);
    if (s.ok()) {
      CHOSA_ASSIGN_OR_RETURN(SqliteStatement mark,
                             db_.Prepare("INSERT INTO schema_migrations VALUES (?1, ?2)"));
      mark.BindInt(1, v);
      mark.BindText(2, Now());
      s = mark.Run();
    }
    if (s.ok()) s = db_.Exec("COMMIT");
    if (!s.ok()) {
      (void)db_.Exec("ROLLBACK");
      return Status(s.code(),
                    fmt::format("スキーマ {} への移行に失敗しました: {}", v, s.message()));
    }
  }
  return Status::Ok();
}

std::string SqliteStorage::Now() const { return FormatIso8601(clock_.NowMicros()); }

Status SqliteStorage::PutSurvey(const SurveyVersion& survey) {
  CHOSA_ASSIGN_OR_RETURN(
      SqliteStatement find,
      db_.Prepare("SELECT definition FROM survey_versions WHERE survey_id = ?1 AND version = ?2"));
  find.BindText(1, survey.survey_id);
  find.BindInt(2, survey.version);
  CHOSA_ASSIGN_OR_RETURN(bool exists, find.Step());
  if (exists) {
    if (find.ColumnText(0) == survey.definition) return Status::Ok();
    return Status::AlreadyExists(
        fmt::format("調査 {} の版 {} は別の内容で登録済みです（調査票を変えたら survey.version "
                    "を上げてください）",
                    survey.survey_id, survey.version));
  }
  CHOSA_ASSIGN_OR_RETURN(SqliteStatement insert,
                         db_.Prepare("INSERT INTO survey_versions (survey_id, version, title, "
                                     "definition, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  insert.BindText(1, survey.survey_id);
  insert.BindInt(2, survey.version);
  insert.BindText(3, survey.title);
  insert.BindText(4, survey.definition);
  insert.BindText(5, Now());
  return insert.Run();
}

namespace {

SurveyVersion ReadSurveyRow(const SqliteStatement& s) {
  return SurveyVersion{std::string(s.ColumnText(0)), static_cast<int>(s.ColumnInt(1)),
                       std::string(s.ColumnText(2)), std::string(s.ColumnText(3)),
                       std::string(s.ColumnText(4))};
}

}  // namespace

Result<SurveyVersion> SqliteStorage::GetSurvey(std::string_view survey_id, int version) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(
          "SELECT survey_id, version, title, definition, created_at FROM survey_versions "
          "WHERE survey_id = ?1 AND (?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1"));
  stmt->BindText(1, survey_id);
  stmt->BindInt(2, version);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) {
    return Status::NotFound(
        version == 0 ? fmt::format("調査 {} は登録されていません", survey_id)
                     : fmt::format("調査 {} の版 {} は登録されていません", survey_id, version));
  }
  return ReadSurveyRow(*stmt);
}

Result<std::vector<SurveyVersion>> SqliteStorage::ListSurveys() {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT s.survey_id, s.version, s.title, s.definition, s.created_at "
                 "FROM survey_versions s WHERE s.version = (SELECT MAX(version) FROM "
                 "survey_versions t WHERE t.survey_id = s.survey_id) ORDER BY s.survey_id"));
  std::vector<SurveyVersion> out;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.push_back(ReadSurveyRow(*stmt));
  }
  return out;
}

Result<std::unique_ptr<Transaction>> SqliteStorage::Begin() {
  auto txn = std::make_unique<SqliteTransaction>(db_, Now());
  CHOSA_RETURN_IF_ERROR(txn->Start());
  return std::unique_ptr<Transaction>(std::move(txn));
}

Status SqliteStorage::ReadTogether(const std::function<Status()>& reads) {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease begin, db_.Cached("BEGIN"));
  CHOSA_RETURN_IF_ERROR(begin->Run());
  Status s = reads();
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease end, db_.Cached("COMMIT"));
  Status ended = end->Run();
  if (!ended.ok()) (void)db_.Exec("ROLLBACK");
  return s.ok() ? ended : s;
}

Status SqliteStorage::ScanResponses(std::string_view survey_id, const ScanOptions& options,
                                    const std::function<Status(const ResponseRecord&)>& visit) {
  std::string sql =
      "SELECT r.response_id, r.survey_version, r.respondent_key, r.status, r.channel, r.answers, "
      "r.created_at, r.updated_at, r.progress";
  sql += options.with_personal ? ", p.sealed, p.key_id FROM responses r LEFT JOIN personal_data p "
                                 "ON p.response_id = r.response_id"
                               : " FROM responses r";
  // Only the conditions in use, so that SQLite picks the unique (survey_id, respondent_key)
  // index for one respondent instead of scanning the survey (one cached statement per shape).
  sql += " WHERE r.survey_id = ?1";
  if (options.status) sql += " AND r.status = ?2";
  if (!options.respondent_key.empty()) sql += " AND r.respondent_key = ?3";
  sql += " ORDER BY r.response_id";
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt, db_.Cached(sql));
  stmt->BindText(1, survey_id);
  if (options.status) stmt->BindText(2, ResponseStatusName(*options.status));
  if (!options.respondent_key.empty()) stmt->BindText(3, options.respondent_key);
  ResponseRecord r;
  r.survey_id = std::string(survey_id);
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    r.response_id = stmt->ColumnInt(0);
    r.survey_version = static_cast<int>(stmt->ColumnInt(1));
    r.respondent_key.assign(stmt->ColumnText(2));
    r.status = ParseStatus(stmt->ColumnText(3));
    r.channel = stmt->ColumnText(4) == "web" ? Channel::kWeb : Channel::kFile;
    r.answers.assign(stmt->ColumnBlob(5));
    r.created_at.assign(stmt->ColumnText(6));
    r.updated_at.assign(stmt->ColumnText(7));
    r.progress = static_cast<int>(stmt->ColumnInt(8));
    if (options.with_personal) {
      r.personal.assign(stmt->ColumnBlob(9));
      r.key_id.assign(stmt->ColumnText(10));
    }
    CHOSA_RETURN_IF_ERROR(visit(r));
  }
  return Status::Ok();
}

Result<std::unordered_set<std::string>> SqliteStorage::RespondentKeys(std::string_view survey_id) {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt,
                         db_.Cached("SELECT respondent_key FROM responses WHERE survey_id = ?1"));
  stmt->BindText(1, survey_id);
  std::unordered_set<std::string> keys;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    keys.emplace(stmt->ColumnText(0));
  }
  return keys;
}

Result<int64_t> SqliteStorage::CountResponses(std::string_view survey_id,
                                              std::optional<ResponseStatus> status) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(status ? "SELECT COUNT(*) FROM responses WHERE survey_id = ?1 AND status = ?2"
                        : "SELECT COUNT(*) FROM responses WHERE survey_id = ?1"));
  stmt->BindText(1, survey_id);
  if (status) stmt->BindText(2, ResponseStatusName(*status));
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<int64_t> SqliteStorage::ResponsesRevision(std::string_view survey_id) {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt,
                         db_.Cached("SELECT revision FROM survey_revisions WHERE survey_id = ?1"));
  stmt->BindText(1, survey_id);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Status SqliteStorage::InWriteTransaction(const std::function<Status()>& writes) {
  CHOSA_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  Status s = writes();
  if (s.ok()) s = db_.Exec("COMMIT");
  if (!s.ok()) (void)db_.Exec("ROLLBACK");
  return s;
}

Status SqliteStorage::InsertResultCode(const ResultCodeRecord& code, const std::string& now,
                                       bool keep_existing) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease insert,
      db_.Cached(keep_existing
                     ? "INSERT INTO result_codes (code_hash, survey_id, sealed_code, created_at) "
                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code_hash) DO NOTHING"
                     : "INSERT INTO result_codes (code_hash, survey_id, sealed_code, created_at) "
                       "VALUES (?1, ?2, ?3, ?4)"));
  insert->BindText(1, code.code_hash);
  insert->BindText(2, code.survey_id);
  insert->BindBlob(3, code.sealed_code);
  insert->BindText(4, now);
  return insert->Run();
}

Status SqliteStorage::LinkResultCode(const ResultCodeRecord& code,
                                     std::string_view respondent_key) {
  std::string now = Now();
  return InWriteTransaction([&]() -> Status {
    CHOSA_RETURN_IF_ERROR(InsertResultCode(code, now, /*keep_existing=*/true));
    CHOSA_ASSIGN_OR_RETURN(
        internal::StatementLease link,
        db_.Cached(
            "INSERT INTO result_code_responses (survey_id, respondent_key, code_hash, linked_at) "
            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (survey_id, respondent_key) DO NOTHING"));
    link->BindText(1, code.survey_id);
    link->BindText(2, respondent_key);
    link->BindText(3, code.code_hash);
    link->BindText(4, now);
    return link->Run();
  });
}

namespace {
ResultCodeRecord ReadResultCodeRow(const internal::SqliteStatement& stmt) {
  return ResultCodeRecord{std::string(stmt.ColumnText(0)), std::string(stmt.ColumnText(1)),
                          std::string(stmt.ColumnBlob(2)), std::string(stmt.ColumnText(3))};
}
}  // namespace

Result<std::optional<ResultCodeRecord>> SqliteStorage::ResultCodeOf(
    std::string_view survey_id, std::string_view respondent_key) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT c.code_hash, c.survey_id, c.sealed_code, c.created_at "
                 "FROM result_code_responses r JOIN result_codes c USING (code_hash) "
                 "WHERE r.survey_id = ?1 AND r.respondent_key = ?2"));
  stmt->BindText(1, survey_id);
  stmt->BindText(2, respondent_key);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<ResultCodeRecord>();
  return std::optional<ResultCodeRecord>(ReadResultCodeRow(*stmt));
}

Result<std::optional<ResultCodeRecord>> SqliteStorage::FindResultCode(std::string_view code_hash) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT code_hash, survey_id, sealed_code, created_at FROM result_codes "
                 "WHERE code_hash = ?1"));
  stmt->BindText(1, code_hash);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<ResultCodeRecord>();
  return std::optional<ResultCodeRecord>(ReadResultCodeRow(*stmt));
}

Result<std::vector<std::string>> SqliteStorage::ResultCodeResponses(std::string_view code_hash) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT respondent_key FROM result_code_responses WHERE code_hash = ?1 "
                 "ORDER BY linked_at, rowid"));
  stmt->BindText(1, code_hash);
  std::vector<std::string> keys;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    keys.emplace_back(stmt->ColumnText(0));
  }
  return keys;
}

std::string SqliteStorage::CacheDirectory() const {
  if (path_.empty() || path_.starts_with(":memory:") || path_.starts_with("file:")) return "";
  return path_ + ".cache";
}

Result<std::optional<ResponseRecord>> SqliteStorage::GetResponse(std::string_view survey_id,
                                                                 std::string_view respondent_key,
                                                                 bool with_personal) {
  std::optional<ResponseRecord> found;
  ScanOptions options;
  options.with_personal = with_personal;
  options.respondent_key = std::string(respondent_key);
  CHOSA_RETURN_IF_ERROR(ScanResponses(survey_id, options, [&](const ResponseRecord& r) {
    found = r;
    return Status::Ok();
  }));
  return found;
}

Status SqliteStorage::PutSession(const SessionRecord& session) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(
          "INSERT INTO sessions (token_hash, kind, survey_id, subject, csrf_token, expires_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (token_hash) DO UPDATE SET "
          "kind = excluded.kind, survey_id = excluded.survey_id, subject = excluded.subject, "
          "csrf_token = excluded.csrf_token, expires_at = excluded.expires_at"));
  stmt->BindText(1, session.token_hash);
  stmt->BindText(2, session.kind);
  stmt->BindText(3, session.survey_id);
  stmt->BindText(4, session.subject);
  stmt->BindText(5, session.csrf_token);
  stmt->BindInt(6, session.expires_at);
  return stmt->Run();
}

Result<std::optional<SessionRecord>> SqliteStorage::GetSession(std::string_view token_hash,
                                                               int64_t now) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(
          "SELECT token_hash, kind, survey_id, subject, csrf_token, expires_at FROM sessions "
          "WHERE token_hash = ?1 AND expires_at > ?2"));
  stmt->BindText(1, token_hash);
  stmt->BindInt(2, now);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<SessionRecord>();
  return std::optional<SessionRecord>(
      SessionRecord{std::string(stmt->ColumnText(0)), std::string(stmt->ColumnText(1)),
                    std::string(stmt->ColumnText(2)), std::string(stmt->ColumnText(3)),
                    std::string(stmt->ColumnText(4)), stmt->ColumnInt(5)});
}

Status SqliteStorage::DeleteSession(std::string_view token_hash) {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt,
                         db_.Cached("DELETE FROM sessions WHERE token_hash = ?1"));
  stmt->BindText(1, token_hash);
  return stmt->Run();
}

Status SqliteStorage::PutInvitations(std::vector<InvitationRecord>* invitations) {
  std::string now = Now();
  return InWriteTransaction([&]() -> Status {
    CHOSA_ASSIGN_OR_RETURN(
        SqliteStatement stmt,
        db_.Prepare("INSERT INTO invitations (survey_id, code_hash, label, created_at) "
                    "VALUES (?1, ?2, ?3, ?4) RETURNING invitation_id"));
    for (InvitationRecord& inv : *invitations) {
      stmt.Reset();
      stmt.BindText(1, inv.survey_id);
      stmt.BindText(2, inv.code_hash);
      stmt.BindText(3, inv.label);
      stmt.BindText(4, now);
      CHOSA_RETURN_IF_ERROR(stmt.Step().status());
      inv.invitation_id = stmt.ColumnInt(0);
      inv.created_at = now;
    }
    return Status::Ok();
  });
}

namespace {

InvitationRecord ReadInvitationRow(const SqliteStatement& s) {
  return InvitationRecord{s.ColumnInt(0), std::string(s.ColumnText(1)),
                          std::string(s.ColumnText(2)), std::string(s.ColumnText(3)),
                          std::string(s.ColumnText(4))};
}

}  // namespace

Result<std::optional<InvitationRecord>> SqliteStorage::FindInvitation(std::string_view code_hash) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT invitation_id, survey_id, code_hash, label, created_at FROM invitations "
                 "WHERE code_hash = ?1"));
  stmt->BindText(1, code_hash);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<InvitationRecord>();
  return std::optional<InvitationRecord>(ReadInvitationRow(*stmt));
}

Result<std::vector<InvitationRecord>> SqliteStorage::ListInvitations(std::string_view survey_id) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT invitation_id, survey_id, code_hash, label, created_at FROM invitations "
                 "WHERE survey_id = ?1 ORDER BY invitation_id"));
  stmt->BindText(1, survey_id);
  std::vector<InvitationRecord> out;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.push_back(ReadInvitationRow(*stmt));
  }
  return out;
}

Status SqliteStorage::PutUser(const UserRecord& user) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(
          "INSERT INTO users (user_name, password_hash, role, created_at) VALUES (?1, ?2, ?3, ?4) "
          "ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash, "
          "role = excluded.role"));
  stmt->BindText(1, user.user_name);
  stmt->BindText(2, user.password_hash);
  stmt->BindText(3, user.role);
  stmt->BindText(4, Now());
  return stmt->Run();
}

Result<std::optional<UserRecord>> SqliteStorage::GetUser(std::string_view user_name) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(
          "SELECT user_name, password_hash, role, created_at FROM users WHERE user_name = ?1"));
  stmt->BindText(1, user_name);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(
      UserRecord{std::string(stmt->ColumnText(0)), std::string(stmt->ColumnText(1)),
                 std::string(stmt->ColumnText(2)), std::string(stmt->ColumnText(3))});
}

Status SqliteStorage::DeleteUser(std::string_view user_name) {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt,
                         db_.Cached("DELETE FROM users WHERE user_name = ?1"));
  stmt->BindText(1, user_name);
  CHOSA_RETURN_IF_ERROR(stmt->Run());
  if (sqlite3_changes(db_.get()) == 0)
    return Status::NotFound(std::string(user_name) + ": そのユーザーはいません");
  return Status::Ok();
}

Result<std::vector<UserRecord>> SqliteStorage::ListUsers() {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT user_name, '', role, created_at FROM users ORDER BY user_name"));
  std::vector<UserRecord> out;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.push_back(UserRecord{std::string(stmt->ColumnText(0)), "", std::string(stmt->ColumnText(2)),
                             std::string(stmt->ColumnText(3))});
  }
  return out;
}

Status SqliteStorage::AppendAudit(const AuditRecord& entry) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("INSERT INTO audit_log (at, user_name, action, detail) VALUES (?1, ?2, ?3, ?4)"));
  stmt->BindText(1, Now());
  stmt->BindText(2, entry.user_name);
  stmt->BindText(3, entry.action);
  stmt->BindText(4, entry.detail);
  return stmt->Run();
}

Result<std::vector<AuditRecord>> SqliteStorage::ListAudit(int limit) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(
          "SELECT at, user_name, action, detail FROM audit_log ORDER BY audit_id DESC LIMIT ?1"));
  stmt->BindInt(1, limit);
  std::vector<AuditRecord> out;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.push_back(AuditRecord{std::string(stmt->ColumnText(0)), std::string(stmt->ColumnText(1)),
                              std::string(stmt->ColumnText(2)), std::string(stmt->ColumnText(3))});
  }
  return out;
}

Status SqliteStorage::Backup(const std::string& path) {
  if (FileExists(path)) {
    return Status::AlreadyExists(
        fmt::format("{}: 既に存在します（別の名前を指定してください）", path));
  }
  std::string tmp = path + ".partial";
  std::remove(tmp.c_str());
  Status result = Status::Ok();
  {
    CHOSA_ASSIGN_OR_RETURN(SqliteDb dest, SqliteDb::Open(tmp));
    // The online backup API copies a consistent snapshot even while writers are active.
    sqlite3_backup* backup = sqlite3_backup_init(dest.get(), "main", db_.get(), "main");
    if (backup == nullptr) {
      result = dest.Error(sqlite3_errcode(dest.get()), "バックアップを開始できません");
    } else {
      int rc = sqlite3_backup_step(backup, -1);
      sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE) result = dest.Error(rc, "バックアップに失敗しました");
    }
    if (result.ok()) result = dest.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  if (!result.ok()) {
    std::remove(tmp.c_str());
    return result;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(fmt::format("{}: バックアップの名前を変更できません", path));
  }
  return Status::Ok();
}

}  // namespace chosa
