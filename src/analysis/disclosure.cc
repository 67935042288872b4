#include "analysis/disclosure.h"

#include <map>
#include <set>

namespace chosa {
namespace {

// Withholds one more cell among `cells` (indices), the smallest count first (non-zero counts
// before zeros, which tell less). Returns false when none is left to withhold.
bool WithholdAnother(const std::vector<int64_t>& counts, const std::vector<size_t>& cells,
                     std::vector<bool>* s) {
  size_t best = SIZE_MAX;
  for (size_t i : cells) {
    if ((*s)[i]) continue;
    auto rank = [&](size_t j) { return counts[j] == 0 ? INT64_MAX : counts[j]; };
    if (best == SIZE_MAX || rank(i) < rank(best)) best = i;
  }
  if (best == SIZE_MAX) return false;
  (*s)[best] = true;
  return true;
}

bool ExactlyOneWithheld(const std::vector<size_t>& cells, const std::vector<bool>& s) {
  int n = 0;
  for (size_t i : cells) n += s[i];
  return n == 1;
}

}  // namespace

std::vector<bool> SuppressionPattern(const std::vector<int64_t>& counts, int rows, int cols,
                                     int threshold, bool row_totals, bool col_totals,
                                     std::vector<bool> s) {
  s.resize(counts.size(), false);
  for (size_t i = 0; i < counts.size(); ++i)
    if (counts[i] > 0 && counts[i] < threshold) s[i] = true;
  for (bool changed = true; changed;) {
    changed = false;
    for (int r = 0; row_totals && r < rows; ++r) {
      std::vector<size_t> cells;
      for (int c = 0; c < cols; ++c) cells.push_back(static_cast<size_t>(r) * cols + c);
      if (ExactlyOneWithheld(cells, s)) changed |= WithholdAnother(counts, cells, &s);
    }
    for (int c = 0; col_totals && c < cols; ++c) {
      std::vector<size_t> cells;
      for (int r = 0; r < rows; ++r) cells.push_back(static_cast<size_t>(r) * cols + c);
      if (ExactlyOneWithheld(cells, s)) changed |= WithholdAnother(counts, cells, &s);
    }
  }
  return s;
}

DisclosureSummary ApplyDisclosureControl(int threshold, AnalysisReport* report) {
  DisclosureSummary summary;
  summary.threshold = threshold;
  if (threshold <= 1) return summary;
  // Per question: the option codes withheld in its simple tally / total rows.
  std::map<std::string, std::set<int>> withheld;
  auto option_rows = [](Table& t) {
    std::vector<TableRow*> rows;
    for (TableRow& r : t.rows)
      if (r.kind == RowKind::kOption) rows.push_back(&r);
    return rows;
  };
  std::map<std::string, Table*> tally;
  for (Table& t : report->tally.tables) {
    if (t.type == QuestionType::kText || t.type == QuestionType::kTextArea) continue;
    if (t.type == QuestionType::kNumber) {
      if (t.summary && t.summary->n > 0 && t.summary->n < threshold) t.summary.reset();
      continue;
    }
    tally[t.question_id] = &t;
  }
  // Until the simple tallies and the cross tables agree on what is withheld.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& [id, t] : tally) {
      std::vector<TableRow*> rows = option_rows(*t);
      std::vector<int64_t> counts;
      std::vector<bool> already;
      for (TableRow* r : rows) {
        counts.push_back(r->n);
        already.push_back(withheld[id].count(r->code) > 0);
      }
      std::vector<bool> s = SuppressionPattern(counts, 1, static_cast<int>(counts.size()),
                                               threshold, true, false, already);
      for (size_t i = 0; i < rows.size(); ++i)
        if (s[i]) changed |= withheld[id].insert(rows[i]->code).second;
    }
    for (CrossTable& t : report->cross_tables) {
      int k = static_cast<int>(t.codes.size()), g = static_cast<int>(t.groups.size());
      std::vector<int64_t> counts;
      std::vector<bool> already;
      for (const CrossRow& row : t.groups)
        for (int i = 0; i < k; ++i) counts.push_back(row.n[i]);
      already.assign(counts.size(), false);
      for (int i = 0; i < k; ++i) {  // the total row last
        counts.push_back(t.total.n[i]);
        already.push_back(withheld[t.question_id].count(t.codes[i]) > 0);
      }
      bool single = t.type != QuestionType::kMulti;
      std::vector<bool> s = SuppressionPattern(counts, g + 1, k, threshold, single, true, already);
      for (int i = 0; i < k; ++i) {
        if (s[static_cast<size_t>(g) * k + i])
          changed |= withheld[t.question_id].insert(t.codes[i]).second;
      }
    }
  }
  // Withhold: simple tallies, then cross tables (recomputing their patterns, now stable).
  for (auto& [id, t] : tally) {
    std::vector<int64_t> counts;
    for (TableRow* r : option_rows(*t)) counts.push_back(r->n);
    for (TableRow* r : option_rows(*t)) {
      if (withheld[id].count(r->code) == 0) continue;
      (r->n > 0 && r->n < threshold ? summary.primary : summary.complementary)++;
      r->suppressed = true;
      r->n = 0;
      r->weighted = 0;
      for (auto& p : r->percents) p.reset();
    }
  }
  for (CrossTable& t : report->cross_tables) {
    int k = static_cast<int>(t.codes.size()), g = static_cast<int>(t.groups.size());
    std::vector<int64_t> counts;
    for (const CrossRow& row : t.groups)
      for (int i = 0; i < k; ++i) counts.push_back(row.n[i]);
    std::vector<bool> already(counts.size(), false);
    for (int i = 0; i < k; ++i) {
      counts.push_back(t.total.n[i]);
      already.push_back(withheld[t.question_id].count(t.codes[i]) > 0);
    }
    std::vector<bool> s = SuppressionPattern(counts, g + 1, k, threshold,
                                             t.type != QuestionType::kMulti, true, already);
    auto withhold = [&](CrossRow& row, int r) {
      row.suppressed.assign(k, false);
      for (int i = 0; i < k; ++i) {
        size_t at = static_cast<size_t>(r) * k + i;
        if (!s[at]) continue;
        if (r < g)
          (counts[at] > 0 && counts[at] < threshold ? summary.primary : summary.complementary)++;
        row.suppressed[i] = true;
        row.n[i] = 0;
        row.weighted[i] = 0;
        if (!row.tests.empty()) row.tests[i].reset();
        if (!row.marks.empty()) row.marks[i] = CellMark::kNone;
      }
    };
    for (int r = 0; r < g; ++r) withhold(t.groups[r], r);
    withhold(t.total, g);
  }
  for (NumberBreakdown& nb : report->numbers) {
    for (NumberBreakdown::Cell& c : nb.cells) {
      if (c.summary.n > 0 && c.summary.n < threshold) {
        c.suppressed = true;
        c.summary = NumberSummary{c.summary.n};
      }
    }
  }
  for (WaveComparison& w : report->waves) {
    for (WaveRow& row : w.rows) {
      auto few = [&](const std::optional<double>& pct, int64_t n) {
        double count = pct ? *pct / 100 * static_cast<double>(n) : 0;
        return count > 0.5 && count < threshold - 0.5;
      };
      bool hide = withheld[w.question_id].count(row.code) > 0 || few(row.current, w.current_n) ||
                  few(row.previous, w.previous_n);
      if (!hide) continue;
      row.current.reset();
      row.previous.reset();
      row.test.reset();
      row.mark = CellMark::kNone;
      row.suppressed = true;
    }
  }
  return summary;
}

}  // namespace chosa
