// The answer engine: the one place that decides whether a respondent's answers are valid and
// what state each question is in (answered, 無回答, 非該当). The web server and every importer
// call it, so each rule is written once.
//
// Rules: codes must exist; single answers take one value; "other (specify)" needs its text and a
// text needs its option; exclusive options stand alone; min/max choices; number syntax, decimals
// and range; text length and format (email, phone, postal code); required questions; skip logic
// (`when`) decides applicability in questionnaire order. Thread-safe (no shared state).
#pragma once

#include <vector>

#include "engine/raw_answers.h"
#include "engine/violation.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"

namespace chosa {

struct EngineOptions {
  // Incomplete answers (a required question left empty; "other" chosen without its text) are
  // errors (web) or warnings (file imports: a blank cell in a returned questionnaire is a 無回答,
  // not a reason to refuse the row). Default: error.
  bool incomplete_is_error = true;
  // An answer to a question that skip logic says does not apply: dropped silently (web, where
  // the page no longer shows it) or an error (files, where it reveals inconsistent data).
  bool drop_inapplicable = false;
};

struct Evaluation {
  Answers answers;                    // typed answers with their states
  std::vector<Violation> violations;  // in questionnaire order
  bool ok() const;                    // true when no violation is an error
};

// Parses, normalises and checks `raw` (indexed like qn.questions; missing entries = empty).
Evaluation EvaluateAnswers(const Questionnaire& qn, const RawAnswers& raw,
                           const EngineOptions& options = {});

// Same, reusing `out` (its buffers are kept between calls; for bulk imports).
void EvaluateAnswersInto(const Questionnaire& qn, const RawAnswers& raw,
                         const EngineOptions& options, Evaluation* out);

}  // namespace chosa
