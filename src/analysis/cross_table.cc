#include "analysis/cross_table.h"

#include "tabulation/simple_tally.h"

namespace chosa {
namespace {

// Counts of one question by one grouping: (levels + 1) x (options + 2) cells, the last row for
// respondents whose group is unknown; column `options` for codes that are not options, the last
// for no-answers (counted only with settings.base: applicable).
struct Cells {
  int rows = 0, cols = 0;
  std::vector<int64_t> n;
  std::vector<double> w;
  void Reset(int levels, int options) {
    rows = levels + 1;
    cols = options + 2;
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
  size_t k = static_cast<size_t>(c.cols - 2), at = static_cast<size_t>(row) * c.cols;
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

std::vector<CrossTable> CrossTabulate(const Dataset& data, int question, int item,
                                      const std::vector<const Grouping*>& by,
                                      const std::vector<bool>& chi_square,
                                      const AnalysisSettings& settings) {
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
  bool multi = q.type == QuestionType::kMulti;
  bool count_no_answer = settings.base_applicable;
  // Adds the no-answer column for respondent r when counted; false when r is outside the base.
  auto no_answer = [&](int64_t r, auto&& add) {
    if (!count_no_answer || c.states[r] == AnswerState::kNotApplicable) return false;
    add(k + 1);
    return true;
  };
  auto run = [&](auto&& each) {
    if (data.weighted() && multi) {
      Count<true, true>(data, by, each, &cells, &bases, &bases_w);
    } else if (data.weighted()) {
      Count<true, false>(data, by, each, &cells, &bases, &bases_w);
    } else if (multi) {
      Count<false, true>(data, by, each, &cells, &bases, &bases_w);
    } else {
      Count<false, false>(data, by, each, &cells, &bases, &bases_w);
    }
  };
  if (multi) {
    run([&](int64_t r, auto&& add) {
      if (c.states[r] != AnswerState::kAnswered) return no_answer(r, add);
      const uint64_t* bits = &c.bits[static_cast<size_t>(r) * c.words];
      for (int word = 0; word < c.words; ++word)
        for (uint64_t x = bits[word]; x != 0; x &= x - 1) add(word * 64 + __builtin_ctzll(x));
      return true;
    });
  } else {
    size_t stride = item >= 0 ? q.items.size() : 1;
    size_t offset = item >= 0 ? static_cast<size_t>(item) : 0;
    run([&](int64_t r, auto&& add) {
      if (c.states[r] != AnswerState::kAnswered) return no_answer(r, add);
      int code = c.codes[static_cast<size_t>(r) * stride + offset];
      if (item >= 0 && code == 0) return no_answer(r, add);  // this grid item unanswered
      int pos = q.OptionPosition(code);
      add(pos < 0 ? k : pos);
      return true;
    });
  }

  if (!multi) {  // a row's base: all its cells, codes that are no option included
    for (size_t b = 0; b < by.size(); ++b) {
      const Cells& cb = cells[b];
      for (int row = 0; row < cb.rows; ++row) {
        for (int col = 0; col < cb.cols; ++col) {
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
