// Parsing what browsers send: application/x-www-form-urlencoded bodies and Cookie headers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace chosa::web {

// Name/value pairs in order; a name may repeat (checkboxes).
class FormData {
 public:
  // Parses a urlencoded body: '+' is a space, %XX a byte. Fails on bad escapes, invalid UTF-8 or
  // more than `max_fields` fields.
  static Result<FormData> Parse(std::string_view body, size_t max_fields = 4000);

  // The first value of `name`, or "" when absent.
  std::string_view Get(std::string_view name) const;
  // Every value of `name`, in order.
  std::vector<std::string_view> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Whether the form in `body` parses and its `_csrf` field equals `expected`
// (ConstantTimeEquals: an empty token never matches).
bool FormTokenMatches(std::string_view body, std::string_view expected);

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

// Decodes %XX and '+' (for form fields) ; false on a malformed escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);

// Encodes every byte but ALPHA / DIGIT / "-" / "." / "_" / "~" as %XX (a query value).
std::string PercentEncode(std::string_view in);

}  // namespace chosa::web
