// ExportAnswers: writes the stored answers of a survey in the same wide layout that import reads
// (docs/data-layout.md), plus a codebook. Personal data is never written. Empty cells mean no
// answer or not applicable (skip logic tells them apart on re-import). Text that would start a
// spreadsheet formula is prefixed with '.
#pragma once

#include <cstdint>
#include <string>

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

// Writes `path` (atomically). `qn` is the version to export in; older responses are mapped to it.
Result<ExportReport> ExportAnswers(Storage& storage, SurveyCatalog& catalog,
                                   const Questionnaire& qn, const std::string& path,
                                   const ExportOptions& options);

// The codebook: one row per column with question, type, label, value labels and conditions.
std::string CodebookCsv(const Questionnaire& qn);

}  // namespace chosa
