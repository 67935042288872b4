// What every tally writer shows the same way: percent texts, base names, type names.
#pragma once

#include <string>

#include "tabulation/table.h"

namespace chosa {

// The percent of `row` under base `base_index` as printed with the table's decimals: rounding
// half up on the exact fraction when unweighted; "―" where the row is not in that base.
std::string DisplayPercent(const Table& t, const TableRow& row, size_t base_index);

// "全体" (all respondents), "該当者" (applicable), "回答者" (answered).
std::string BaseName(TableBase kind);
// "all", "applicable", "answered".
std::string BaseKey(TableBase kind);
// "単一回答", "複数回答", ...
std::string TypeName(QuestionType type);
// A count as printed: integer when unweighted, one decimal when weighted.
std::string DisplayCount(const Table& t, int64_t n, double weighted);

}  // namespace chosa
