// Storage: where surveys and responses are kept. A narrow interface with one implementation per
// database (sqlite/ now; postgres/ later) and portable SQL behind it. Personal data is stored
// sealed (see vault.h) in its own table; this layer never sees it in clear.
//
// Thread safety: a Storage object is used by one thread at a time; open one per thread.
// Durability: when Transaction::Commit() returns ok, the data is on disk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/result.h"

namespace chosa {

enum class ResponseStatus { kInProgress, kComplete };
enum class Channel { kWeb, kFile };

std::string_view ResponseStatusName(ResponseStatus status);  // "in_progress", "complete"
std::string_view ChannelName(Channel channel);               // "web", "file"

// One version of a questionnaire as registered (its YAML text is kept verbatim).
struct SurveyVersion {
  std::string survey_id;
  int version = 0;
  std::string title;
  std::string definition;  // the YAML source
  std::string created_at;  // ISO 8601 UTC, set by storage
};

struct ResponseRecord {
  int64_t response_id = 0;  // assigned on insert
  std::string survey_id;
  int survey_version = 0;
  std::string respondent_key;  // the respondent id from a file, or the web session's key
  ResponseStatus status = ResponseStatus::kComplete;
  Channel channel = Channel::kFile;
  std::string answers;     // answer_codec record (AnswerPart::kSurvey)
  std::string personal;    // Vault-sealed personal part; empty when there is none
  std::string key_id;      // Vault::key_id() of the key that sealed `personal`
  std::string created_at;  // ISO 8601 UTC, set by storage on insert
  std::string updated_at;
  int progress = 0;  // web: index of the page the respondent has reached
};

// A login or answering session. Only a hash of the cookie's token is stored.
struct SessionRecord {
  std::string token_hash;  // hex
  std::string kind;        // "respondent", "admin" or "vendor"
  std::string survey_id;   // respondent sessions
  std::string subject;     // respondent key, or user name
  std::string csrf_token;  // per session, compared with every form's token
  int64_t expires_at = 0;  // Unix seconds
};

// An administrator account. The password is stored only as an Argon2id hash (libsodium).
struct UserRecord {
  std::string user_name;
  std::string password_hash;  // crypto_pwhash_str output
  // "admin" (may see personal data), "analyst" (statistics), or "vendor" (an IT vendor: only
  // its own customers' diagnoses, /vendor)
  std::string role;
  std::string created_at;
};

// One entry of the audit log: logins, exports and every view of personal data.
struct AuditRecord {
  std::string at;  // ISO 8601 UTC, set by storage
  std::string user_name;
  std::string action;  // "login", "login-failed", "logout", "export", "view-personal", ...
  std::string detail;  // what was exported or viewed (never the personal data itself)
};

// An invitation to answer: the code in the link is random (128 bits or more) and only its hash
// is stored. Its response uses the respondent key "inv-<invitation_id>".
struct InvitationRecord {
  int64_t invitation_id = 0;  // assigned on insert
  std::string survey_id;
  std::string code_hash;  // hex
  std::string label;      // e.g. the stratum (industry x size); never personal data
  std::string created_at;
};

// A self-diagnosis result code: the company keeps the code to come back, retake the diagnosis and
// see its progress; only its hash is a key, the code itself is stored sealed by the vault so the
// result page can show it again. Each response answered under the code is linked to it.
struct ResultCodeRecord {
  std::string code_hash;  // hex
  std::string survey_id;
  std::string sealed_code;  // Vault::Seal(code, code_hash)
  std::string created_at;
};

// A customer company of an IT vendor (issue 5): the vendor invites it to the diagnosis with a
// link whose code only the hash of is stored; its diagnoses are the responses linked to its
// result code. Who the company is (name, contact, the link to show again) is personal data:
// sealed by the vault with the vendor and link hash as associated data, readable by that vendor
// only (VendorCustomerAssociated).
struct VendorCustomerRecord {
  int64_t customer_id = 0;  // assigned on insert
  std::string vendor;       // the vendor's user name
  std::string survey_id;    // the diagnosis questionnaire
  std::string link_hash;    // hex hash of the invitation link's code
  std::string code_hash;    // the customer's result code (result_codes)
  std::string sealed_identity;
  std::string key_id;  // Vault::key_id() of the key that sealed the identity
  std::string created_at;
};

// The associated data a customer's identity is sealed with: moving a sealed identity to another
// vendor's row makes it unreadable.
inline std::string VendorCustomerAssociated(std::string_view vendor, std::string_view link_hash) {
  return "vendor-customer\n" + std::string(vendor) + "\n" + std::string(link_hash);
}

// One customer's result code with the vendor it belongs to, for anonymous aggregates across
// vendors (no identity).
struct VendorCustomerCode {
  std::string vendor;
  std::string code_hash;
};

// A unit of writes; destroyed without Commit() it rolls back. Not copyable.
class Transaction {
 public:
  virtual ~Transaction() = default;
  // Inserts a response (fills nothing in `record`); AlreadyExists if its respondent_key is taken
  // in the survey. Returns the new response id.
  virtual Result<int64_t> InsertResponse(const ResponseRecord& record) = 0;
  // Inserts, or replaces the answers, status, channel and personal data of the response with the
  // same survey and respondent_key. Returns the response id.
  virtual Result<int64_t> UpsertResponse(const ResponseRecord& record) = 0;
  // Makes the writes durable. After Commit (ok or not) the transaction is finished.
  virtual Status Commit() = 0;
};

struct ScanOptions {
  std::optional<ResponseStatus> status;  // only responses with this status; unset = all
  bool with_personal = false;            // also read the sealed personal part
  std::string respondent_key;            // only this respondent; empty = all
};

class Storage {
 public:
  virtual ~Storage() = default;

  // Registers a questionnaire version. Registering the same id and version again with the same
  // definition is a no-op; with a different definition it is AlreadyExists.
  virtual Status PutSurvey(const SurveyVersion& survey) = 0;
  // `version` 0 means the latest. NotFound if absent.
  virtual Result<SurveyVersion> GetSurvey(std::string_view survey_id, int version) = 0;
  // Latest version of every survey, by id.
  virtual Result<std::vector<SurveyVersion>> ListSurveys() = 0;

  virtual Result<std::unique_ptr<Transaction>> Begin() = 0;
  // Runs `reads` (calls of this storage's read methods) in one read transaction: they see one
  // consistent state of the database, and the database's locks are taken once for all of them.
  // Not nested, no writes inside. Returns what `reads` returns.
  virtual Status ReadTogether(const std::function<Status()>& reads) = 0;

  // Calls `visit` for each response of the survey in insertion order; stops at the first
  // non-ok Status that `visit` returns and returns it.
  virtual Status ScanResponses(std::string_view survey_id, const ScanOptions& options,
                               const std::function<Status(const ResponseRecord&)>& visit) = 0;
  // The respondent keys already used in the survey.
  virtual Result<std::unordered_set<std::string>> RespondentKeys(std::string_view survey_id) = 0;
  virtual Result<int64_t> CountResponses(std::string_view survey_id,
                                         std::optional<ResponseStatus> status) = 0;
  // A token that changes whenever any response of the survey is written or deleted (0 when it
  // has none): equal tokens mean unchanged responses.
  virtual Result<int64_t> ResponsesRevision(std::string_view survey_id) = 0;
  // Where derived files of this database may be kept (column snapshots); empty when none.
  virtual std::string CacheDirectory() const = 0;
  // One response by respondent key; nullopt when there is none.
  virtual Result<std::optional<ResponseRecord>> GetResponse(std::string_view survey_id,
                                                            std::string_view respondent_key,
                                                            bool with_personal) = 0;

  // Sessions: stored, looked up by token hash (expired ones are not returned), deleted.
  virtual Status PutSession(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> GetSession(std::string_view token_hash,
                                                          int64_t now) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;

  // Invitations: inserted all together (ids are filled in), found by code hash, listed.
  virtual Status PutInvitations(std::vector<InvitationRecord>* invitations) = 0;
  virtual Result<std::optional<InvitationRecord>> FindInvitation(std::string_view code_hash) = 0;
  virtual Result<std::vector<InvitationRecord>> ListInvitations(std::string_view survey_id) = 0;

  // Result codes: links `respondent_key` of the code's survey to the code (created when new).
  virtual Status LinkResultCode(const ResultCodeRecord& code, std::string_view respondent_key) = 0;
  // The code a response is linked to; nullopt when none.
  virtual Result<std::optional<ResultCodeRecord>> ResultCodeOf(std::string_view survey_id,
                                                               std::string_view respondent_key) = 0;
  virtual Result<std::optional<ResultCodeRecord>> FindResultCode(std::string_view code_hash) = 0;
  // The respondent keys linked to a code, in the order they were linked.
  virtual Result<std::vector<std::string>> ResultCodeResponses(std::string_view code_hash) = 0;

  // Vendor customers: created together with their (new) result code; filled: customer_id.
  virtual Status PutVendorCustomer(const ResultCodeRecord& code,
                                   VendorCustomerRecord* customer) = 0;
  // The customers of one vendor, oldest first.
  virtual Result<std::vector<VendorCustomerRecord>> ListVendorCustomers(
      std::string_view vendor) = 0;
  // The customer `customer_id` if it belongs to `vendor`; nullopt otherwise (also when it is
  // another vendor's: callers cannot tell the two apart).
  virtual Result<std::optional<VendorCustomerRecord>> GetVendorCustomer(std::string_view vendor,
                                                                        int64_t customer_id) = 0;
  // Replaces the sealed identity of the customer `customer_id` of `vendor`; NotFound when it is
  // not this vendor's.
  virtual Status UpdateVendorCustomerIdentity(std::string_view vendor, int64_t customer_id,
                                              std::string_view sealed_identity,
                                              std::string_view key_id) = 0;
  // Removes the customer `customer_id` of `vendor` (its identity and link); NotFound when it is
  // not this vendor's. Its diagnoses stay, anonymous, under their result code.
  virtual Status DeleteVendorCustomer(std::string_view vendor, int64_t customer_id) = 0;
  virtual Result<std::optional<VendorCustomerRecord>> FindVendorCustomerByLink(
      std::string_view link_hash) = 0;
  // Every vendor customer of a survey, identities left out.
  virtual Result<std::vector<VendorCustomerCode>> VendorCustomerCodes(
      std::string_view survey_id) = 0;

  // Accounts: created or replaced (password change), looked up, listed.
  virtual Status PutUser(const UserRecord& user) = 0;
  virtual Result<std::optional<UserRecord>> GetUser(std::string_view user_name) = 0;
  virtual Result<std::vector<UserRecord>> ListUsers() = 0;
  // NotFound if there is no such user. Their sessions stop working (LoadAdmin checks the user).
  virtual Status DeleteUser(std::string_view user_name) = 0;
  // The audit log: appended durably; the newest `limit` entries, newest first.
  virtual Status AppendAudit(const AuditRecord& entry) = 0;
  virtual Result<std::vector<AuditRecord>> ListAudit(int limit) = 0;

  // Writes a consistent copy of the whole database to `path` while others keep using it.
  virtual Status Backup(const std::string& path) = 0;
};

// Opens the database at `location` (a file path for SQLite), creating it and applying schema
// migrations as needed.
Result<std::unique_ptr<Storage>> OpenStorage(const std::string& location);

}  // namespace chosa
