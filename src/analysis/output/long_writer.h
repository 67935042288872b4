// An analysis in the long format of the benchmark anchors (../shared/bench-anchors/WORKLOAD.md):
// the simple tallies' sections (gt_sa, gtw_sa, gt_ma) followed by xt_sa and xt_ma (row = option
// code, col = group code: n and colpct, and the base per group), xt_test (z and two-sided p of
// each group against the total, "NA" where undefined; not part of the workload), chisq (X2, df,
// p) and num (n, mean, median, max per group). Weighted data adds xtw_sa / xtw_ma (wn and
// colpct of weights per cell, wn per group base) and, with an analysis weighting, a section
// weighting (n, sum, neff, unknown). Previous-wave comparisons: section wave (row = option code
// or base; col previous / current: pct and n; col diff: z and p). Unweighted counts and percents;
// "NA" where a base is empty.
#pragma once

#include <string>

#include "analysis/analysis.h"

namespace chosa {

std::string RenderAnalysisLong(const AnalysisReport& report);

}  // namespace chosa
