// Builds the template data of an answering page: the section's questions with their current
// values, error messages next to them, and which questions depend on answers on the same page.
#pragma once

#include <map>
#include <string>

#include "engine/raw_answers.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"
#include "server/templates.h"

namespace chosa::web {

struct PageInput {
  const Questionnaire* qn = nullptr;
  int section = 0;                    // index into qn->sections
  const Answers* answers = nullptr;   // typed answers so far (decide what applies)
  const RawAnswers* shown = nullptr;  // the values to show in the inputs, per question
  std::map<int, std::string> errors;  // question index -> Japanese message
};

// The view of one section page; `page`/`pages` drive the progress bar.
View SectionView(const PageInput& in, int page, int pages);

// True when question `q` is shown on its page: it applies, or its condition depends on another
// question of the same page (then the page explains the condition and, with JavaScript, hides it).
bool ShownOnPage(const Questionnaire& qn, int q, const Answers& answers);

// How an answer reads on the review page and the printable copy ("" when unanswered).
std::string AnswerText(const Question& q, const Answer& a);

}  // namespace chosa::web
