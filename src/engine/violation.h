// A broken answer rule, reported by the answer engine: which question, a stable code
// ("required", "exclusive-conflict", ...) and a Japanese message for the respondent or operator.
#pragma once

#include <string>

namespace chosa {

struct Violation {
  int question = -1;  // index into Questionnaire::questions
  std::string question_id;
  std::string code;
  std::string message;
  bool warning = false;  // reported but does not reject the answers
};

}  // namespace chosa
