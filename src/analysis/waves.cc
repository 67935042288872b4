#include "analysis/waves.h"

#include <cmath>

namespace chosa {
namespace {

// The single-answer column of `id` (a question or a grid item "<question>_<item>").
struct Located {
  int question = -1;
  int item = -1;
};

Located Locate(const Questionnaire& qn, const std::string& id) {
  int q = qn.FindQuestion(id);
  if (q >= 0) return {q, -1};
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& question = qn.questions[i];
    if (question.type != QuestionType::kGrid) continue;
    for (size_t item = 0; item < question.items.size(); ++item) {
      if (question.id + "_" + question.items[item].id == id)
        return {static_cast<int>(i), static_cast<int>(item)};
    }
  }
  return {};
}

// Per option code: weighted count among answering respondents; `base` their total weight and
// `n` their number.
std::optional<WaveFigures::Question> Count(const Dataset& data, const Located& at,
                                           bool count_no_answer, std::map<int, double>* weighted,
                                           double* base) {
  const Question& q = data.questionnaire().questions[at.question];
  const QuestionColumn& c = data.column(at.question);
  if (q.type == QuestionType::kText || q.type == QuestionType::kTextArea ||
      q.type == QuestionType::kNumber) {
    return std::nullopt;
  }
  WaveFigures::Question out;
  for (const Option& o : q.options) (*weighted)[o.code] = 0;
  if (count_no_answer) (*weighted)[kNoAnswerCode] = 0;
  size_t stride = at.item >= 0 ? q.items.size() : 1;
  for (int64_t r = 0; r < data.size(); ++r) {
    double w = data.weights()[r];
    bool answered = c.states[r] == AnswerState::kAnswered &&
                    (at.item < 0 || c.codes[static_cast<size_t>(r) * stride + at.item] != 0);
    if (!answered) {
      if (!count_no_answer || c.states[r] == AnswerState::kNotApplicable) continue;
      (*weighted)[kNoAnswerCode] += w;
    } else if (q.type == QuestionType::kMulti) {
      const uint64_t* bits = &c.bits[static_cast<size_t>(r) * c.words];
      for (size_t i = 0; i < q.options.size(); ++i)
        if (bits[i / 64] >> (i % 64) & 1) (*weighted)[q.options[i].code] += w;
    } else {
      (*weighted)[c.codes[static_cast<size_t>(r) * stride + (at.item >= 0 ? at.item : 0)]] += w;
    }
    ++out.n;
    *base += w;
  }
  return out;
}

}  // namespace

std::optional<ProportionTest> TwoProportions(double x1, double n1, double x2, double n2) {
  if (n1 <= 0 || n2 <= 0) return std::nullopt;
  double p = (x1 + x2) / (n1 + n2);
  if (p <= 0 || p >= 1) return std::nullopt;
  ProportionTest t;
  t.z = (x2 / n2 - x1 / n1) / std::sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  t.p = std::erfc(std::fabs(t.z) / std::sqrt(2.0));
  return t;
}

WaveFigures FiguresOf(const Dataset& data, const std::vector<std::string>& questions,
                      bool count_no_answer) {
  WaveFigures figures;
  for (const std::string& id : questions) {
    Located at = Locate(data.questionnaire(), id);
    if (at.question < 0) continue;
    std::map<int, double> weighted;
    double base = 0;
    std::optional<WaveFigures::Question> q = Count(data, at, count_no_answer, &weighted, &base);
    if (!q) continue;
    for (const auto& [code, w] : weighted)
      if (base > 0) q->percents[code] = 100.0 * w / base;
    figures.questions[id] = *q;
  }
  return figures;
}

std::optional<WaveComparison> CompareWaves(const Dataset& current, const std::string& question,
                                           const WaveFigures& previous,
                                           const std::string& previous_label, double loose_level,
                                           double strict_level, bool count_no_answer) {
  auto prev = previous.questions.find(question);
  Located at = Locate(current.questionnaire(), question);
  if (prev == previous.questions.end() || at.question < 0) return std::nullopt;
  WaveFigures now = FiguresOf(current, {question}, count_no_answer);
  if (now.questions.count(question) == 0) return std::nullopt;
  const WaveFigures::Question& cur = now.questions.at(question);
  const Question& q = current.questionnaire().questions[at.question];
  WaveComparison c;
  c.question_id = question;
  c.number = q.number;
  c.title = q.title.empty() ? q.text : q.title;
  if (at.item >= 0) c.title += "：" + q.items[at.item].label;
  c.type = q.type;
  c.previous_label = previous_label;
  c.previous_n = prev->second.n;
  c.current_n = cur.n;
  std::vector<std::pair<int, std::string>> rows;
  for (const Option& o : q.options) rows.emplace_back(o.code, o.label);
  if (count_no_answer) rows.emplace_back(kNoAnswerCode, "無回答");
  for (const auto& [code, label] : rows) {
    WaveRow row;
    row.code = code;
    row.label = label;
    auto p = prev->second.percents.find(code);
    if (p != prev->second.percents.end()) row.previous = p->second;
    auto n = cur.percents.find(code);
    if (n != cur.percents.end()) row.current = n->second;
    if (row.previous && row.current) {
      double n1 = static_cast<double>(c.previous_n), n2 = static_cast<double>(c.current_n);
      row.test = TwoProportions(*row.previous / 100 * n1, n1, *row.current / 100 * n2, n2);
      row.mark = MarkFor(row.test, loose_level, strict_level);
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

}  // namespace chosa
