// Exports of the stored answers of a survey in the same wide layout that import reads
// (docs/data-layout.md), plus a codebook: as CSV (text that would start a spreadsheet formula is
// prefixed with ') or as an .xlsx workbook (codes and numbers as numbers, text as text). Personal
// data is never written. Empty cells mean no answer or not applicable (skip logic tells them
// apart on re-import).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/encoding.h"
#include "questionnaire/questionnaire.h"
#include "storage/storage.h"
#include "storage/survey_catalog.h"

namespace chosa {

struct ExportOptions {
  Encoding encoding = Encoding::kUtf8;  // UTF-8 with BOM (Excel opens it), or CP932
  bool include_incomplete = false;      // also responses still in progress
  std::string codebook_path;            // empty: no codebook
};

struct ExportReport {
  int64_t rows = 0;
};

// One response in the export layout: the respondent key and one raw value per column of
// ExportColumns ("" = empty); `numeric[i]` when cell i holds a code or a number.
struct ExportRow {
  std::string respondent_key;
  std::vector<std::string> cells;
  std::vector<bool> numeric;
};

// The column names after "id".
std::vector<std::string> ExportColumns(const Questionnaire& qn);

// Calls `visit` for each response (complete ones unless `include_incomplete`) in storage order,
// decoded into `qn` (the version to export in; older responses are mapped to it).
Status ScanExportRows(Storage& storage, SurveyCatalog& catalog, const Questionnaire& qn,
                      bool include_incomplete,
                      const std::function<Status(const ExportRow&)>& visit);

// The CSV file's bytes in `options.encoding` (codebook_path is ignored).
Result<std::string> AnswersCsv(Storage& storage, SurveyCatalog& catalog, const Questionnaire& qn,
                               const ExportOptions& options, ExportReport* report);

// An .xlsx workbook with the sheets 回答 and コードブック, written to `path` via a temporary file.
Status WriteAnswersXlsx(Storage& storage, SurveyCatalog& catalog, const Questionnaire& qn,
                        const ExportOptions& options, const std::string& path,
                        ExportReport* report);

// Writes `path` (atomically): .xlsx when it ends so, else CSV (plus the codebook CSV when
// options.codebook_path is set).
Result<ExportReport> ExportAnswers(Storage& storage, SurveyCatalog& catalog,
                                   const Questionnaire& qn, const std::string& path,
                                   const ExportOptions& options);

// The codebook: one row per column with question, type, label, value labels and conditions;
// the first row is the header.
std::vector<std::vector<std::string>> CodebookRows(const Questionnaire& qn);
std::string CodebookCsv(const Questionnaire& qn);

}  // namespace chosa
