// Turns typed answers back into raw input, so answers saved on earlier pages can be checked again
// together with a new page's form values by the same engine.
#pragma once

#include <deque>
#include <string>

#include "engine/raw_answers.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"

namespace chosa {

// Fills raw[i] from answers[i] for every question. Views point into `answers` or into `strings`
// (which grows; both must outlive `raw`). Not-applicable and unanswered questions are empty.
void RawFromAnswers(const Questionnaire& qn, const Answers& answers, std::deque<std::string>* strings,
                    RawAnswers* raw);

// The same for one question.
void RawFromAnswer(const Question& q, const Answer& answer, std::deque<std::string>* strings,
                   RawAnswer* raw);

}  // namespace chosa
