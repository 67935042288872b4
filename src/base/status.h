// Status: the outcome of an operation that can fail for expected reasons (bad input, missing
// file, I/O). Errors carry a code and a message that says where (file:line:col, row, question).
// Messages shown to users are in Japanese. A Status is a small value; copy it freely.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace chosa {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is malformed (parse errors, validation)
  kNotFound,            // a named thing does not exist
  kAlreadyExists,       // a unique key would be duplicated
  kFailedPrecondition,  // the system is not in a state that allows the operation
  kIoError,             // the OS or a database reported an I/O failure
  kCorruption,          // stored data does not decode
  kInternal,            // a bug; should not happen
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "code: message", for logs and test failures.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

std::string_view StatusCodeName(StatusCode code);

}  // namespace chosa

#define CHOSA_CONCAT_INNER_(a, b) a##b
#define CHOSA_CONCAT_(a, b) CHOSA_CONCAT_INNER_(a, b)

// Returns early from the enclosing function when `expr` yields a non-ok Status.
#define CHOSA_RETURN_IF_ERROR(expr)                                  \
  do {                                                               \
    ::chosa::Status CHOSA_CONCAT_(chosa_status_, __LINE__) = (expr); \
    if (!CHOSA_CONCAT_(chosa_status_, __LINE__).ok())                \
      return CHOSA_CONCAT_(chosa_status_, __LINE__);                 \
  } while (0)
