// Simple tallies (単純集計, GT) of every question of a dataset, as seeds 001 and 002 publish them:
// base n, counts and percents, 無回答 and 非該当 rows, multi answers as percents of respondents
// or of mentions, one or more bases, option order or count order with その他 and 無回答 last.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tabulation/dataset.h"
#include "tabulation/table.h"

namespace chosa {

// Settings that override the questionnaire's (both its defaults and per-question settings).
struct TallyOverrides {
  std::optional<int> decimals;
  std::optional<std::vector<TableBase>> bases;
  std::optional<PercentOf> percent_of;
  std::optional<RowOrder> order;
  std::vector<std::string> only;  // question ids to tabulate; empty = all
  std::vector<std::string> skip;  // question ids to leave out
};

// Tallies every non-personal question (each grid item as its own table).
TallyReport SimpleTally(const Dataset& data, const TallyOverrides& overrides = {});

// The counts a simple tally is made of, per option index (weighted sums == counts when the data
// is unweighted); multi answers: n are mentions, `answered` the respondents who answered.
struct TallyCounts {
  std::vector<int64_t> n;
  std::vector<double> w;
  int64_t answered = 0, no_answer = 0, not_applicable = 0;
  double answered_w = 0, no_answer_w = 0, not_applicable_w = 0;
  int64_t mentions = 0;
  double mentions_w = 0;
};

// The simple tally table of single-answer or multi question `question` (grid: item `item`,
// else -1) from counts gathered elsewhere (cross tabulation counts them on its way), exactly as
// SimpleTally would build it.
Table TallyTable(const Dataset& data, int question, int item, const TallyCounts& counts,
                 const TallyOverrides& overrides = {});

// n, mean, median (the mean of the two middle values when n is even), min, max, sd (n - 1) and
// the weighted mean of `values`; `weights` has one weight per value.
NumberSummary SummarizeValues(std::vector<double> values, const std::vector<double>& weights);

// Formats an exact percent with `decimals` digits, rounding half up on the exact fraction
// count / base (integers), e.g. (1, 8, 0) -> "13". Empty base -> "-".
std::string FormatPercent(int64_t count, int64_t base, int decimals);
// The same for weighted values (half up on the double value).
std::string FormatPercent(double percent, int decimals);

}  // namespace chosa
