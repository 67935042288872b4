#include "exchange/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "base/encoding.h"
#include "base/file.h"
#include "exchange/csv_writer.h"
#include "storage/answer_codec.h"

namespace chosa {
namespace {

bool HasPersonalAnswer(const Questionnaire& qn, const Answers& answers) {
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    if (qn.questions[i].personal && answers[i].answered()) return true;
  }
  return false;
}

std::string JoinMessages(const std::vector<RowIssue>& issues, size_t from) {
  std::string out;
  for (size_t i = from; i < issues.size(); ++i) {
    if (issues[i].warning) continue;
    if (!out.empty()) out += " / ";
    if (!issues[i].column_name.empty()) out += issues[i].column_name + ": ";
    out += issues[i].message;
  }
  return out;
}

}  // namespace

int ImportReport::ErrorCount() const {
  return static_cast<int>(
      std::count_if(issues.begin(), issues.end(), [](const RowIssue& i) { return !i.warning; }));
}

std::string PersonalDataBinding(std::string_view survey_id, std::string_view respondent_key) {
  std::string ad = "chosa-personal-v1";
  ad.push_back('\0');
  ad.append(survey_id);
  ad.push_back('\0');
  ad.append(respondent_key);
  return ad;
}

Result<ImportReport> ImportAnswers(Storage& storage, const Vault* vault, const Questionnaire& qn,
                                   TableSource& source, const ImportOptions& options) {
  ImportReport report;
  CHOSA_ASSIGN_OR_RETURN(AnswerRowReader reader,
                         AnswerRowReader::Open(qn, source, options.rows, &report.issues));
  CHOSA_ASSIGN_OR_RETURN(std::unordered_set<std::string> stored, storage.RespondentKeys(qn.id));
  std::unordered_map<std::string, int> in_file;  // respondent id -> row where first seen
  CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, storage.Begin());

  std::string rejects;
  if (options.skip_invalid) {
    std::vector<std::string> header = reader.header();
    header.push_back("エラー内容");
    rejects.append(kUtf8Bom);
    AppendCsvRecord(&rejects, header);
  }

  bool any_error = false;
  AnswerRow row;
  ResponseRecord record;
  record.survey_id = qn.id;
  record.survey_version = qn.version;
  record.channel = options.channel;
  record.status = ResponseStatus::kComplete;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    ++report.rows_read;
    size_t first_issue = report.issues.size();
    if (!row.respondent_key.empty()) {
      auto [it, fresh] = in_file.emplace(row.respondent_key, row.row);
      if (!fresh) {
        row.issues.push_back(
            RowIssue{source.RowName(), row.row, -1, options.rows.id_column, "", "duplicate-id",
                     fmt::format("回答者ID \"{}\" がファイル内で重複しています（{}行目と同じ）",
                                 row.respondent_key, it->second)});
      } else if (stored.count(row.respondent_key) && !options.replace) {
        row.issues.push_back(
            RowIssue{source.RowName(), row.row, -1, options.rows.id_column, "", "already-imported",
                     fmt::format("回答者ID \"{}\" は既に取り込まれています（置き換えるには "
                                 "--replace）",
                                 row.respondent_key)});
      }
    }
    bool personal = HasPersonalAnswer(qn, row.evaluation.answers);
    if (personal && vault == nullptr) {
      row.issues.push_back(RowIssue{source.RowName(), row.row, -1, "", "", "no-key",
                                    "個人情報を暗号化する鍵がありません"});
    }
    report.issues.insert(report.issues.end(), row.issues.begin(), row.issues.end());
    if (!row.ok()) {
      any_error = true;
      ++report.rows_rejected;
      if (options.skip_invalid) {
        std::vector<std::string> fields(row.cells.begin(), row.cells.end());
        for (std::string& f : fields) f = GuardFormula(f);
        fields.resize(reader.header().size());
        fields.push_back(JoinMessages(report.issues, first_issue));
        AppendCsvRecord(&rejects, fields);
      }
      continue;
    }
    if (any_error && !options.skip_invalid) continue;  // keep checking; nothing will be written
    record.respondent_key = row.respondent_key;
    record.answers = EncodeAnswers(qn, row.evaluation.answers, AnswerPart::kSurvey);
    record.personal.clear();
    record.key_id.clear();
    if (personal) {
      record.personal =
          vault->Seal(EncodeAnswers(qn, row.evaluation.answers, AnswerPart::kPersonal),
                      PersonalDataBinding(qn.id, row.respondent_key));
      record.key_id = vault->key_id();
    }
    bool replacing = stored.count(row.respondent_key) > 0;
    Result<int64_t> id =
        options.replace ? txn->UpsertResponse(record) : txn->InsertResponse(record);
    if (!id.ok()) return id.status();  // the transaction rolls back
    ++report.rows_imported;
    if (replacing) ++report.rows_replaced;
  }
  if (any_error && !options.skip_invalid) {
    report.rows_imported = 0;
    report.rows_replaced = 0;
    return report;  // txn is destroyed uncommitted: nothing was written
  }
  if (options.skip_invalid && !options.rejects_path.empty() && report.rows_rejected > 0) {
    CHOSA_RETURN_IF_ERROR(WriteFileAtomic(options.rejects_path, rejects));
  }
  CHOSA_RETURN_IF_ERROR(txn->Commit());
  report.committed = true;
  return report;
}

}  // namespace chosa
