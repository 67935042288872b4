// Tallies as one tidy CSV (UTF-8 with BOM): a line per table row and base, with counts, exact and
// displayed percents. Columns: question, number, title, type, base, base_n, row_kind, code,
// label, n, weighted_n, percent, percent_display.
#pragma once

#include <string>

#include "tabulation/table.h"

namespace chosa {

std::string RenderTallyCsv(const TallyReport& report);

}  // namespace chosa
