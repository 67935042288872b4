// The typed answers of one respondent, indexed like Questionnaire::questions. Produced by the
// answer engine (engine/) from raw input, stored by storage/, read by expressions and tallies.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chosa {

// What a question's answer is: answered; no answer (無回答: asked but left empty); or not
// applicable (非該当: skipped by the questionnaire's logic).
enum class AnswerState : uint8_t { kNoAnswer = 0, kAnswered = 1, kNotApplicable = 2 };

struct Answer {
  AnswerState state = AnswerState::kNoAnswer;
  // single/prefecture: one code. multi: chosen codes, ascending. grid: one code per item in item
  // order, 0 where the item is unanswered.
  std::vector<int> codes;
  // Texts of chosen "other (specify)" options: (code, text), ascending by code.
  std::vector<std::pair<int, std::string>> other_texts;
  double number = 0;  // number questions
  std::string text;   // text and textarea questions

  bool answered() const { return state == AnswerState::kAnswered; }
  bool Has(int code) const;  // multi/single: is `code` among the chosen codes
  const std::string* OtherText(int code) const;
  friend bool operator==(const Answer&, const Answer&) = default;
};

using Answers = std::vector<Answer>;

}  // namespace chosa
