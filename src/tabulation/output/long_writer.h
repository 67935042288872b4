// Tallies in the long format of the benchmark anchors (../shared/bench-anchors/WORKLOAD.md):
// header section,var,by,row,col,stat,value with sections gt_sa, gtw_sa (weighted) and gt_ma.
// Percents are of answering respondents (and of mentions for pct_resp), values in shortest
// round-trip form, "NA" for an empty base.
#pragma once

#include <string>

#include "tabulation/table.h"

namespace chosa {

std::string RenderTallyLong(const TallyReport& report);

}  // namespace chosa
