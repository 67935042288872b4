// Cross tables and number breakdowns for the terminal, after the simple tallies: one block per
// table with the total row first, n per row (small bases marked), the percent of each option
// with ▲/▼ (strict level) or △/▽ (loose level) against the total, the chi-square test, and a
// legend of the option labels. Widths count East Asian wide characters as two columns.
#pragma once

#include <string>

#include "analysis/analysis.h"

namespace chosa {

std::string RenderAnalysisText(const AnalysisReport& report);

// "▲", "▼", "△", "▽" or "".
std::string_view MarkText(CellMark mark);

}  // namespace chosa
