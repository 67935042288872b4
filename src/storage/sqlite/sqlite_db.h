// Thin RAII wrappers over the SQLite C API. SQLite result codes become Status values here, at the
// driver boundary; nothing above this folder sees sqlite3 types.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/result.h"

namespace chosa::internal {

class SqliteStatement;
class StatementLease;

class SqliteDb {
 public:
  // Opens (creating if needed) the database file at `path`.
  static Result<SqliteDb> Open(const std::string& path);
  SqliteDb(SqliteDb&& other) noexcept : db_(other.db_), cache_(std::move(other.cache_)) {
    other.db_ = nullptr;
  }
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb();

  // Runs one or more statements without parameters.
  Status Exec(std::string_view sql);
  Result<SqliteStatement> Prepare(std::string_view sql);
  // A statement prepared once per connection and kept; the lease resets it when it ends, so no
  // read transaction stays open. Not reentrant: do not lease the same SQL twice at once.
  Result<StatementLease> Cached(std::string_view sql);
  sqlite3* get() const { return db_; }
  // The Status for the last error on this connection, prefixed with `what`.
  Status Error(int rc, std::string_view what) const;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
  struct SqlHash {
    using is_transparent = void;  // find() by string_view without building a string
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>, SqlHash, std::equal_to<>>
      cache_;
};

// A prepared statement; bind with 1-based indices, columns are 0-based.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  void Reset();
  void BindText(int index, std::string_view value);
  void BindBlob(int index, std::string_view value);
  void BindInt(int index, int64_t value);
  void BindNull(int index);
  // Advances: true with a row, false when done; errors as Status.
  Result<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();

  int64_t ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }
  std::string_view ColumnText(int index) const;
  std::string_view ColumnBlob(int index) const;
  bool ColumnIsNull(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

 private:
  friend class SqliteDb;
  SqliteStatement(const SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

// Borrows a cached statement; resets it (and clears its bindings) when destroyed.
class StatementLease {
 public:
  explicit StatementLease(SqliteStatement* statement) : statement_(statement) {}
  StatementLease(StatementLease&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)) {}
  StatementLease& operator=(StatementLease&&) = delete;
  ~StatementLease();
  SqliteStatement* operator->() const { return statement_; }
  SqliteStatement& operator*() const { return *statement_; }

 private:
  SqliteStatement* statement_;
};

}  // namespace chosa::internal
