// Scoring one company's answers to the self-diagnosis: points per item by the scale (該当しない
// counts as implemented and is marked), the total and its band, points per part, the items to fix
// first, and SECURITY ACTION readiness.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnosis/diagnosis.h"

namespace chosa {

struct ItemScore {
  const DiagnosisItem* item = nullptr;
  const DiagnosisPart* part = nullptr;
  std::optional<int> code;  // the answer; unset when the item was not answered (0 points)
  int points = 0;
  bool not_applicable = false;  // answered 該当しない: scored as implemented
  bool implemented() const { return not_applicable || (code && points >= max_points); }
  int max_points = 4;
};

struct PartScore {
  const DiagnosisPart* part = nullptr;
  int points = 0, max = 0;
};

// SECURITY ACTION (IPA's self-declaration): one star declares the five basic measures (Part 1);
// two stars need this diagnosis done and a written basic policy made known (the last item of
// Part 3 in the built-in diagnosis, `policy_item`).
struct SecurityActionReadiness {
  bool one_star = false;
  std::vector<const DiagnosisItem*> one_star_missing;  // Part 1 items not fully implemented
  bool two_star = false;
  bool policy_missing = false;
};

struct DiagnosisResult {
  int total = 0, max = 0;
  const ScoreBand* band = nullptr;
  std::vector<PartScore> parts;
  std::vector<ItemScore> items;    // in the diagnosis's order
  std::vector<size_t> priorities;  // indexes into `items`: what to fix first
  int unanswered = 0;
  int not_applicable = 0;
  SecurityActionReadiness security_action;
};

// Scores `answers` (item id -> answer code; items missing from the map are unanswered). Codes
// that are not on the scale count as unanswered. Priorities: every item not fully implemented,
// Part 1 first (the basics), then the parts in order; within a part the fewest points first
// (わからない, 実施していない, 一部実施している), then item order.
DiagnosisResult ScoreDiagnosis(const Diagnosis& d, const std::map<std::string, int>& answers,
                               const std::string& policy_item = "D25");

}  // namespace chosa
