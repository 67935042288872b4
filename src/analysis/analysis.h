// An analysis: the simple tallies of every question plus what the analysis file asks for
// (cross tables by each breakdown, number summaries per group), computed from one dataset.
#pragma once

#include <vector>

#include "analysis/analysis_file.h"
#include "analysis/cross_table.h"
#include "tabulation/simple_tally.h"

namespace chosa {

struct AnalysisReport {
  AnalysisSpec spec;
  TallyReport tally;
  std::vector<CrossTable> cross_tables;  // breakdown by breakdown, questions in order
  std::vector<NumberBreakdown> numbers;
};

// `spec` must have passed CheckAnalysis against the dataset's questionnaire.
AnalysisReport Analyze(const Dataset& data, const AnalysisSpec& spec,
                       const TallyOverrides& overrides = {});

}  // namespace chosa
