#include "analysis/cross_table.h"

#include "tabulation/simple_tally.h"

namespace chosa {
namespace {

CrossRow EmptyRow(int code, std::string label, size_t options) {
  CrossRow row;
  row.code = code;
  row.label = std::move(label);
  row.n.assign(options, 0);
  row.weighted.assign(options, 0);
  return row;
}

// Fills the marks and small-base flags once the counts are in.
void Finish(const AnalysisSettings& settings, CrossTable* t) {
  t->total.small = t->total.base < settings.small_base;
  for (CrossRow& g : t->groups) {
    g.small = g.base < settings.small_base;
    g.marks.assign(t->codes.size(), CellMark::kNone);
    for (size_t i = 0; i < t->codes.size(); ++i) {
      g.marks[i] = MarkFor(
          SubgroupVsTotal(static_cast<double>(g.n[i]), static_cast<double>(g.base),
                          static_cast<double>(t->total.n[i]), static_cast<double>(t->total.base)),
          settings.loose_level, settings.strict_level);
    }
  }
}

}  // namespace

std::optional<double> CrossRow::Percent(size_t i) const {
  if (base_weighted <= 0) return std::nullopt;
  return 100.0 * weighted[i] / base_weighted;
}

std::vector<int16_t> GroupsOf(const Dataset& data, int by) {
  const QuestionColumn& c = data.column(by);
  std::vector<int16_t> groups(static_cast<size_t>(data.size()), -1);
  for (int64_t r = 0; r < data.size(); ++r) {
    if (c.states[r] == AnswerState::kAnswered)
      groups[r] = static_cast<int16_t>(data.OptionIndex(by, c.codes[r]));
  }
  return groups;
}

CrossTable CrossTabulate(const Dataset& data, int question, int item, int by,
                         const std::vector<int16_t>& groups, const AnalysisSettings& settings,
                         bool chi_square) {
  const Questionnaire& qn = data.questionnaire();
  const Question& q = qn.questions[question];
  const Question& b = qn.questions[by];
  CrossTable t;
  t.question_id = item >= 0 ? q.id + "_" + q.items[item].id : q.id;
  t.number = q.number;
  t.title = q.title.empty() ? q.text : q.title;
  if (item >= 0) t.title += "：" + q.items[item].label;
  t.type = q.type;
  t.by_id = b.id;
  t.by_title = b.title.empty() ? b.text : b.title;
  t.weighted = data.weighted();
  size_t k = q.options.size();
  for (const Option& o : q.options) {
    t.codes.push_back(o.code);
    t.labels.push_back(o.label);
  }
  t.total = EmptyRow(0, "全体", k);
  for (const Option& o : b.options) t.groups.push_back(EmptyRow(o.code, o.label, k));

  const QuestionColumn& c = data.column(question);
  const std::vector<double>& weights = data.weights();
  auto count = [&](CrossRow* row, double w, auto&& each_option) {
    ++row->base;
    row->base_weighted += w;
    each_option([&](int idx) {
      ++row->n[idx];
      row->weighted[idx] += w;
    });
  };
  for (int64_t r = 0; r < data.size(); ++r) {
    if (c.states[r] != AnswerState::kAnswered) continue;
    double w = weights[r];
    int16_t g = groups[r];
    if (q.type == QuestionType::kMulti) {
      const uint64_t* bits = &c.bits[static_cast<size_t>(r) * c.words];
      auto each = [&](auto&& add) {
        for (int word = 0; word < c.words; ++word)
          for (uint64_t x = bits[word]; x != 0; x &= x - 1) add(word * 64 + __builtin_ctzll(x));
      };
      count(&t.total, w, each);
      if (g >= 0) count(&t.groups[g], w, each);
    } else {
      size_t stride = item >= 0 ? q.items.size() : 1;
      int code = c.codes[static_cast<size_t>(r) * stride + (item >= 0 ? item : 0)];
      if (item >= 0 && code == 0) continue;  // this grid item unanswered
      int idx = data.OptionIndex(question, code);
      auto each = [&](auto&& add) {
        if (idx >= 0) add(idx);
      };
      count(&t.total, w, each);
      if (g >= 0) count(&t.groups[g], w, each);
    }
  }
  Finish(settings, &t);
  if (chi_square && q.type != QuestionType::kMulti) {
    std::vector<double> cells;
    for (const CrossRow& g : t.groups)
      for (int64_t n : g.n) cells.push_back(static_cast<double>(n));
    t.chi_square = PearsonChiSquare(cells, static_cast<int>(t.groups.size()), static_cast<int>(k));
  }
  return t;
}

NumberBreakdown SummarizeNumbers(const Dataset& data, int question, int by,
                                 const std::vector<int16_t>& groups) {
  const Questionnaire& qn = data.questionnaire();
  const Question& q = qn.questions[question];
  const Question& b = qn.questions[by];
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
