// Weighting (ウエイト付け) to known population figures, as the analysis file asks
// (docs/analysis.md):
//  - post-stratification: each respondent's weight is N_h / n_h for the stratum h formed by one
//    or more single-answer variables (e.g. industry x size from the economic census);
//  - raking (iterative proportional fitting) to the margins of several variables, until every
//    margin is met within the tolerance.
// Respondents whose stratum (or a raking variable) is unknown keep the mean weight of the rest
// (post-stratification) or are left out of that margin's adjustment (raking). The effective
// sample size (Kish) is (Σw)² / Σw².
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "questionnaire/source_location.h"
#include "tabulation/dataset.h"

namespace chosa {

struct WeightingSpec {
  enum class Method { kNone, kPostStratify, kRake };
  Method method = Method::kNone;
  std::string id = "weight";           // the name the weight is shown under
  std::vector<std::string> variables;  // single-answer questions or derived variables
  // Post-stratification: population per stratum, the codes in `variables` order.
  std::map<std::vector<int>, double> strata;
  // Raking: one margin per variable, code -> population.
  std::vector<std::map<int, double>> margins;
  int max_iterations = 100;
  double tolerance = 1e-10;  // relative, on every margin
  SourceLocation location;
};

struct WeightingSummary {
  std::string method;  // "事後層化" or "レイキング"
  int64_t respondents = 0;
  int64_t unknown = 0;  // respondents with an unknown stratum / raking variable
  double sum_weights = 0;
  double effective_n = 0;    // (Σw)² / Σw²
  double design_effect = 0;  // n / effective_n
  double min_weight = 0, max_weight = 0;
  int iterations = 0;              // raking
  std::vector<std::string> notes;  // e.g. strata with population but no respondents
};

// Computes the weights and sets them on `data`. InvalidArgument (in Japanese, naming the
// stratum or margin) when a stratum has respondents but no population figure, when a margin
// level with respondents has no figure, when the margins' totals differ, or when raking does not
// converge.
Result<WeightingSummary> ApplyWeighting(const WeightingSpec& spec, Dataset* data);

// Kish's effective sample size of `weights`.
double EffectiveSampleSize(const std::vector<double>& weights);

}  // namespace chosa
