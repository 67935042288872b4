// Writing CSV the way Excel in Japan reads it: CRLF line ends, fields quoted when they hold a
// comma, quote or line break, and text that would start a spreadsheet formula neutralised.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace chosa {

// Appends one record to `out`.
void AppendCsvRecord(std::string* out, std::span<const std::string> fields);

// Prefixes a ' to text beginning with = + - @ (or tab/CR), which spreadsheets would run as a
// formula (CSV injection). Other text is returned unchanged.
std::string GuardFormula(std::string_view text);

}  // namespace chosa
