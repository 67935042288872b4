// Tallies as an .xlsx workbook (libxlsxwriter): one sheet 単純集計 with every table stacked,
// formatted for A4 printing; percents are written as the displayed (rounded) numbers.
#pragma once

#include <string>

#include "base/status.h"
#include "tabulation/table.h"

namespace chosa {

// Writes `path` (via a temporary file renamed into place).
Status WriteTallyXlsx(const TallyReport& report, const std::string& path);

}  // namespace chosa
