#include "questionnaire/source_location.h"

#include <fmt/format.h>

namespace chosa {

std::string SourceLocation::ToString() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Diagnostic::ToString() const {
  return fmt::format("{}: {}: {} [{}]", location.ToString(), warning ? "警告" : "エラー", message,
                     code);
}

}  // namespace chosa
