// The analysis as an .xlsx workbook (libxlsxwriter) for analysts who restyle tables and charts in
// Excel: a contents sheet, then one sheet per table — simple tallies and cross tables — set up
// for printing (A4, fitted to the page width, the title as page header) with a native Excel
// chart beside each table that reads the table's cells (bars for simple tallies, 100% stacked
// bars for cross tables of single answers, clustered bars for multiple answers). Withheld cells
// (disclosure control) are written as "x" and left out of charts.
#pragma once

#include <string>

#include "analysis/analysis.h"
#include "base/status.h"

namespace chosa {

// Writes `path` via a temporary file renamed into place.
Status WriteReportXlsx(const AnalysisReport& report, const std::string& title,
                       const std::string& path);

}  // namespace chosa
