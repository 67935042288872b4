#include "tabulation/dataset_builder.h"

#include <fmt/format.h>

namespace chosa {
namespace {

Result<int> WeightIndex(const Questionnaire& qn, const std::string& id) {
  if (id.empty()) return -1;
  int index = qn.FindQuestion(id);
  if (index < 0) return Status::NotFound(fmt::format("ウェイトの質問 {} は調査票にありません", id));
  if (qn.questions[index].type != QuestionType::kNumber) {
    return Status::InvalidArgument(
        fmt::format("ウェイトの質問 {} は数値 (number) ではありません", id));
  }
  return index;
}

}  // namespace

Status LoadDatasetFromStorage(Storage& storage, SurveyCatalog& catalog,
                              const DatasetOptions& options, Dataset* data) {
  const Questionnaire& qn = data->questionnaire();
  CHOSA_ASSIGN_OR_RETURN(int weight, WeightIndex(qn, options.weight_question));
  ScanOptions scan;
  if (!options.include_incomplete) scan.status = ResponseStatus::kComplete;
  Result<int64_t> count = storage.CountResponses(qn.id, scan.status);
  if (count.ok()) data->Reserve(data->size() + *count);
  Answers answers;
  return storage.ScanResponses(qn.id, scan, [&](const ResponseRecord& r) -> Status {
    if (r.survey_version == qn.version) {  // the common case: straight into the columns
      Status added = data->AddRecord(r.answers, weight);
      if (added.code() == StatusCode::kInvalidArgument) {
        return Status::InvalidArgument(fmt::format("回答者 {} のウェイト ({}) が空です",
                                                   r.respondent_key, options.weight_question));
      }
      return added;
    }
    CHOSA_RETURN_IF_ERROR(catalog.Decode(r, qn, &answers));
    double w = 1.0;
    if (weight >= 0) {
      if (!answers[weight].answered()) {
        return Status::InvalidArgument(fmt::format("回答者 {} のウェイト ({}) が空です",
                                                   r.respondent_key, options.weight_question));
      }
      w = answers[weight].number;
    }
    data->Add(answers, w);
    return Status::Ok();
  });
}

Result<std::vector<RowIssue>> LoadDatasetFromTable(TableSource& source,
                                                   const AnswerRowOptions& rows,
                                                   const DatasetOptions& options, Dataset* data) {
  const Questionnaire& qn = data->questionnaire();
  CHOSA_ASSIGN_OR_RETURN(int weight, WeightIndex(qn, options.weight_question));
  std::vector<RowIssue> issues;
  CHOSA_ASSIGN_OR_RETURN(AnswerRowReader reader, AnswerRowReader::Open(qn, source, rows, &issues));
  AnswerRow row;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    issues.insert(issues.end(), row.issues.begin(), row.issues.end());
    if (!row.ok()) continue;
    double w = 1.0;
    if (weight >= 0) {
      const Answer& a = row.evaluation.answers[weight];
      if (!a.answered()) {
        issues.push_back(RowIssue{source.RowName(), row.row, -1, options.weight_question,
                                  options.weight_question, "missing-weight", "ウェイトが空です"});
        continue;
      }
      w = a.number;
    }
    data->Add(row.evaluation.answers, w);
  }
  return issues;
}

}  // namespace chosa
