// Short Japanese findings generated from a table's numbers, in the style of seed 002's report:
//   「…」の割合が最も高く55.1%となっている。次いで、「…（26.6%）」、「…（3.8%）」となっている。
#pragma once

#include <string>

#include "analysis/cross_table.h"
#include "tabulation/table.h"

namespace chosa {

// The finding for a simple tally: the option with the largest percent, then the next two
// (options with no respondents are not named). `topic` (default: the table's title) starts the
// sentence as "▪ {topic}について、". Empty when no option has a percent.
std::string TallyFinding(const Table& t, const std::string& topic = "");

// A percent as the report prints it: one decimal, half up ("55.1").
std::string ReportPercent(double percent);

}  // namespace chosa
