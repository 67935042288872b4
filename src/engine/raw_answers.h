// Answers as they arrive: text from a web form or the cells of a file row, before the engine
// normalises and checks them. Indexed like Questionnaire::questions. Values are views: whatever
// they point into must stay alive until EvaluateAnswers returns.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace chosa {

struct RawAnswer {
  // single, prefecture, number, text, textarea: at most one value (more is a violation).
  // multi: chosen codes as text. grid: one value per item in item order ("" = unanswered).
  std::vector<std::string_view> values;
  // multi: chosen codes already known as numbers (dichotomy columns); checked like `values`.
  std::vector<int> codes;
  // Texts typed for "other (specify)" options: (code, text).
  std::vector<std::pair<int, std::string_view>> other_texts;

  void Clear() {
    values.clear();
    codes.clear();
    other_texts.clear();
  }
};

using RawAnswers = std::vector<RawAnswer>;

}  // namespace chosa
