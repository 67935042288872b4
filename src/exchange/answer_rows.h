// AnswerRowReader: reads respondents' answers from a table in the wide "multiple dichotomy"
// layout (questionnaire/variables.h, docs/data-layout.md) and checks every row with the answer
// engine. Used by `chosa import` and by tabulation straight from a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/answer_engine.h"
#include "exchange/row_issue.h"
#include "exchange/table_source.h"
#include "questionnaire/questionnaire.h"
#include "questionnaire/variables.h"

namespace chosa {

struct AnswerRowOptions {
  std::string id_column = "id";  // the column holding the respondent id
  // File answers: a blank required cell is a 無回答 (warning); answers to skipped questions are
  // errors, because they reveal inconsistent data.
  EngineOptions engine{.incomplete_is_error = false, .drop_inapplicable = false};
};

struct AnswerRow {
  int row = 0;  // the file's row number
  std::string respondent_key;
  Evaluation evaluation;                // typed answers and engine violations
  std::vector<RowIssue> issues;         // every problem of this row, located
  std::vector<std::string_view> cells;  // the row as read (valid until the next row)
  bool ok() const;                      // no error among `issues`
};

class AnswerRowReader {
 public:
  // Reads the header from `source`. Fails on an empty file, a missing id column, duplicate or
  // unknown column names (all listed in the message). Columns missing for a question are warnings
  // appended to `warnings`. `qn` and `source` must outlive the reader.
  static Result<AnswerRowReader> Open(const Questionnaire& qn, TableSource& source,
                                      const AnswerRowOptions& options,
                                      std::vector<RowIssue>* warnings);

  // Reads the next non-empty data row; false at the end. Errors only for unreadable files.
  Result<bool> Next(AnswerRow* row);

  const std::vector<std::string>& header() const { return header_; }

 private:
  enum class ColumnRole : uint8_t { kId, kVariable };
  // What a column holds; compact, as it is consulted for every cell.
  struct Column {
    ColumnRole role = ColumnRole::kVariable;
    VariableKind kind = VariableKind::kCode;
    int question = -1;
    int code = 0;   // kDichotomy, kOtherText
    int item = -1;  // kItemCode
  };

  AnswerRowReader(const Questionnaire& qn, TableSource& source, const AnswerRowOptions& options)
      : qn_(&qn), source_(&source), options_(options) {}
  void DecodeCells(AnswerRow* row);
  void LocateViolations(AnswerRow* row) const;
  RowIssue CellIssue(int column, std::string question_id, std::string code, std::string message,
                     bool warning = false) const;

  const Questionnaire* qn_;
  TableSource* source_;
  AnswerRowOptions options_;
  std::vector<std::string> header_;
  std::vector<Column> columns_;
  std::vector<int> first_column_;  // per question: its first column in this file, or -1
  RawAnswers raw_;
};

}  // namespace chosa
