// An analysis: the simple tallies of every question plus what the analysis file asks for
// (cross tables by each breakdown, number summaries per group), computed from one dataset.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "analysis/analysis_file.h"
#include "analysis/cross_table.h"
#include "tabulation/simple_tally.h"

namespace chosa {

struct AnalysisReport {
  AnalysisSpec spec;
  std::optional<WeightingSummary> weighting;  // when the analysis file weights the data
  TallyReport tally;
  std::vector<CrossTable> cross_tables;  // breakdown by breakdown, questions in order
  std::vector<NumberBreakdown> numbers;
  std::vector<WaveComparison> waves;  // wave by wave, questions in the order listed
  int suppressed_primary = 0, suppressed_complementary = 0;  // disclosure control, when on
};

// What Prepare did to a dataset.
struct PreparedData {
  std::unique_ptr<Questionnaire> questionnaire;  // with the derived variables; outlives the data
  std::optional<WeightingSummary> weighting;
};

// Adds the analysis's derived variables to `data` and applies its weighting. `spec` must have
// passed CheckAnalysis against the dataset's questionnaire. Fails when the weighting cannot be
// computed (the data is then unweighted).
Result<PreparedData> Prepare(const AnalysisSpec& spec, Dataset* data);

// With settings.suppress_below > 1 the report has passed disclosure control (disclosure.h).
// `spec` must have passed CheckAnalysis, and `data` been prepared; waves read from a survey must
// have their figures filled in (FiguresOf). With a weighting, the report's
// weight variable is its id.
AnalysisReport Analyze(const Dataset& data, const AnalysisSpec& spec,
                       const TallyOverrides& overrides = {});

}  // namespace chosa
