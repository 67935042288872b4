#include "tabulation/dataset.h"

#include <numeric>

namespace chosa {

Dataset::Dataset(const Questionnaire& qn) : qn_(&qn), columns_(qn.questions.size()) {
  option_index_.resize(qn.questions.size());
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    int max_code = 0;
    for (const Option& o : q.options) max_code = std::max(max_code, o.code);
    option_index_[i].assign(static_cast<size_t>(max_code) + 1, -1);
    for (size_t k = 0; k < q.options.size(); ++k) option_index_[i][q.options[k].code] = static_cast<int>(k);
    if (q.type == QuestionType::kMulti) columns_[i].words = static_cast<int>((q.options.size() + 63) / 64);
  }
}

int Dataset::OptionIndex(int question, int code) const {
  const std::vector<int>& index = option_index_[question];
  return code >= 0 && static_cast<size_t>(code) < index.size() ? index[code] : -1;
}

double Dataset::TotalWeight() const {
  return std::accumulate(weights_.begin(), weights_.end(), 0.0);
}

void Dataset::Add(const Answers& answers, double weight) {
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Question& q = qn_->questions[i];
    if (q.personal) continue;
    const Answer& a = answers[i];
    QuestionColumn& c = columns_[i];
    c.states.push_back(a.state);
    bool answered = a.answered();
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
        c.codes.push_back(static_cast<int16_t>(answered && !a.codes.empty() ? a.codes[0] : 0));
        break;
      case QuestionType::kGrid:
        for (size_t k = 0; k < q.items.size(); ++k) {
          c.codes.push_back(static_cast<int16_t>(answered && k < a.codes.size() ? a.codes[k] : 0));
        }
        break;
      case QuestionType::kMulti: {
        size_t base = c.bits.size();
        c.bits.resize(base + static_cast<size_t>(c.words), 0);
        if (answered) {
          for (int code : a.codes) {
            int bit = OptionIndex(static_cast<int>(i), code);
            if (bit >= 0) c.bits[base + bit / 64] |= uint64_t{1} << (bit % 64);
          }
        }
        break;
      }
      case QuestionType::kNumber:
        c.numbers.push_back(answered ? a.number : 0);
        break;
      case QuestionType::kText:
      case QuestionType::kTextArea:
        if (answered) c.texts.push_back({rows_, {0, a.text}});
        break;
    }
    if (answered) {
      for (const auto& [code, text] : a.other_texts) c.texts.push_back({rows_, {code, text}});
    }
  }
  if (weight != 1.0) weighted_ = true;
  weights_.push_back(weight);
  ++rows_;
}

}  // namespace chosa
