// Fills a Dataset from stored responses or straight from an answer file.
#pragma once

#include <string>
#include <vector>

#include "exchange/answer_rows.h"
#include "exchange/row_issue.h"
#include "exchange/table_source.h"
#include "storage/storage.h"
#include "storage/survey_catalog.h"
#include "tabulation/dataset.h"

namespace chosa {

// Which respondents and how to weight them.
struct DatasetOptions {
  std::string weight_question;  // id of a number question holding each respondent's weight
  bool include_incomplete = false;
  // Read and keep a column snapshot (tabulation/column_cache.h) in the storage's cache
  // directory, valid while the survey's responses are unchanged.
  bool use_snapshot = false;
};

// Loads the survey's complete responses (mapped to the dataset's questionnaire version). Fails
// on storage errors, on an unknown or non-number weight question, or on a missing weight.
// With use_snapshot and an empty `data`, a valid snapshot is read instead of the records, and a
// load from the records leaves one behind (a snapshot that cannot be written is skipped).
Status LoadDatasetFromStorage(Storage& storage, SurveyCatalog& catalog,
                              const DatasetOptions& options, Dataset* data);

// Reads every row of `source`, checked by the answer engine. Rows with errors are not added;
// all problems are returned (warnings included). Fails only when the file cannot be read, the
// header is wrong, or the weight question is invalid.
Result<std::vector<RowIssue>> LoadDatasetFromTable(TableSource& source,
                                                   const AnswerRowOptions& rows,
                                                   const DatasetOptions& options, Dataset* data);

}  // namespace chosa
