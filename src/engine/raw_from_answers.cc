#include "engine/raw_from_answers.h"

#include "engine/value_parser.h"

#include <fmt/format.h>

#include <cmath>

namespace chosa {

void RawFromAnswer(const Question& q, const Answer& a, std::deque<std::string>* strings,
                   RawAnswer* raw) {
  raw->Clear();
  if (!a.answered()) return;
  auto keep = [&](std::string s) -> std::string_view {
    return strings->emplace_back(std::move(s));
  };
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kPrefecture:
      if (!a.codes.empty()) raw->values.push_back(keep(std::to_string(a.codes[0])));
      break;
    case QuestionType::kMulti:
      raw->codes = a.codes;
      break;
    case QuestionType::kGrid:
      for (int code : a.codes)
        raw->values.push_back(code == 0 ? std::string_view() : keep(std::to_string(code)));
      break;
    case QuestionType::kNumber:
      raw->values.push_back(keep(FormatAnswerNumber(a.number)));
      break;
    case QuestionType::kText:
    case QuestionType::kTextArea:
      raw->values.push_back(a.text);
      break;
  }
  for (const auto& [code, text] : a.other_texts) raw->other_texts.emplace_back(code, text);
}

void RawFromAnswers(const Questionnaire& qn, const Answers& answers,
                    std::deque<std::string>* strings, RawAnswers* raw) {
  static const Answer kEmpty;
  raw->resize(qn.questions.size());
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    // Not `cond ? answers[i] : Answer{}`: that would copy, and text views would dangle.
    const Answer& a = i < answers.size() ? answers[i] : kEmpty;
    RawFromAnswer(qn.questions[i], a, strings, &(*raw)[i]);
  }
}

}  // namespace chosa
