// ECharts options (JSON) for the report's charts, drawn as the seeds draw them: single answers as
// a 100% bar with n, multiple answers as bars sorted by percent, cross tables of single answers
// as 100% stacked bars per group and of multiple answers as grouped bars, previous vs current as
// paired bars. Percents are rounded to one decimal; no animation (the PDF prints at once).
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/cross_table.h"
#include "analysis/waves.h"
#include "tabulation/table.h"

namespace chosa {

nlohmann::json TallyChart(const Table& t);
nlohmann::json CrossChart(const CrossTable& t);
nlohmann::json WaveChart(const WaveComparison& w);

}  // namespace chosa
