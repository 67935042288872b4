// ImportAnswers: loads respondents' answers from a CSV/.xlsx file into storage. Every row is
// checked by the answer engine. By default the import is all-or-nothing: any error and nothing is
// written. With `skip_invalid`, valid rows go in and rejected rows are written to a CSV file with
// their reasons. A respondent id already in the survey (or twice in the file) is an error unless
// `replace` is set, in which case the stored response is replaced.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exchange/answer_rows.h"
#include "exchange/row_issue.h"
#include "exchange/table_source.h"
#include "questionnaire/questionnaire.h"
#include "storage/storage.h"
#include "storage/vault.h"

namespace chosa {

struct ImportOptions {
  AnswerRowOptions rows;      // id column, engine rules
  bool replace = false;       // replace responses whose respondent id is already stored
  bool skip_invalid = false;  // import valid rows, reject the others (see rejects_path)
  std::string rejects_path;   // with skip_invalid: CSV of rejected rows + reasons (UTF-8 BOM)
  Channel channel = Channel::kFile;
};

struct ImportReport {
  int64_t rows_read = 0;
  int64_t rows_imported = 0;  // inserted or replaced
  int64_t rows_replaced = 0;
  int64_t rows_rejected = 0;
  bool committed = false;        // false: nothing was written
  std::vector<RowIssue> issues;  // errors and warnings, in file order
  int ErrorCount() const;
};

// `vault` seals personal answers; it may be null when the questionnaire has no personal questions
// or the file has no personal columns (a personal answer without a vault is an error). The
// questionnaire must already be registered in `storage` (survey id and version).
// Returns an error Status only when the file cannot be read at all or storage fails; problems
// with the data are in the report.
Result<ImportReport> ImportAnswers(Storage& storage, const Vault* vault, const Questionnaire& qn,
                                   TableSource& source, const ImportOptions& options);

// The associated data that binds a sealed personal record to its response.
std::string PersonalDataBinding(std::string_view survey_id, std::string_view respondent_key);

}  // namespace chosa
