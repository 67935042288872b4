// The diagnoses a company has answered, read back from storage: the complete responses linked to
// one result code, decoded and scored, oldest first. Used by the result page's history, by the
// vendor portfolio (trends per customer) and by the advice sheets.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diagnosis/scoring.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"
#include "storage/storage.h"
#include "storage/survey_catalog.h"

namespace chosa::web {

// The diagnosis items' answer codes in `answers` (item id -> code; unanswered items left out).
std::map<std::string, int> DiagnosisAnswers(const Diagnosis& d, const Questionnaire& qn,
                                            const Answers& answers);
// The answer code of single-answer question `id`; nullopt when absent or unanswered.
std::optional<int> SingleCode(const Questionnaire& qn, const Answers& answers,
                              const std::string& id);

// A new result code: 12 characters of an alphabet without look-alikes (0/O, 1/I/L), 60 bits,
// shown as XXXX-XXXX-XXXX (ShownResultCode). Only its hash is a key in storage.
inline constexpr std::string_view kResultCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
std::string NewResultCode();
std::string ShownResultCode(const std::string& code);

struct ScoredAttempt {
  std::string at;  // when it was submitted (ISO 8601 UTC)
  std::string respondent_key;
  Answers answers;
  DiagnosisResult result;  // points into `d` of CompletedAttempts
};

// The complete responses linked to `code_hash`, scored with `d` (asked by `qn`), oldest first.
// In-progress answers are left out. `d` and `qn` must outlive the result.
Result<std::vector<ScoredAttempt>> CompletedAttempts(Storage& db, SurveyCatalog& catalog,
                                                     const Questionnaire& qn, const Diagnosis& d,
                                                     std::string_view code_hash);

}  // namespace chosa::web
