#include "storage/sqlite/sqlite_db.h"

#include <fmt/format.h>

namespace chosa::internal {

Result<SqliteDb> SqliteDb::Open(const std::string& path) {
  // Memory statistics take a global mutex on every allocation; chosa does not use them. Must be
  // set before SQLite initialises (the first open), hence once here.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IoError(fmt::format("{}: データベースを開けません（{}）", path, msg));
  }
  sqlite3_extended_result_codes(db, 1);
  return SqliteDb(db);
}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    cache_.clear();
    sqlite3_close(db_);
    db_ = other.db_;
    other.db_ = nullptr;
    cache_ = std::move(other.cache_);
  }
  return *this;
}

SqliteDb::~SqliteDb() {
  cache_.clear();  // statements are finalized before the connection closes
  sqlite3_close(db_);
}

Result<StatementLease> SqliteDb::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    CHOSA_ASSIGN_OR_RETURN(SqliteStatement stmt, Prepare(sql));
    it = cache_.emplace(std::string(sql), std::make_unique<SqliteStatement>(std::move(stmt))).first;
  }
  return StatementLease(it->second.get());
}

StatementLease::~StatementLease() {
  if (statement_ != nullptr) statement_->Reset();
}

Status SqliteDb::Error(int rc, std::string_view what) const {
  std::string msg = fmt::format("{}: {}", what, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(msg);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::FailedPrecondition(msg);
    default:
      return Status::IoError(msg);
  }
}

Status SqliteDb::Exec(std::string_view sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Status s = Error(rc, "SQL の実行に失敗しました");
    return Status(s.code(), "SQL の実行に失敗しました: " + msg);
  }
  return Status::Ok();
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "SQL を準備できません");
  return SqliteStatement(this, stmt);
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void SqliteStatement::BindText(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::BindBlob(int index, std::string_view value) {
  sqlite3_bind_blob(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(rc, "データベースの操作に失敗しました");
}

Status SqliteStatement::Run() {
  Result<bool> r = Step();
  return r.ok() ? Status::Ok() : r.status();
}

std::string_view SqliteStatement::ColumnText(int index) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, index)))
           : std::string_view();
}

std::string_view SqliteStatement::ColumnBlob(int index) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, index)))
           : std::string_view();
}

}  // namespace chosa::internal
