#include "report/findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tabulation/simple_tally.h"

namespace chosa {

std::string ReportPercent(double percent) { return FormatPercent(percent, 1); }

namespace {

struct Ranked {
  std::string label;
  double percent;
  size_t index;  // in the caller's list
};

// The options in descending percent (stable: the questionnaire order breaks ties).
std::vector<Ranked> Rank(std::vector<Ranked> ranked) {
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.percent > b.percent; });
  return ranked;
}

std::string RankingSentence(const std::string& topic, const std::vector<Ranked>& ranked) {
  std::string out = fmt::format("{}について、「{}」の割合が最も高く{}%となっている。", topic,
                                ranked[0].label, ReportPercent(ranked[0].percent));
  if (ranked.size() > 1) {
    std::string next;
    for (size_t i = 1; i < std::min<size_t>(3, ranked.size()); ++i) {
      next += fmt::format("{}「{}（{}%）」", next.empty() ? "" : "、", ranked[i].label,
                          ReportPercent(ranked[i].percent));
    }
    out += fmt::format("次いで、{}となっている。", next);
  }
  return out;
}

}  // namespace

std::string TallyFinding(const Table& t, const std::string& topic) {
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const TableRow& r = t.rows[i];
    if (r.kind != RowKind::kOption || r.suppressed || r.percents.empty() || !r.percents[0])
      continue;
    if (*r.percents[0] <= 0) continue;
    ranked.push_back({r.label, *r.percents[0], i});
  }
  if (ranked.empty()) return "";
  std::string about = !topic.empty() ? topic : !t.item_label.empty() ? t.item_label : t.title;
  return RankingSentence(about, Rank(std::move(ranked)));
}

std::string WaveFinding(const WaveComparison& w) {
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < w.rows.size(); ++i) {
    const WaveRow& r = w.rows[i];
    if (r.code == kNoAnswerCode || r.suppressed || !r.current || *r.current <= 0) continue;
    ranked.push_back({r.label, *r.current, i});
  }
  if (ranked.empty()) return "";
  ranked = Rank(std::move(ranked));
  std::string out = RankingSentence(w.title, ranked);
  const WaveRow* changed = nullptr;
  for (size_t i = 0; i < std::min<size_t>(3, ranked.size()); ++i) {
    const WaveRow& r = w.rows[ranked[i].index];
    if (!r.previous || r.mark == CellMark::kNone) continue;
    if (changed == nullptr ||
        std::fabs(*r.current - *r.previous) > std::fabs(*changed->current - *changed->previous)) {
      changed = &r;
    }
  }
  if (changed != nullptr) {
    out += fmt::format("前回調査と比べ、「{}」は{}%から{}%に{}している。", changed->label,
                       ReportPercent(*changed->previous), ReportPercent(*changed->current),
                       *changed->current > *changed->previous ? "増加" : "減少");
  }
  return out;
}

}  // namespace chosa
