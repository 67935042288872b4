// Disclosure control (秘匿処理) for tables that leave the office: every count of 1 to
// threshold − 1 respondents is withheld ("x", primary suppression), and further cells are
// withheld (complementary suppression) until no withheld count can be recovered by subtraction
// from a published total: a table row whose total is published (single answers: the base;
// multiple answers in simple tallies: the mentions) and a cross-table column (the total row is
// the sum of the groups) may not hold exactly one withheld cell. A question's simple tally and
// the total rows of its cross tables show the same counts, so they are withheld alike. Number
// summaries of fewer than `threshold` respondents are withheld, and previous-wave percents that
// stand for so few respondents. Withheld cells lose their counts, percents and tests.
#pragma once

#include "analysis/analysis.h"

namespace chosa {

struct DisclosureSummary {
  int threshold = 0;
  int primary = 0;        // cells withheld for their own count
  int complementary = 0;  // cells withheld to protect others
};

DisclosureSummary ApplyDisclosureControl(int threshold, AnalysisReport* report);

// The suppression pattern of one table of counts (rows x cols, row-major), for tests and for
// the report: `row_totals` / `col_totals` say which sums are published.
std::vector<bool> SuppressionPattern(const std::vector<int64_t>& counts, int rows, int cols,
                                     int threshold, bool row_totals, bool col_totals,
                                     std::vector<bool> already = {});

}  // namespace chosa
