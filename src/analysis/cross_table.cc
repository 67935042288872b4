#include "analysis/cross_table.h"

#include "tabulation/simple_tally.h"

namespace chosa {
namespace {

// Counts of one question by one grouping: (levels + 1) x (options + 3) cells, the last row for
// respondents whose group is unknown; column `options` for codes that are not options, then
// no-answers, then not-applicable respondents (in the base only with settings.base: applicable
// and only the no-answers; counted always, for the simple tally).
struct Cells {
  int rows = 0, cols = 0;
  std::vector<int64_t> n;
  std::vector<double> w;
  void Reset(int levels, int options) {
    rows = levels + 1;
    cols = options + 3;
    n.assign(static_cast<size_t>(rows) * cols, 0);
    w.assign(n.size(), 0);
  }
};

std::string Title(const Question& q) { return q.title.empty() ? q.text : q.title; }

// The row's option cells, then its no-answer cell when `no_answer`.
CrossRow RowFrom(const Cells& c, int row, int code, std::string label, bool no_answer) {
  CrossRow r;
  r.code = code;
  r.label = std::move(label);
  size_t k = static_cast<size_t>(c.cols - 3), at = static_cast<size_t>(row) * c.cols;
  r.n.assign(c.n.begin() + static_cast<long>(at), c.n.begin() + static_cast<long>(at + k));
  r.weighted.assign(c.w.begin() + static_cast<long>(at), c.w.begin() + static_cast<long>(at + k));
  if (no_answer) {
    r.n.push_back(c.n[at + k + 1]);
    r.weighted.push_back(c.w[at + k + 1]);
  }
  return r;
}

// Fills the marks and small-base flags once the counts are in.
void Finish(const AnalysisSettings& settings, CrossTable* t) {
  t->total.small = t->total.base < settings.small_base;
  for (CrossRow& g : t->groups) {
    g.small = g.base < settings.small_base;
    g.tests.clear();
    g.marks.clear();
    for (size_t i = 0; i < t->codes.size(); ++i) {
      if (t->codes[i] == kNoAnswerCode) {
        g.tests.emplace_back();
        g.marks.push_back(CellMark::kNone);
        continue;
      }
      g.tests.push_back(SubgroupVsTotal(static_cast<double>(g.n[i]), static_cast<double>(g.base),
                                        static_cast<double>(t->total.n[i]),
                                        static_cast<double>(t->total.base)));
      g.marks.push_back(MarkFor(g.tests.back(), settings.loose_level, settings.strict_level));
    }
  }
}

// One pass over the respondents. `Each(r, add)` calls add(position) for every option respondent
// r chose (position == options for a code that is no option) and returns false when r did not
// answer. With kCountBases, answering respondents are counted per row in `bases` (single answers
// do without: a row's base is the sum of its cells).
template <bool kWeighted, bool kCountBases, typename Each>
void Count(const Dataset& data, const std::vector<const Grouping*>& by, Each&& each,
           std::vector<Cells>* cells, std::vector<std::vector<int64_t>>* bases,
           std::vector<std::vector<double>>* bases_w) {
  struct Target {
    const uint16_t* rows;
    size_t cols;
    int64_t* n;
    double* w;
    int64_t* base;
    double* base_w;
  };
  std::vector<Target> targets;
  for (size_t b = 0; b < by.size(); ++b) {
    Cells& c = (*cells)[b];
    targets.push_back({by[b]->rows.data(), static_cast<size_t>(c.cols), c.n.data(), c.w.data(),
                       (*bases)[b].data(), (*bases_w)[b].data()});
  }
  const double* weights = data.weights().data();
  for (int64_t r = 0; r < data.size(); ++r) {
    double w = kWeighted ? weights[r] : 1.0;
    bool answered = each(r, [&](int pos) {
      for (Target& t : targets) {
        size_t i = t.rows[r] * t.cols + static_cast<size_t>(pos);
        ++t.n[i];
        if (kWeighted) t.w[i] += w;
      }
    });
    if (!kCountBases || !answered) continue;
    for (Target& t : targets) {
      ++t.base[t.rows[r]];
      if (kWeighted) t.base_w[t.rows[r]] += w;
    }
  }
}

// The simple tally's counts: every row of one grouping's cells added up.
TallyCounts TotalCounts(const Cells& c, const std::vector<int64_t>& bases,
                        const std::vector<double>& bases_w, int k, bool multi, bool count_no_answer,
                        bool weighted) {
  TallyCounts t;
  t.n.assign(static_cast<size_t>(k), 0);
  t.w.assign(static_cast<size_t>(k), 0);
  int64_t other = 0;  // answers with a code that is no option
  double other_w = 0;
  for (int row = 0; row < c.rows; ++row) {
    size_t at = static_cast<size_t>(row) * c.cols;
    for (int i = 0; i < k; ++i) {
      t.n[i] += c.n[at + i];
      t.w[i] += c.w[at + i];
    }
    other += c.n[at + k];
    other_w += c.w[at + k];
    t.no_answer += c.n[at + k + 1];
    t.no_answer_w += c.w[at + k + 1];
    t.not_applicable += c.n[at + k + 2];
    t.not_applicable_w += c.w[at + k + 2];
  }
  if (!weighted) {
    t.w.assign(t.n.begin(), t.n.end());
    other_w = static_cast<double>(other);
    t.no_answer_w = static_cast<double>(t.no_answer);
    t.not_applicable_w = static_cast<double>(t.not_applicable);
  }
  if (multi) {
    for (size_t row = 0; row < bases.size(); ++row) {
      t.answered += bases[row];
      t.answered_w += weighted ? bases_w[row] : static_cast<double>(bases[row]);
    }
    if (count_no_answer) {
      t.answered -= t.no_answer;
      t.answered_w -= t.no_answer_w;
    }
    for (int i = 0; i < k; ++i) {
      t.mentions += t.n[i];
      t.mentions_w += t.w[i];
    }
  } else {
    t.answered = other;
    t.answered_w = other_w;
    for (int i = 0; i < k; ++i) {
      t.answered += t.n[i];
      t.answered_w += t.w[i];
    }
  }
  return t;
}

}  // namespace

std::optional<double> CrossRow::Percent(size_t i) const {
  if (base_weighted <= 0 || (!suppressed.empty() && suppressed[i])) return std::nullopt;
  return 100.0 * weighted[i] / base_weighted;
}

Grouping GroupsOf(const Dataset& data, int by) {
  Grouping g;
  g.by = by;
  g.levels = static_cast<int>(data.questionnaire().questions[by].options.size());
  const QuestionColumn& c = data.column(by);
  g.groups.assign(static_cast<size_t>(data.size()), -1);
  g.rows.assign(static_cast<size_t>(data.size()), static_cast<uint16_t>(g.levels));
  for (int64_t r = 0; r < data.size(); ++r) {
    if (c.states[r] != AnswerState::kAnswered) continue;
    g.groups[r] = static_cast<int16_t>(data.OptionIndex(by, c.codes[r]));
    if (g.groups[r] >= 0) g.rows[r] = static_cast<uint16_t>(g.groups[r]);
  }
  return g;
}

std::optional<Grouping> JointGrouping(const std::vector<const Grouping*>& by) {
  constexpr int64_t kMaxCells = 4096;
  if (by.size() < 2) return std::nullopt;
  int64_t cells = 1;
  for (const Grouping* g : by) {
    cells *= g->levels + 1;
    if (cells > kMaxCells) return std::nullopt;
  }
  Grouping joint;
  joint.levels = static_cast<int>(cells - 1);
  size_t n = by[0]->rows.size();
  joint.rows.assign(n, 0);
  uint16_t stride = 1;
  for (const Grouping* g : by) {  // the first grouping varies fastest
    for (size_t r = 0; r < n; ++r) joint.rows[r] += static_cast<uint16_t>(g->rows[r] * stride);
    stride = static_cast<uint16_t>(stride * (g->levels + 1));
  }
  return joint;
}

std::vector<CrossTable> CrossTabulate(const Dataset& data, int question, int item,
                                      const std::vector<const Grouping*>& by,
                                      const std::vector<bool>& chi_square,
                                      const AnalysisSettings& settings, const Grouping* joint,
                                      TallyCounts* total) {
  const Questionnaire& qn = data.questionnaire();
  const Question& q = qn.questions[question];
  const QuestionColumn& c = data.column(question);
  int k = static_cast<int>(q.options.size());
  std::vector<Cells> cells(by.size());
  std::vector<std::vector<int64_t>> bases(by.size());
  std::vector<std::vector<double>> bases_w(by.size());
  for (size_t b = 0; b < by.size(); ++b) {
    cells[b].Reset(by[b]->levels, k);
    bases[b].assign(static_cast<size_t>(by[b]->levels) + 1, 0);
    bases_w[b].assign(bases[b].size(), 0);
  }
  // With a joint grouping, respondents are counted once in its cells and the cells are then
  // added up into each grouping's (fewer updates per respondent than one per grouping).
  std::vector<const Grouping*> targets = by;
  std::vector<Cells> joint_cells(1);
  std::vector<std::vector<int64_t>> joint_bases(1);
  std::vector<std::vector<double>> joint_bases_w(1);
  if (joint != nullptr) {
    targets = {joint};
    joint_cells[0].Reset(joint->levels, k);
    joint_bases[0].assign(static_cast<size_t>(joint->levels) + 1, 0);
    joint_bases_w[0].assign(joint_bases[0].size(), 0);
  }
  std::vector<Cells>* into = joint != nullptr ? &joint_cells : &cells;
  std::vector<std::vector<int64_t>>* into_bases = joint != nullptr ? &joint_bases : &bases;
  std::vector<std::vector<double>>* into_bases_w = joint != nullptr ? &joint_bases_w : &bases_w;
  bool multi = q.type == QuestionType::kMulti;
  bool count_no_answer = settings.base_applicable;
  // Counts a respondent who did not answer in the no-answer or not-applicable column; true when
  // that puts them in the base.
  auto unanswered = [&](AnswerState state, auto&& add) {
    bool skipped = state == AnswerState::kNotApplicable;
    add(skipped ? k + 2 : k + 1);
    return !skipped && count_no_answer;
  };
  auto run = [&](auto&& each) {
    if (data.weighted() && multi) {
      Count<true, true>(data, targets, each, into, into_bases, into_bases_w);
    } else if (data.weighted()) {
      Count<true, false>(data, targets, each, into, into_bases, into_bases_w);
    } else if (multi) {
      Count<false, true>(data, targets, each, into, into_bases, into_bases_w);
    } else {
      Count<false, false>(data, targets, each, into, into_bases, into_bases_w);
    }
  };
  if (multi) {
    run([&](int64_t r, auto&& add) {
      if (c.states[r] != AnswerState::kAnswered) return unanswered(c.states[r], add);
      const uint64_t* bits = &c.bits[static_cast<size_t>(r) * c.words];
      for (int word = 0; word < c.words; ++word)
        for (uint64_t x = bits[word]; x != 0; x &= x - 1) add(word * 64 + __builtin_ctzll(x));
      return true;
    });
  } else {
    size_t stride = item >= 0 ? q.items.size() : 1;
    size_t offset = item >= 0 ? static_cast<size_t>(item) : 0;
    run([&](int64_t r, auto&& add) {
      if (c.states[r] != AnswerState::kAnswered) return unanswered(c.states[r], add);
      int code = c.codes[static_cast<size_t>(r) * stride + offset];
      if (item >= 0 && code == 0) return unanswered(AnswerState::kNoAnswer, add);  // item blank
      int pos = q.OptionPosition(code);
      add(pos < 0 ? k : pos);
      return true;
    });
  }

  if (joint != nullptr) {  // each joint row into the row of every grouping it stands for
    const Cells& jc = joint_cells[0];
    size_t stride = 1;
    for (size_t b = 0; b < by.size(); ++b) {
      Cells& cb = cells[b];
      size_t levels = static_cast<size_t>(by[b]->levels) + 1;
      for (int j = 0; j < jc.rows; ++j) {
        size_t row = (static_cast<size_t>(j) / stride) % levels;
        for (int col = 0; col < jc.cols; ++col) {
          cb.n[row * cb.cols + col] += jc.n[static_cast<size_t>(j) * jc.cols + col];
          cb.w[row * cb.cols + col] += jc.w[static_cast<size_t>(j) * jc.cols + col];
        }
        bases[b][row] += joint_bases[0][j];
        bases_w[b][row] += joint_bases_w[0][j];
      }
      stride *= levels;
    }
  }
  if (total != nullptr)
    *total =
        TotalCounts(cells[0], bases[0], bases_w[0], k, multi, count_no_answer, data.weighted());
  if (!multi) {  // a row's base: its answers (codes that are no option included), no-answers
    int in_base = k + 1 + (count_no_answer ? 1 : 0);  // when counted
    for (size_t b = 0; b < by.size(); ++b) {
      const Cells& cb = cells[b];
      for (int row = 0; row < cb.rows; ++row) {
        for (int col = 0; col < in_base; ++col) {
          bases[b][row] += cb.n[static_cast<size_t>(row) * cb.cols + col];
          bases_w[b][row] += cb.w[static_cast<size_t>(row) * cb.cols + col];
        }
      }
    }
  }
  std::vector<CrossTable> tables;
  for (size_t b = 0; b < by.size(); ++b) {
    const Question& bq = qn.questions[by[b]->by];
    const Cells& cb = cells[b];
    CrossTable t;
    t.question_id = item >= 0 ? q.id + "_" + q.items[item].id : q.id;
    t.number = q.number;
    t.title = Title(q);
    if (item >= 0) t.title += "：" + q.items[item].label;
    t.type = q.type;
    t.by_id = bq.id;
    t.by_title = Title(bq);
    t.weighted = data.weighted();
    for (const Option& o : q.options) {
      t.codes.push_back(o.code);
      t.labels.push_back(o.label);
    }
    if (count_no_answer) {
      t.codes.push_back(kNoAnswerCode);
      t.labels.push_back("無回答");
    }
    int columns = static_cast<int>(t.codes.size());
    t.total.label = "全体";
    t.total.n.assign(columns, 0);
    t.total.weighted.assign(columns, 0);
    for (int row = 0; row < cb.rows; ++row) {
      for (int i = 0; i < columns; ++i) {
        size_t at = static_cast<size_t>(row) * cb.cols + (i < k ? i : k + 1);
        t.total.n[i] += cb.n[at];
        t.total.weighted[i] += cb.w[at];
      }
      t.total.base += bases[b][row];
      t.total.base_weighted +=
          data.weighted() ? bases_w[b][row] : static_cast<double>(bases[b][row]);
    }
    if (!data.weighted()) t.total.weighted.assign(t.total.n.begin(), t.total.n.end());
    for (int g = 0; g < by[b]->levels; ++g) {
      CrossRow row = RowFrom(cb, g, bq.options[g].code, bq.options[g].label, count_no_answer);
      row.base = bases[b][g];
      row.base_weighted = data.weighted() ? bases_w[b][g] : static_cast<double>(row.base);
      if (!data.weighted()) row.weighted.assign(row.n.begin(), row.n.end());
      t.groups.push_back(std::move(row));
    }
    Finish(settings, &t);
    if (chi_square[b] && q.type != QuestionType::kMulti) {
      std::vector<double> counts;
      for (const CrossRow& g : t.groups)
        for (int i = 0; i < k; ++i) counts.push_back(static_cast<double>(g.n[i]));
      t.chi_square = PearsonChiSquare(counts, static_cast<int>(t.groups.size()), k);
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

NumberBreakdown SummarizeNumbers(const Dataset& data, int question, const Grouping& by) {
  const Questionnaire& qn = data.questionnaire();
  const Question& q = qn.questions[question];
  const Question& b = qn.questions[by.by];
  const std::vector<int16_t>& groups = by.groups;
  NumberBreakdown nb;
  nb.question_id = q.id;
  nb.number = q.number;
  nb.title = q.title.empty() ? q.text : q.title;
  nb.unit = q.unit;
  nb.by_id = b.id;
  nb.by_title = b.title.empty() ? b.text : b.title;
  size_t k = b.options.size();
  std::vector<std::vector<double>> values(k + 1), weights(k + 1);  // [0] = total
  const QuestionColumn& c = data.column(question);
  for (int64_t r = 0; r < data.size(); ++r) {
    if (c.states[r] != AnswerState::kAnswered) continue;
    double w = data.weights()[r];
    values[0].push_back(c.numbers[r]);
    weights[0].push_back(w);
    if (groups[r] >= 0) {
      values[groups[r] + 1].push_back(c.numbers[r]);
      weights[groups[r] + 1].push_back(w);
    }
  }
  nb.cells.push_back({0, "全体", SummarizeValues(std::move(values[0]), weights[0])});
  for (size_t i = 0; i < k; ++i) {
    nb.cells.push_back({b.options[i].code, b.options[i].label,
                        SummarizeValues(std::move(values[i + 1]), weights[i + 1])});
  }
  return nb;
}

}  // namespace chosa
