#include "exchange/row_issue.h"

#include <fmt/format.h>

namespace chosa {

std::string RowIssue::ToString() const {
  std::string place = where;
  if (!column_name.empty()) place += fmt::format("（{}）", column_name);
  std::string question = question_id.empty() ? "" : fmt::format("問 {}: ", question_id);
  return fmt::format("{}: {}: {}{} [{}]", place, warning ? "警告" : "エラー", question, message,
                     code);
}

}  // namespace chosa
