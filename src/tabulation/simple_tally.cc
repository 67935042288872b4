#include "tabulation/simple_tally.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace chosa {
namespace {

std::string Scaled(int64_t value, int decimals) {
  if (decimals == 0) return std::to_string(value);
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return fmt::format("{}{}.{:0{}}", value < 0 ? "-" : "", std::llabs(value) / scale,
                     std::llabs(value) % scale, decimals);
}

using Counts = TallyCounts;

class Tallier {
 public:
  Tallier(const Dataset& data, const TallyOverrides& overrides)
      : data_(data), qn_(data.questionnaire()), overrides_(overrides) {}

  TallyReport Run() {
    TallyReport report;
    report.survey_id = qn_.id;
    report.survey_version = qn_.version;
    report.title = qn_.title;
    report.respondents = data_.size();
    report.total_weight = data_.TotalWeight();
    for (size_t i = 0; i < qn_.questions.size(); ++i) {
      const Question& q = qn_.questions[i];
      if (q.personal || !Selected(q.id)) continue;
      int qi = static_cast<int>(i);
      switch (q.type) {
        case QuestionType::kSingle:
        case QuestionType::kPrefecture:
          report.tables.push_back(Single(qi, -1));
          break;
        case QuestionType::kGrid:
          for (size_t k = 0; k < q.items.size(); ++k)
            report.tables.push_back(Single(qi, static_cast<int>(k)));
          break;
        case QuestionType::kMulti:
          report.tables.push_back(Multi(qi));
          break;
        case QuestionType::kNumber:
          report.tables.push_back(Number(qi));
          break;
        case QuestionType::kText:
        case QuestionType::kTextArea:
          report.tables.push_back(Text(qi));
          break;
      }
    }
    return report;
  }

 private:
  bool Selected(const std::string& id) const {
    const auto& only = overrides_.only;
    const auto& skip = overrides_.skip;
    if (!only.empty() && std::find(only.begin(), only.end(), id) == only.end()) return false;
    return std::find(skip.begin(), skip.end(), id) == skip.end();
  }

  TabulationSettings Settings(const Question& q) const {
    TabulationSettings s = EffectiveTabulation(qn_, q);
    if (overrides_.decimals) s.decimals = *overrides_.decimals;
    if (overrides_.bases) s.bases = *overrides_.bases;
    if (overrides_.percent_of) s.percent_of = *overrides_.percent_of;
    if (overrides_.order) s.order = *overrides_.order;
    return s;
  }

  double Weight(int64_t row) const { return data_.weights()[row]; }

  void CountStates(const QuestionColumn& c, Counts* k) const {
    for (int64_t r = 0; r < data_.size(); ++r) {
      double w = Weight(r);
      switch (c.states[r]) {
        case AnswerState::kAnswered:
          ++k->answered;
          k->answered_w += w;
          break;
        case AnswerState::kNoAnswer:
          ++k->no_answer;
          k->no_answer_w += w;
          break;
        case AnswerState::kNotApplicable:
          ++k->not_applicable;
          k->not_applicable_w += w;
          break;
      }
    }
  }

  Table Begin(const Question& q, const TabulationSettings& s, const Counts& k) const {
    Table t;
    t.question_id = q.id;
    t.number = q.number;
    t.title = q.title.empty() ? q.text : q.title;
    t.type = q.type;
    t.percent_of = q.type == QuestionType::kMulti ? s.percent_of : PercentOf::kCases;
    t.decimals = s.decimals;
    t.weighted = data_.weighted();
    t.answered = k.answered;
    t.no_answer = k.no_answer;
    t.not_applicable = k.not_applicable;
    t.answered_w = k.answered_w;
    t.no_answer_w = k.no_answer_w;
    t.not_applicable_w = k.not_applicable_w;
    t.mentions = k.mentions;
    t.mentions_w = k.mentions_w;
    for (TableBase b : s.bases) {
      TallyBase base;
      base.kind = b;
      switch (b) {
        case TableBase::kAll:
          base.n = data_.size();
          base.weighted = k.answered_w + k.no_answer_w + k.not_applicable_w;
          break;
        case TableBase::kApplicable:
          base.n = k.answered + k.no_answer;
          base.weighted = k.answered_w + k.no_answer_w;
          break;
        case TableBase::kAnswered:
          base.n = k.answered;
          base.weighted = k.answered_w;
          break;
      }
      t.bases.push_back(base);
    }
    return t;
  }

  static std::optional<double> Percent(double part, double whole) {
    if (whole <= 0) return std::nullopt;
    return 100.0 * part / whole;
  }

  // Appends option rows (ordered), then 無回答 and 非該当 rows where some base includes them.
  void AddRows(const Question& q, const TabulationSettings& s, const Counts& k, Table* t) const {
    std::vector<TableRow> options;
    for (size_t i = 0; i < q.options.size(); ++i) {
      TableRow row;
      row.kind = RowKind::kOption;
      row.code = q.options[i].code;
      row.label = q.options[i].label;
      row.other = q.options[i].other;
      row.n = k.n[i];
      row.weighted = k.w[i];
      for (const TallyBase& b : t->bases) {
        row.percents.push_back(t->percent_of == PercentOf::kMentions
                                   ? Percent(row.weighted, k.mentions_w)
                                   : Percent(row.weighted, b.weighted));
      }
      options.push_back(std::move(row));
    }
    if (s.order == RowOrder::kCountDescending) {
      std::stable_sort(options.begin(), options.end(), [](const TableRow& a, const TableRow& b) {
        if (a.other != b.other) return !a.other;  // その他 stays last
        return a.weighted > b.weighted;
      });
    }
    t->rows = std::move(options);
    AddStateRows(k, t);
  }

  // 無回答 (when any) and, when a base "all" is shown, 非該当 (when any). Each has a percent only
  // in the bases it belongs to, and none when percents are of mentions.
  void AddStateRows(const Counts& k, Table* t) const {
    bool mentions = t->percent_of == PercentOf::kMentions;
    auto add = [&](RowKind kind, const char* label, int64_t n, double w, auto in_base) {
      TableRow row{kind, 0, label, false, n, w, {}};
      for (const TallyBase& b : t->bases) {
        row.percents.push_back(in_base(b.kind) && !mentions ? Percent(w, b.weighted)
                                                            : std::nullopt);
      }
      t->rows.push_back(std::move(row));
    };
    if (k.no_answer > 0) {
      add(RowKind::kNoAnswer, "無回答", k.no_answer, k.no_answer_w,
          [](TableBase b) { return b != TableBase::kAnswered; });
    }
    bool any_all = std::any_of(t->bases.begin(), t->bases.end(),
                               [](const TallyBase& b) { return b.kind == TableBase::kAll; });
    if (k.not_applicable > 0 && any_all) {
      add(RowKind::kNotApplicable, "非該当", k.not_applicable, k.not_applicable_w,
          [](TableBase b) { return b == TableBase::kAll; });
    }
  }

  void CollectTexts(const QuestionColumn& c, Table* t) const {
    for (const auto& [row, text] : c.texts) t->texts.push_back(text);
  }

  Table Single(int qi, int item) {
    const Question& q = qn_.questions[qi];
    const QuestionColumn& c = data_.column(qi);
    TabulationSettings s = Settings(q);
    Counts k;
    k.n.assign(q.options.size(), 0);
    k.w.assign(q.options.size(), 0);
    size_t stride = item >= 0 ? q.items.size() : 1;
    size_t offset = item >= 0 ? static_cast<size_t>(item) : 0;
    for (int64_t r = 0; r < data_.size(); ++r) {
      double w = Weight(r);
      AnswerState state = c.states[r];
      int code = c.codes[static_cast<size_t>(r) * stride + offset];
      if (state == AnswerState::kAnswered && item >= 0 && code == 0) state = AnswerState::kNoAnswer;
      switch (state) {
        case AnswerState::kAnswered: {
          ++k.answered;
          k.answered_w += w;
          int idx = data_.OptionIndex(qi, code);
          if (idx >= 0) {
            ++k.n[idx];
            k.w[idx] += w;
          }
          break;
        }
        case AnswerState::kNoAnswer:
          ++k.no_answer;
          k.no_answer_w += w;
          break;
        case AnswerState::kNotApplicable:
          ++k.not_applicable;
          k.not_applicable_w += w;
          break;
      }
    }
    return FromCounts(qi, item, k);
  }

 public:
  // The table of a single answer (grid item), multi or number question from its counts.
  Table FromCounts(int qi, int item, const Counts& k) const {
    const Question& q = qn_.questions[qi];
    TabulationSettings s = Settings(q);
    Table t = Begin(q, s, k);
    if (item >= 0) {
      t.question_id = q.id + "_" + q.items[item].id;
      t.title += "：" + q.items[item].label;
      t.item_label = q.items[item].label;
    } else {
      CollectTexts(data_.column(qi), &t);
    }
    AddRows(q, s, k, &t);
    return t;
  }

 private:
  Table Multi(int qi) {
    const Question& q = qn_.questions[qi];
    const QuestionColumn& c = data_.column(qi);
    TabulationSettings s = Settings(q);
    Counts k;
    CountStates(c, &k);
    size_t nopt = q.options.size();
    k.n.assign(nopt, 0);
    k.w.assign(nopt, 0);
    int words = c.words;
    for (int64_t r = 0; r < data_.size(); ++r) {
      if (c.states[r] != AnswerState::kAnswered) continue;
      double w = Weight(r);
      const uint64_t* bits = &c.bits[static_cast<size_t>(r) * words];
      for (int word = 0; word < words; ++word) {
        for (uint64_t b = bits[word]; b != 0; b &= b - 1) {
          int idx = word * 64 + __builtin_ctzll(b);
          ++k.n[idx];
          k.w[idx] += w;
        }
      }
    }
    for (size_t i = 0; i < nopt; ++i) {
      k.mentions += k.n[i];
      k.mentions_w += k.w[i];
    }
    return FromCounts(qi, -1, k);
  }

  Table Number(int qi) {
    const Question& q = qn_.questions[qi];
    const QuestionColumn& c = data_.column(qi);
    TabulationSettings s = Settings(q);
    Counts k;
    CountStates(c, &k);
    Table t = Begin(q, s, k);
    std::vector<double> values, weights;
    values.reserve(static_cast<size_t>(k.answered));
    weights.reserve(static_cast<size_t>(k.answered));
    for (int64_t r = 0; r < data_.size(); ++r) {
      if (c.states[r] != AnswerState::kAnswered) continue;
      values.push_back(c.numbers[r]);
      weights.push_back(Weight(r));
    }
    NumberSummary sm = SummarizeValues(std::move(values), weights);
    t.summary = sm;
    AddStateRows(k, &t);
    return t;
  }

  Table Text(int qi) {
    const Question& q = qn_.questions[qi];
    const QuestionColumn& c = data_.column(qi);
    TabulationSettings s = Settings(q);
    Counts k;
    CountStates(c, &k);
    Table t = Begin(q, s, k);
    TableRow answered{RowKind::kOption, 0, "記入あり", false, k.answered, k.answered_w, {}};
    for (const TallyBase& b : t.bases)
      answered.percents.push_back(Percent(answered.weighted, b.weighted));
    t.rows.push_back(std::move(answered));
    AddStateRows(k, &t);
    CollectTexts(c, &t);
    return t;
  }

  const Dataset& data_;
  const Questionnaire& qn_;
  const TallyOverrides& overrides_;
};

}  // namespace

TallyReport SimpleTally(const Dataset& data, const TallyOverrides& overrides) {
  return Tallier(data, overrides).Run();
}

Table TallyTable(const Dataset& data, int question, int item, const TallyCounts& counts,
                 const TallyOverrides& overrides) {
  return Tallier(data, overrides).FromCounts(question, item, counts);
}

NumberSummary SummarizeValues(std::vector<double> values, const std::vector<double>& weights) {
  NumberSummary sm;
  sm.n = static_cast<int64_t>(values.size());
  if (values.empty()) return sm;
  double sum = 0, wsum = 0, wtotal = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    sum += values[i];
    wsum += values[i] * weights[i];
    wtotal += weights[i];
  }
  sm.mean = sum / static_cast<double>(values.size());
  sm.weighted_mean = wtotal > 0 ? wsum / wtotal : 0;
  double ss = 0;
  for (double x : values) ss += (x - sm.mean) * (x - sm.mean);
  sm.sd = values.size() > 1 ? std::sqrt(ss / static_cast<double>(values.size() - 1)) : 0;
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  sm.min = *lo;
  sm.max = *hi;
  size_t m = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + m, values.end());
  sm.median = values[m];
  if (values.size() % 2 == 0) {  // the mean of the two middle values
    sm.median = (*std::max_element(values.begin(), values.begin() + m) + values[m]) / 2;
  }
  return sm;
}

std::string FormatPercent(int64_t count, int64_t base, int decimals) {
  if (base <= 0) return "-";
  int64_t scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // Half up on the exact fraction count*scale/base (counts up to 1e12 fit in 64 bits).
  int64_t product = count * scale;
  int64_t rounded = product / base + ((product % base) * 2 >= base ? 1 : 0);
  return Scaled(rounded, decimals);
}

std::string FormatPercent(double percent, int decimals) {
  double scale = std::pow(10.0, decimals);
  // A tiny relative nudge keeps values like 12.5 (stored as 12.4999999...) rounding up.
  double scaled = percent * scale;
  int64_t rounded = static_cast<int64_t>(std::floor(scaled + 0.5 + std::fabs(scaled) * 1e-12));
  return Scaled(rounded, decimals);
}

}  // namespace chosa
