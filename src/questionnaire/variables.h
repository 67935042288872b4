// The wide "multiple dichotomy" data layout (docs/data-layout.md): which columns a questionnaire's
// answers occupy in CSV/XLSX files and exports. SA, prefecture and number questions take one
// column named after the question; an MA question one 0/1 column per option, `<id>_<code>`;
// an "other" option's text `<id>_<code>_text`; a grid one column per item, `<id>_<item>`.
#pragma once

#include <string>
#include <vector>

#include "questionnaire/questionnaire.h"

namespace chosa {

enum class VariableKind {
  kCode,       // single, prefecture: the option code
  kDichotomy,  // one option of a multi question: 1 chosen, 0 not chosen
  kItemCode,   // one grid item: the option code
  kOtherText,  // the text of an "other (specify)" option
  kNumber,
  kText,
};

struct Variable {
  std::string name;   // the column name
  int question = -1;  // index into Questionnaire::questions
  VariableKind kind = VariableKind::kCode;
  int code = 0;       // kDichotomy, kOtherText: the option's code
  int item = -1;      // kItemCode: index into Question::items
  std::string label;  // for codebooks
};

// Every column in file order (question order; within a question: value columns, then texts).
// Personal questions are included only when `include_personal` is true.
std::vector<Variable> LayoutVariables(const Questionnaire& qn, bool include_personal);

}  // namespace chosa
