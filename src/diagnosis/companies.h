// The diagnosis applied to the respondents of a dataset: each company's answers and profile
// (industry code, size class by the legal definition) read from the columns, scored, and the
// scores as peers for comparison.
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

struct CompanyDiagnosis {
  int64_t row = 0;                     // the respondent's position in the dataset
  int industry = 0;                    // the industry answer code, 0 unknown
  int size = 0;                        // PeerSizeOf
  std::map<std::string, int> answers;  // item id -> code
  DiagnosisResult result;
};

// Every respondent of `data` (built on the diagnosis's questionnaire, or one that embeds its
// items and profile questions).
std::vector<CompanyDiagnosis> DiagnoseRespondents(const Diagnosis& d, const Dataset& data);

std::vector<PeerScore> PeerScoresOf(const std::vector<CompanyDiagnosis>& companies);

}  // namespace chosa
