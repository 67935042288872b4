#include "cli/dataset_source.h"

#include <fmt/format.h>

#include <algorithm>

namespace chosa::cli {

void DatasetSource::AddOptions(CLI::App* app) {
  app->add_option("-s,--survey", survey_, "登録済みの調査ID（データベースの回答を集計）");
  app->add_option("-q,--questionnaire", questionnaire_, "調査票（--data と一緒に使う）");
  app->add_option("-d,--data", data_, "回答ファイル（.csv / .xlsx）を取り込まずに直接集計する");
  app->add_option("--weight", dataset_.weight_question, "ウェイトを表す数値質問のID");
  app->add_option("--id-column", rows_.id_column, "回答者ID の列名（--data のとき）")
      ->capture_default_str();
  app->add_option("--encoding", encoding_, "CSV の文字コード: auto, utf-8, cp932")
      ->capture_default_str();
  app->add_option("--sheet", sheet_, ".xlsx のシート名");
  app->add_flag("--skip-invalid", skip_invalid_, "エラーのある行を除いて集計する（--data のとき）");
  app->add_flag("--include-incomplete", dataset_.include_incomplete, "回答途中のものも含める");
  app->add_flag("--no-snapshot", no_snapshot_,
                "回答の列スナップショット（データベース.cache/）を使わず、記録から読み直す");
  AddStoreOptions(app, &store_);
}

Result<LoadedDataset> DatasetSource::Load() { return data_.empty() ? FromStorage() : FromFile(); }

Result<LoadedDataset> DatasetSource::FromStorage() {
  LoadedDataset loaded;
  CHOSA_ASSIGN_OR_RETURN(loaded.survey, OpenSurvey(store_, survey_, questionnaire_));
  loaded.data = std::make_unique<Dataset>(*loaded.survey.questionnaire);
  DatasetOptions options = dataset_;
  options.use_snapshot = !no_snapshot_;
  CHOSA_RETURN_IF_ERROR(LoadDatasetFromStorage(*loaded.survey.storage, *loaded.survey.catalog,
                                               options, loaded.data.get()));
  return loaded;
}

Result<LoadedDataset> DatasetSource::LoadSurvey(const std::string& survey_id) {
  LoadedDataset loaded;
  CHOSA_ASSIGN_OR_RETURN(loaded.survey, OpenSurvey(store_, survey_id, ""));
  loaded.data = std::make_unique<Dataset>(*loaded.survey.questionnaire);
  DatasetOptions options;
  options.include_incomplete = dataset_.include_incomplete;
  options.use_snapshot = !no_snapshot_;
  CHOSA_RETURN_IF_ERROR(LoadDatasetFromStorage(*loaded.survey.storage, *loaded.survey.catalog,
                                               options, loaded.data.get()));
  return loaded;
}

Result<LoadedDataset> DatasetSource::FromFile() {
  if (questionnaire_.empty())
    return Status::InvalidArgument("--data には --questionnaire で調査票を指定してください");
  LoadedDataset loaded;
  CHOSA_ASSIGN_OR_RETURN(Questionnaire qn, LoadQuestionnaireArg(questionnaire_));
  loaded.file_qn = std::make_unique<Questionnaire>(std::move(qn));
  CHOSA_ASSIGN_OR_RETURN(Encoding encoding, ParseEncodingName(encoding_));
  CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<TableSource> source,
                         OpenTableFile(data_, encoding, sheet_));
  loaded.data = std::make_unique<Dataset>(*loaded.file_qn);
  CHOSA_ASSIGN_OR_RETURN(std::vector<RowIssue> issues,
                         LoadDatasetFromTable(*source, rows_, dataset_, loaded.data.get()));
  size_t errors =
      std::count_if(issues.begin(), issues.end(), [](const RowIssue& i) { return !i.warning; });
  PrintIssues(issues, 50);
  if (errors > 0 && !skip_invalid_) {
    return Status::InvalidArgument(fmt::format(
        "{} にエラーが {} 件あります。集計しませんでした（エラーの行を除いて集計するには "
        "--skip-invalid）",
        data_, errors));
  }
  return loaded;
}

void TallyOptions::AddOptions(CLI::App* app) {
  app->add_option("--decimals", decimals_, "％の小数点以下の桁数（調査票の設定より優先）");
  app->add_option("--base", bases_, "％の母数: all, applicable, answered（複数可）")
      ->check(CLI::IsMember({"all", "applicable", "answered"}))
      ->delimiter(',');
  app->add_option("--percent-of", percent_of_,
                  "複数回答の％: cases（回答者）または mentions（回答数）")
      ->check(CLI::IsMember({"cases", "mentions"}));
  app->add_option("--order", order_, "選択肢の並び: questionnaire または count（件数の多い順）")
      ->check(CLI::IsMember({"questionnaire", "count"}));
  app->add_option("--only", only_, "集計する質問ID（カンマ区切り）")->delimiter(',');
  app->add_option("--skip", skip_, "集計しない質問ID（カンマ区切り）")->delimiter(',');
}

TallyOverrides TallyOptions::Overrides() const {
  TallyOverrides o;
  o.only = only_;
  o.skip = skip_;
  if (decimals_ >= 0) o.decimals = decimals_;
  if (!bases_.empty()) {
    std::vector<TableBase> bases;
    for (const std::string& b : bases_) {
      bases.push_back(b == "all"        ? TableBase::kAll
                      : b == "answered" ? TableBase::kAnswered
                                        : TableBase::kApplicable);
    }
    o.bases = bases;
  }
  if (!percent_of_.empty())
    o.percent_of = percent_of_ == "mentions" ? PercentOf::kMentions : PercentOf::kCases;
  if (!order_.empty())
    o.order = order_ == "count" ? RowOrder::kCountDescending : RowOrder::kQuestionnaire;
  return o;
}

}  // namespace chosa::cli
