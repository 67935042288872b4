#include "cli/common.h"

#include <fmt/format.h>

#include <iostream>

#include "base/file.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa::cli {

void AddStoreOptions(CLI::App* command, StoreOptions* options) {
  command->add_option("--db", options->db_path, "データベース（SQLite ファイル）")
      ->envname("CHOSA_DB")
      ->capture_default_str();
  command
      ->add_option("--key", options->key_path,
                   "個人情報の暗号鍵ファイル（既定: <db>.key。初回に作成、権限 0600）")
      ->envname("CHOSA_KEY");
}

Result<std::unique_ptr<Storage>> OpenStore(const StoreOptions& options) {
  return OpenStorage(options.db_path);
}

Result<Questionnaire> LoadQuestionnaireArg(const std::string& name_or_path) {
  CHOSA_ASSIGN_OR_RETURN(std::string path, ResolveQuestionnairePath(name_or_path));
  return LoadQuestionnaire(path);
}

Result<const Questionnaire*> ResolveSurvey(Storage& storage, SurveyCatalog& catalog,
                                           const std::string& survey_id,
                                           const std::string& questionnaire) {
  if (!questionnaire.empty()) {
    CHOSA_ASSIGN_OR_RETURN(Questionnaire qn, LoadQuestionnaireArg(questionnaire));
    CHOSA_RETURN_IF_ERROR(RegisterQuestionnaire(storage, qn));
    return catalog.Get(qn.id, qn.version);
  }
  if (survey_id.empty()) {
    return Status::InvalidArgument(
        "--survey（登録済みの調査ID）か --questionnaire（調査票）を指定してください");
  }
  return catalog.Get(survey_id, 0);
}

Result<OpenedSurvey> OpenSurvey(const StoreOptions& store, const std::string& survey_id,
                                const std::string& questionnaire) {
  OpenedSurvey opened;
  CHOSA_ASSIGN_OR_RETURN(opened.storage, OpenStore(store));
  opened.catalog = std::make_unique<SurveyCatalog>(*opened.storage);
  CHOSA_ASSIGN_OR_RETURN(opened.questionnaire,
                         ResolveSurvey(*opened.storage, *opened.catalog, survey_id, questionnaire));
  return opened;
}

void PrintIssues(const std::vector<RowIssue>& issues, size_t limit) {
  size_t shown = 0, errors = 0, warnings = 0;
  for (const RowIssue& i : issues) (i.warning ? warnings : errors)++;
  for (bool want_warning : {false, true}) {
    for (const RowIssue& i : issues) {
      if (i.warning != want_warning) continue;
      if (shown < limit) std::cerr << i.ToString() << "\n";
      ++shown;
    }
  }
  if (shown > limit)
    std::cerr << fmt::format("…ほか {} 件（合計 エラー {} 件, 警告 {} 件）\n", shown - limit,
                             errors, warnings);
}

int Fail(const Status& status) {
  std::cerr << "chosa: " << status.message() << "\n";
  return status.code() == StatusCode::kInvalidArgument || status.code() == StatusCode::kNotFound ||
                 status.code() == StatusCode::kAlreadyExists
             ? 1
             : 2;
}

int WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::cout << text;
    return 0;
  }
  Status s = WriteFileAtomic(path, text);
  return s.ok() ? 0 : Fail(s);
}

}  // namespace chosa::cli
