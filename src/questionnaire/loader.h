// Reads a questionnaire definition from YAML (docs/questionnaire-format.md) and checks it
// (checker.h). Every problem is reported with file:line:column; loading does not stop at the
// first one, so `chosa check` can list them all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "questionnaire/questionnaire.h"
#include "questionnaire/source_location.h"

namespace chosa {

struct LoadResult {
  std::optional<Questionnaire> questionnaire;  // set only when there are no errors
  std::vector<Diagnostic> diagnostics;         // errors and warnings in file order
  bool ok() const { return questionnaire.has_value(); }
  int ErrorCount() const;
};

// Parses and checks YAML text. `source_name` is used in locations. Never throws.
LoadResult LoadQuestionnaireText(std::string_view yaml, const std::string& source_name);

// Reads `path` and loads it. A file that cannot be read is one diagnostic.
LoadResult LoadQuestionnaireFile(const std::string& path);

// Convenience for callers that only need the questionnaire: the errors joined into one Status.
Result<Questionnaire> LoadQuestionnaire(const std::string& path);
Result<Questionnaire> ParseQuestionnaire(std::string_view yaml, const std::string& source_name);

}  // namespace chosa
