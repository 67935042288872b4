#include "server/diagnosis_attempts.h"

#include <algorithm>

#include "server/tokens.h"

namespace chosa::web {

std::string NewResultCode() {
  std::string hex = RandomToken(12), code;
  for (size_t i = 0; i < 12; ++i) {
    int byte = std::stoi(hex.substr(2 * i, 2), nullptr, 16);
    code += kResultCodeAlphabet[static_cast<size_t>(byte) % kResultCodeAlphabet.size()];
  }
  return code;
}

std::string ShownResultCode(const std::string& code) {
  return code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8, 4);
}

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

Result<std::vector<ScoredAttempt>> CompletedAttempts(Storage& db, SurveyCatalog& catalog,
                                                     const Questionnaire& qn, const Diagnosis& d,
                                                     std::string_view code_hash) {
  CHOSA_ASSIGN_OR_RETURN(std::optional<ResultCodeRecord> code, db.FindResultCode(code_hash));
  std::vector<ScoredAttempt> attempts;
  if (!code) return attempts;
  CHOSA_ASSIGN_OR_RETURN(std::vector<std::string> keys, db.ResultCodeResponses(code_hash));
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
