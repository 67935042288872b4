// Figures over many companies' diagnoses (an IT vendor's customers, or all vendors' customers
// anonymously): how many implement each item, and which items are the weakest.
#pragma once

#include <cstddef>
#include <vector>

#include "diagnosis/scoring.h"

namespace chosa {

struct ItemShare {
  const DiagnosisItem* item = nullptr;
  const DiagnosisPart* part = nullptr;
  size_t implemented = 0;  // companies that implement it (該当しない included)
  size_t n = 0;            // companies counted
  int points = 0;          // their points on it, summed
  double share() const { return n == 0 ? 0 : static_cast<double>(implemented) / n; }
  double mean_points() const { return n == 0 ? 0 : static_cast<double>(points) / n; }
};

// Per item of `d`, in the diagnosis's order, over `results` (each scored with `d`).
std::vector<ItemShare> ItemShares(const Diagnosis& d,
                                  const std::vector<const DiagnosisResult*>& results);

// Indexes into `shares`, weakest first: the fewest companies implementing, then the fewest
// points, then the diagnosis's order; items every company implements are left out.
std::vector<size_t> WeakestItems(const std::vector<ItemShare>& shares);

}  // namespace chosa
