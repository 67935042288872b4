// Semantic checks of a questionnaire after it was read: unique ids, codes and column names,
// option rules per question type, ranges, and skip-logic expressions that parse and refer only
// to earlier, non-personal questions with codes that exist. Compiles each `when` expression.
#pragma once

#include <vector>

#include "questionnaire/questionnaire.h"
#include "questionnaire/source_location.h"

namespace chosa {

// Appends what is wrong to `diagnostics`; fills Question::when for expressions that compile.
void CheckQuestionnaire(Questionnaire* qn, std::vector<Diagnostic>* diagnostics);

}  // namespace chosa
