// The diagnosis applied to the respondents of a dataset: each company's total score and profile
// (industry code, size class by the legal definition) read from the columns, as peers for
// comparison and as the score band of survey reports.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diagnosis/diagnosis.h"
#include "diagnosis/peers.h"
#include "diagnosis/scoring.h"
#include "tabulation/dataset.h"

namespace chosa {

// Size class codes for peer groups: 1 小規模企業者, 2 中小企業者（小規模企業者を除く）,
// 3 大企業; 0 unknown.
int PeerSizeOf(const DiagnosisProfile& profile, int industry_code, std::optional<double> employees,
               std::optional<int> capital_code);
std::string PeerSizeName(int size);

// Each respondent's total score from the columns of `data` (built on the diagnosis's
// questionnaire, or one that embeds its items with the same ids and codes): the points of
// ScoreDiagnosis, without the advice; nullopt when an item is unanswered or answered off the
// scale. Empty when `data` lacks an item.
std::vector<std::optional<int>> DiagnosisTotals(const Diagnosis& d, const Dataset& data);

// The complete diagnoses of `data` as peers (industry code, size class, total).
std::vector<PeerScore> PeerScoresOf(const Diagnosis& d, const Dataset& data);

}  // namespace chosa
