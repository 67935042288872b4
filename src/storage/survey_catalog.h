// SurveyCatalog: the questionnaires registered in storage, parsed once and cached, and the
// decoding of stored responses into the answers of a chosen version (questions are matched by
// id; a question the record's version did not have is 非該当). Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"
#include "storage/storage.h"

namespace chosa {

// Stores `qn` (its YAML source) as survey id/version. See Storage::PutSurvey.
Status RegisterQuestionnaire(Storage& storage, const Questionnaire& qn);

class SurveyCatalog {
 public:
  explicit SurveyCatalog(Storage& storage) : storage_(storage) {}

  // The questionnaire of a registered version (0 = latest). NotFound if not registered.
  Result<const Questionnaire*> Get(const std::string& survey_id, int version);

  // Decodes the non-personal answers of `record` indexed like `target`.
  Status Decode(const ResponseRecord& record, const Questionnaire& target, Answers* answers);

 private:
  Storage& storage_;
  std::map<std::pair<std::string, int>, std::unique_ptr<Questionnaire>> cache_;
  Answers scratch_;
};

}  // namespace chosa
