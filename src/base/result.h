// Result<T>: either a value or a non-ok Status. Use for functions that produce something and can
// fail for expected reasons. Accessing value() of an error Result is a programmer error (asserts).
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/status.h"

namespace chosa {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace chosa

// Declares `lhs` from a Result expression, returning its Status from the enclosing function on
// error.
#define CHOSA_ASSIGN_OR_RETURN(lhs, expr)                   \
  auto CHOSA_CONCAT_(chosa_result_, __LINE__) = (expr);     \
  if (!CHOSA_CONCAT_(chosa_result_, __LINE__).ok())         \
    return CHOSA_CONCAT_(chosa_result_, __LINE__).status(); \
  lhs = std::move(CHOSA_CONCAT_(chosa_result_, __LINE__)).value()
