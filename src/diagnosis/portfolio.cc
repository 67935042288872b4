#include "diagnosis/portfolio.h"

#include <algorithm>

namespace chosa {

std::vector<ItemShare> ItemShares(const Diagnosis& d,
                                  const std::vector<const DiagnosisResult*>& results) {
  std::vector<ItemShare> shares;
  for (const DiagnosisPart& p : d.parts)
    for (const DiagnosisItem& item : p.items) shares.push_back({&item, &p, 0, 0, 0});
  for (const DiagnosisResult* r : results) {
    for (size_t i = 0; i < r->items.size() && i < shares.size(); ++i) {
      shares[i].n += 1;
      shares[i].implemented += r->items[i].implemented() ? 1 : 0;
      shares[i].points += r->items[i].points;
    }
  }
  return shares;
}

std::vector<size_t> WeakestItems(const std::vector<ItemShare>& shares) {
  std::vector<size_t> order;
  for (size_t i = 0; i < shares.size(); ++i)
    if (shares[i].implemented < shares[i].n) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (shares[a].share() != shares[b].share()) return shares[a].share() < shares[b].share();
    return shares[a].mean_points() < shares[b].mean_points();
  });
  return order;
}

}  // namespace chosa
