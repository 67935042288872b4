#include "server/diagnosis_attempts.h"

#include <algorithm>

#include "storage/survey_catalog.h"

namespace chosa::web {

std::optional<int> SingleCode(const Questionnaire& qn, const Answers& answers,
                              const std::string& id) {
  int q = qn.FindQuestion(id);
  if (q < 0 || !answers[q].answered() || answers[q].codes.empty()) return std::nullopt;
  return answers[q].codes[0];
}

std::map<std::string, int> DiagnosisAnswers(const Diagnosis& d, const Questionnaire& qn,
                                            const Answers& answers) {
  std::map<std::string, int> codes;
  for (const DiagnosisPart& p : d.parts)
    for (const DiagnosisItem& item : p.items)
      if (std::optional<int> c = SingleCode(qn, answers, item.id)) codes[item.id] = *c;
  return codes;
}

Result<std::vector<ScoredAttempt>> CompletedAttempts(Storage& db, const Questionnaire& qn,
                                                     const Diagnosis& d,
                                                     std::string_view code_hash) {
  CHOSA_ASSIGN_OR_RETURN(std::optional<ResultCodeRecord> code, db.FindResultCode(code_hash));
  std::vector<ScoredAttempt> attempts;
  if (!code) return attempts;
  CHOSA_ASSIGN_OR_RETURN(std::vector<std::string> keys, db.ResultCodeResponses(code_hash));
  SurveyCatalog catalog(db);
  for (const std::string& key : keys) {
    CHOSA_ASSIGN_OR_RETURN(std::optional<ResponseRecord> r,
                           db.GetResponse(code->survey_id, key, false));
    if (!r || r->status != ResponseStatus::kComplete) continue;
    ScoredAttempt a;
    if (!catalog.Decode(*r, qn, &a.answers).ok()) continue;  // a version it cannot read
    a.at = r->updated_at;
    a.respondent_key = key;
    a.result = ScoreDiagnosis(d, DiagnosisAnswers(d, qn, a.answers));
    attempts.push_back(std::move(a));
  }
  std::stable_sort(attempts.begin(), attempts.end(),
                   [](const ScoredAttempt& a, const ScoredAttempt& b) { return a.at < b.at; });
  return attempts;
}

}  // namespace chosa::web
