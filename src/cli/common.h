// Helpers shared by the CLI commands: opening the store, resolving the survey to work on,
// printing located problems.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "cli/commands.h"
#include "exchange/row_issue.h"
#include "questionnaire/questionnaire.h"
#include "storage/storage.h"
#include "storage/survey_catalog.h"

namespace chosa::cli {

Result<std::unique_ptr<Storage>> OpenStore(const StoreOptions& options);

// Loads a questionnaire file or built-in by name (checked), printing its diagnostics on failure.
Result<Questionnaire> LoadQuestionnaireArg(const std::string& name_or_path);

// The questionnaire to work with: `questionnaire` (a file or built-in, registered in storage if
// needed) or else the latest registered version of `survey_id`.
Result<const Questionnaire*> ResolveSurvey(Storage& storage, SurveyCatalog& catalog,
                                           const std::string& survey_id,
                                           const std::string& questionnaire);

// An open database with its catalog and the questionnaire to work with.
struct OpenedSurvey {
  std::unique_ptr<Storage> storage;
  std::unique_ptr<SurveyCatalog> catalog;        // refers to *storage
  const Questionnaire* questionnaire = nullptr;  // owned by *catalog
};

// Opens the store and resolves the survey as ResolveSurvey does.
Result<OpenedSurvey> OpenSurvey(const StoreOptions& store, const std::string& survey_id,
                                const std::string& questionnaire);

// Prints up to `limit` issues (errors first if `errors_first`) and a count of the rest.
void PrintIssues(const std::vector<RowIssue>& issues, size_t limit);

// Writes `text` to `path` atomically, or to standard output when `path` is empty; returns the
// exit code.
int WriteOutput(const std::string& path, const std::string& text);

// Prints a failed Status to stderr and returns the matching exit code (1 input, 2 other).
int Fail(const Status& status);

}  // namespace chosa::cli
