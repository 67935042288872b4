// Short Japanese findings generated from a table's numbers, in the style of seed 002's report:
//   「…」の割合が最も高く55.1%となっている。次いで、「…（26.6%）」、「…（3.8%）」となっている。
#pragma once

#include <string>

#include "analysis/cross_table.h"
#include "analysis/waves.h"
#include "tabulation/table.h"

namespace chosa {

// The finding for a simple tally: the option with the largest percent, then the next two
// (options with no respondents are not named; 無回答 never). `topic` (default: the table's title,
// for a grid item its label) starts the sentence as "{topic}について、". Empty when no option has
// a percent.
std::string TallyFinding(const Table& t, const std::string& topic = "");

// The finding for a previous-wave comparison: the ranking sentence of the current wave (as
// TallyFinding), then, of the three options it names, the one that changed most, when that change
// is significant at the loose level: "前回調査と比べ、「…」は38.6%から46.2%に増加している。"
std::string WaveFinding(const WaveComparison& w);

// A percent as the report prints it: one decimal, half up ("55.1").
std::string ReportPercent(double percent);

}  // namespace chosa
