#include "storage/survey_catalog.h"

#include <fmt/format.h>

#include "questionnaire/loader.h"
#include "storage/answer_codec.h"

namespace chosa {

Status RegisterQuestionnaire(Storage& storage, const Questionnaire& qn) {
  return storage.PutSurvey(SurveyVersion{qn.id, qn.version, qn.title, qn.source_text, ""});
}

Result<const Questionnaire*> SurveyCatalog::Get(const std::string& survey_id, int version) {
  if (version != 0) {
    auto it = cache_.find({survey_id, version});
    if (it != cache_.end()) return it->second.get();
  }
  CHOSA_ASSIGN_OR_RETURN(SurveyVersion stored, storage_.GetSurvey(survey_id, version));
  auto key = std::make_pair(stored.survey_id, stored.version);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second.get();
  Result<Questionnaire> qn = ParseQuestionnaire(
      stored.definition, fmt::format("（登録済み {} 版{}）", stored.survey_id, stored.version));
  if (!qn.ok()) return Status::Corruption(qn.status().message());
  auto owned = std::make_unique<Questionnaire>(std::move(qn).value());
  const Questionnaire* ptr = owned.get();
  cache_.emplace(key, std::move(owned));
  return ptr;
}

Status SurveyCatalog::Decode(const ResponseRecord& record, const Questionnaire& target,
                             Answers* answers) {
  if (record.survey_version == target.version) {
    return DecodeAnswers(target, record.answers, AnswerPart::kSurvey, answers);
  }
  CHOSA_ASSIGN_OR_RETURN(const Questionnaire* source, Get(record.survey_id, record.survey_version));
  CHOSA_RETURN_IF_ERROR(DecodeAnswers(*source, record.answers, AnswerPart::kSurvey, &scratch_));
  answers->resize(target.questions.size());
  for (size_t i = 0; i < target.questions.size(); ++i) {
    const Question& q = target.questions[i];
    Answer& a = (*answers)[i];
    a = Answer{};
    int from = source->FindQuestion(q.id);
    if (from < 0 || source->questions[from].personal != q.personal) {
      a.state = AnswerState::kNotApplicable;
    } else if (source->questions[from].type == q.type) {
      a = scratch_[from];
    }
  }
  return Status::Ok();
}

}  // namespace chosa
