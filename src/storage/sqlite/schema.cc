#include "storage/sqlite/schema.h"

#include <array>

namespace chosa::internal {
namespace {

// Portable SQL: the PostgreSQL schema differs only in column types (BIGSERIAL, BYTEA).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE survey_versions (
  survey_id   TEXT    NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  title       TEXT    NOT NULL,
  definition  TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  PRIMARY KEY (survey_id, version)
);
CREATE TABLE responses (
  response_id     INTEGER PRIMARY KEY,
  survey_id       TEXT    NOT NULL,
  survey_version  INTEGER NOT NULL,
  respondent_key  TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('in_progress', 'complete')),
  channel         TEXT    NOT NULL CHECK (channel IN ('web', 'file')),
  answers         BLOB    NOT NULL,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  UNIQUE (survey_id, respondent_key),
  FOREIGN KEY (survey_id, survey_version) REFERENCES survey_versions (survey_id, version)
);
CREATE INDEX responses_by_survey_status ON responses (survey_id, status);
-- Personal data (the respondent block), sealed with a key kept outside the database.
CREATE TABLE personal_data (
  response_id  INTEGER PRIMARY KEY REFERENCES responses (response_id) ON DELETE CASCADE,
  sealed       BLOB NOT NULL,
  key_id       TEXT NOT NULL
);
)sql";

// Web answering: page progress, sessions and invitations.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE responses ADD COLUMN progress INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('respondent', 'admin')),
  survey_id   TEXT NOT NULL,
  subject     TEXT NOT NULL,
  csrf_token  TEXT NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE TABLE invitations (
  invitation_id  INTEGER PRIMARY KEY,
  survey_id      TEXT NOT NULL,
  code_hash      TEXT NOT NULL UNIQUE,
  label          TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX invitations_by_survey ON invitations (survey_id);
)sql";

// Administrator accounts and the audit log.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE users (
  user_name      TEXT PRIMARY KEY,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'analyst')),
  created_at     TEXT NOT NULL
);
CREATE TABLE audit_log (
  audit_id   INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  action     TEXT NOT NULL,
  detail     TEXT NOT NULL
);
)sql";

// A token per survey that changes (to a random value) whenever any of its responses is written
// or deleted, by any path: column snapshots of the answers (tabulation/column_cache.h) are valid
// only while it is unchanged. Random rather than counted, so a database restored from a backup
// cannot reach a token a snapshot of its other history carries.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE survey_revisions (
  survey_id  TEXT PRIMARY KEY,
  revision   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO survey_revisions (survey_id, revision)
  SELECT survey_id, random() FROM responses GROUP BY survey_id;
CREATE TRIGGER responses_revise_on_insert AFTER INSERT ON responses BEGIN
  INSERT INTO survey_revisions (survey_id, revision) VALUES (NEW.survey_id, random())
    ON CONFLICT (survey_id) DO UPDATE SET revision = random();
END;
CREATE TRIGGER responses_revise_on_update AFTER UPDATE ON responses BEGIN
  INSERT INTO survey_revisions (survey_id, revision) VALUES (OLD.survey_id, random())
    ON CONFLICT (survey_id) DO UPDATE SET revision = random();
  INSERT INTO survey_revisions (survey_id, revision) VALUES (NEW.survey_id, random())
    ON CONFLICT (survey_id) DO UPDATE SET revision = random();
END;
CREATE TRIGGER responses_revise_on_delete AFTER DELETE ON responses BEGIN
  INSERT INTO survey_revisions (survey_id, revision) VALUES (OLD.survey_id, random())
    ON CONFLICT (survey_id) DO UPDATE SET revision = random();
END;
)sql";

// Self-diagnosis result codes and the responses answered under each.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE result_codes (
  code_hash    TEXT PRIMARY KEY,
  survey_id    TEXT NOT NULL,
  sealed_code  BLOB NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE TABLE result_code_responses (
  survey_id       TEXT NOT NULL,
  respondent_key  TEXT NOT NULL,
  code_hash       TEXT NOT NULL REFERENCES result_codes (code_hash),
  linked_at       TEXT NOT NULL,
  PRIMARY KEY (survey_id, respondent_key)
);
CREATE INDEX result_code_responses_by_code ON result_code_responses (code_hash);
)sql";

// IT vendors (issue 5): vendor accounts and sessions, and their customer companies. A customer's
// identity is sealed by the vault (bound to the vendor and the link); its diagnoses are the
// responses linked to its result code.
constexpr std::string_view kV6 = R"sql(
CREATE TABLE users_v6 (
  user_name      TEXT PRIMARY KEY,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'vendor')),
  created_at     TEXT NOT NULL
);
INSERT INTO users_v6 SELECT user_name, password_hash, role, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_v6 RENAME TO users;
CREATE TABLE sessions_v6 (
  token_hash  TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('respondent', 'admin', 'vendor')),
  survey_id   TEXT NOT NULL,
  subject     TEXT NOT NULL,
  csrf_token  TEXT NOT NULL,
  expires_at  INTEGER NOT NULL
);
INSERT INTO sessions_v6 SELECT token_hash, kind, survey_id, subject, csrf_token, expires_at
  FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v6 RENAME TO sessions;
CREATE TABLE vendor_customers (
  customer_id      INTEGER PRIMARY KEY,
  vendor           TEXT NOT NULL,
  survey_id        TEXT NOT NULL,
  link_hash        TEXT NOT NULL UNIQUE,
  code_hash        TEXT NOT NULL UNIQUE REFERENCES result_codes (code_hash),
  sealed_identity  BLOB NOT NULL,
  key_id           TEXT NOT NULL,
  created_at       TEXT NOT NULL
);
CREATE INDEX vendor_customers_by_vendor ON vendor_customers (vendor, customer_id);
)sql";

constexpr std::array<std::string_view, 6> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6};

}  // namespace

std::span<const std::string_view> SqliteMigrations() { return kMigrations; }

}  // namespace chosa::internal
