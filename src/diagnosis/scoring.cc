#include "diagnosis/scoring.h"

#include <algorithm>

namespace chosa {

DiagnosisResult ScoreDiagnosis(const Diagnosis& d, const std::map<std::string, int>& answers,
                               const std::string& policy_item) {
  DiagnosisResult r;
  int most = d.MaxPoints();
  for (const DiagnosisPart& part : d.parts) {
    PartScore ps{&part, 0, 0};
    for (const DiagnosisItem& item : part.items) {
      ItemScore s;
      s.item = &item;
      s.part = &part;
      s.max_points = most;
      auto it = answers.find(item.id);
      const ScaleEntry* e = it == answers.end() ? nullptr : d.FindScale(it->second);
      if (e != nullptr && e->not_applicable && !item.may_not_apply) e = nullptr;
      if (e != nullptr) {
        s.code = e->code;
        s.points = e->points;
        s.not_applicable = e->not_applicable;
      } else {
        ++r.unanswered;
      }
      r.not_applicable += s.not_applicable ? 1 : 0;
      ps.points += s.points;
      ps.max += most;
      r.items.push_back(s);
    }
    r.total += ps.points;
    r.max += ps.max;
    r.parts.push_back(ps);
  }
  r.band = d.bands.empty() ? nullptr : &d.BandFor(r.total);

  for (size_t i = 0; i < r.items.size(); ++i)
    if (!r.items[i].implemented()) r.priorities.push_back(i);
  std::stable_sort(r.priorities.begin(), r.priorities.end(), [&](size_t a, size_t b) {
    const ItemScore& x = r.items[a];
    const ItemScore& y = r.items[b];
    if (x.part != y.part) return x.part->number < y.part->number;
    return x.points < y.points;
  });

  SecurityActionReadiness& sa = r.security_action;
  if (!d.parts.empty()) {
    for (const ItemScore& s : r.items)
      if (s.part == &d.parts.front() && !s.implemented()) sa.one_star_missing.push_back(s.item);
    sa.one_star = sa.one_star_missing.empty();
  }
  sa.policy_missing = true;
  for (const ItemScore& s : r.items)
    if (s.item->id == policy_item && s.implemented()) sa.policy_missing = false;
  sa.two_star = r.unanswered == 0 && !sa.policy_missing;
  return r;
}

}  // namespace chosa
