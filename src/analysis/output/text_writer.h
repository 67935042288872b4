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

// What every writer shows for cell `i` of a cross-table row: "x" when withheld, "-" without a
// base, else the percent with `decimals` digits and its mark.
std::string CrossCellText(const CrossRow& row, size_t i, int decimals);
// "カイ二乗検定: χ² = 12.345、自由度 4、p = 0.01234".
std::string ChiSquareText(const ChiSquareTest& test);
// The legend of small bases and marks under the analysis's settings.
std::string CrossLegend(const AnalysisSettings& settings);

}  // namespace chosa
