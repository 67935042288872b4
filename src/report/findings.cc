#include "report/findings.h"

#include <fmt/format.h>

#include <algorithm>

#include "tabulation/simple_tally.h"

namespace chosa {

std::string ReportPercent(double percent) { return FormatPercent(percent, 1); }

std::string TallyFinding(const Table& t, const std::string& topic) {
  struct Ranked {
    const TableRow* row;
    double percent;
  };
  std::vector<Ranked> ranked;
  for (const TableRow& r : t.rows) {
    if (r.kind != RowKind::kOption || r.suppressed || r.percents.empty() || !r.percents[0])
      continue;
    if (*r.percents[0] <= 0) continue;
    ranked.push_back({&r, *r.percents[0]});
  }
  if (ranked.empty()) return "";
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.percent > b.percent; });
  std::string out = fmt::format("{}について、「{}」の割合が最も高く{}%となっている。",
                                topic.empty() ? t.title : topic, ranked[0].row->label,
                                ReportPercent(ranked[0].percent));
  if (ranked.size() > 1) {
    std::string next;
    for (size_t i = 1; i < std::min<size_t>(3, ranked.size()); ++i) {
      next += fmt::format("{}「{}（{}%）」", next.empty() ? "" : "、", ranked[i].row->label,
                          ReportPercent(ranked[i].percent));
    }
    out += fmt::format("次いで、{}となっている。", next);
  }
  return out;
}

}  // namespace chosa
