// Answers as they arrive: strings from a web form or the cells of a file row, before the engine
// normalises and checks them. Indexed like Questionnaire::questions.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace chosa {

struct RawAnswer {
  // single, prefecture, number, text, textarea: at most one value (more is a violation).
  // multi: the chosen codes. grid: one value per item in item order ("" = unanswered).
  std::vector<std::string> values;
  // Texts typed for "other (specify)" options: (code, text).
  std::vector<std::pair<int, std::string>> other_texts;

  void Clear() {
    values.clear();
    other_texts.clear();
  }
};

using RawAnswers = std::vector<RawAnswer>;

}  // namespace chosa
