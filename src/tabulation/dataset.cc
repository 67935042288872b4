#include "tabulation/dataset.h"

#include <cmath>
#include <numeric>

#include "storage/answer_codec.h"

namespace chosa {

// Appends a walked record to the dataset's columns (see WalkAnswers).
struct RecordSink {
  Dataset& data;
  int weight_question;
  double weight = std::nan("");

  void State(int q, AnswerState state) {
    const Question& question = data.qn_->questions[q];
    QuestionColumn& c = data.columns_[q];
    c.states.push_back(state);
    switch (question.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
        c.codes.push_back(0);
        break;
      case QuestionType::kGrid:
        c.codes.resize(c.codes.size() + question.items.size(), 0);
        break;
      case QuestionType::kMulti:
        c.bits.resize(c.bits.size() + static_cast<size_t>(c.words), 0);
        break;
      case QuestionType::kNumber:
        c.numbers.push_back(0);
        break;
      case QuestionType::kText:
      case QuestionType::kTextArea:
        break;
    }
  }
  void Code(int q, int code) {
    QuestionColumn& c = data.columns_[q];
    if (data.qn_->questions[q].type != QuestionType::kMulti) {
      c.codes.back() = static_cast<int16_t>(code);
      return;
    }
    int bit = data.OptionIndex(q, code);
    if (bit >= 0)
      c.bits[c.bits.size() - static_cast<size_t>(c.words) + bit / 64] |= uint64_t{1} << (bit % 64);
  }
  void Item(int q, int item, int code) {
    QuestionColumn& c = data.columns_[q];
    size_t items = data.qn_->questions[q].items.size();
    if (static_cast<size_t>(item) < items)
      c.codes[c.codes.size() - items + item] = static_cast<int16_t>(code);
  }
  void Number(int q, double value) {
    data.columns_[q].numbers.back() = value;
    if (q == weight_question) weight = value;
  }
  void Text(int q, std::string_view text) {
    data.columns_[q].texts.push_back({data.rows_, {0, std::string(text)}});
  }
  void Other(int q, int code, std::string_view text) {
    data.columns_[q].texts.push_back({data.rows_, {code, std::string(text)}});
  }
};

Dataset::Dataset(const Questionnaire& qn) : qn_(&qn), columns_(qn.questions.size()) {
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    if (q.type == QuestionType::kMulti)
      columns_[i].words = static_cast<int>((q.options.size() + 63) / 64);
  }
}

double Dataset::TotalWeight() const {
  return std::accumulate(weights_.begin(), weights_.end(), 0.0);
}

void Dataset::Reserve(int64_t rows) {
  size_t n = static_cast<size_t>(rows);
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Question& q = qn_->questions[i];
    if (q.personal) continue;
    QuestionColumn& c = columns_[i];
    c.states.reserve(n);
    if (q.type == QuestionType::kSingle || q.type == QuestionType::kPrefecture) c.codes.reserve(n);
    if (q.type == QuestionType::kGrid) c.codes.reserve(n * q.items.size());
    if (q.type == QuestionType::kMulti) c.bits.reserve(n * static_cast<size_t>(c.words));
    if (q.type == QuestionType::kNumber) c.numbers.reserve(n);
  }
  weights_.reserve(n);
}

void Dataset::Append(const Dataset& other) {
  auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  for (size_t i = 0; i < columns_.size(); ++i) {
    QuestionColumn& c = columns_[i];
    const QuestionColumn& o = other.columns_[i];
    append(c.states, o.states);
    append(c.codes, o.codes);
    append(c.bits, o.bits);
    append(c.numbers, o.numbers);
    for (const auto& [row, text] : o.texts) c.texts.push_back({rows_ + row, text});
  }
  append(weights_, other.weights_);
  weighted_ = weighted_ || other.weighted_;
  rows_ += other.rows_;
}

void Dataset::Extend(const Questionnaire& extended, std::vector<QuestionColumn> columns) {
  qn_ = &extended;
  for (QuestionColumn& c : columns) columns_.push_back(std::move(c));
}

void Dataset::SetWeights(std::vector<double> weights) {
  weights_ = std::move(weights);
  weighted_ = true;
}

void Dataset::Truncate(int64_t rows) {
  size_t n = static_cast<size_t>(rows);
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Question& q = qn_->questions[i];
    QuestionColumn& c = columns_[i];
    if (c.states.size() > n) c.states.resize(n);
    if (q.type == QuestionType::kGrid) {
      c.codes.resize(std::min(c.codes.size(), n * q.items.size()));
    } else if (c.codes.size() > n) {
      c.codes.resize(n);
    }
    c.bits.resize(std::min(c.bits.size(), n * static_cast<size_t>(c.words)));
    if (c.numbers.size() > n) c.numbers.resize(n);
    while (!c.texts.empty() && c.texts.back().first >= rows) c.texts.pop_back();
  }
}

Status Dataset::AddRecord(std::string_view record, int weight_question) {
  RecordSink sink{*this, weight_question};
  Status s = WalkAnswers(*qn_, record, AnswerPart::kSurvey, sink);
  if (s.ok() && weight_question >= 0 && std::isnan(sink.weight)) {
    s = Status::InvalidArgument("ウェイトが空です");
  }
  if (!s.ok()) {
    Truncate(rows_);
    return s;
  }
  double weight = weight_question >= 0 ? sink.weight : 1.0;
  if (weight != 1.0) weighted_ = true;
  weights_.push_back(weight);
  ++rows_;
  return Status::Ok();
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
