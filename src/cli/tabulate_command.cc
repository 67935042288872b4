// chosa tabulate: simple tallies (単純集計) of a stored survey or straight from an answer file.
#include <fmt/format.h>

#include <iostream>

#include "base/file.h"
#include "cli/common.h"
#include "tabulation/dataset_builder.h"
#include "tabulation/output/csv_writer.h"
#include "tabulation/output/json_writer.h"
#include "tabulation/output/long_writer.h"
#include "tabulation/output/text_writer.h"
#include "tabulation/output/xlsx_writer.h"
#include "tabulation/simple_tally.h"

namespace chosa::cli {
namespace {

class TabulateCommand final : public Command {
 public:
  explicit TabulateCommand(CLI::App& app)
      : Command(app.add_subcommand("tabulate", "単純集計表を作る（端末表示, CSV, JSON, .xlsx）")) {
    app_->add_option("-s,--survey", survey_, "登録済みの調査ID（データベースの回答を集計）");
    app_->add_option("-q,--questionnaire", questionnaire_, "調査票（--data と一緒に使う）");
    app_->add_option("-d,--data", data_, "回答ファイル（.csv / .xlsx）を取り込まずに直接集計する");
    app_->add_option("-f,--format", format_, "text, csv, json, xlsx, long")
        ->check(CLI::IsMember({"text", "csv", "json", "xlsx", "long"}))
        ->capture_default_str();
    app_->add_option("-o,--output", output_, "出力ファイル（既定: 標準出力。xlsx では必須）");
    app_->add_option("--decimals", decimals_, "％の小数点以下の桁数（調査票の設定より優先）");
    app_->add_option("--base", bases_, "％の母数: all, applicable, answered（複数可）")
        ->check(CLI::IsMember({"all", "applicable", "answered"}))
        ->delimiter(',');
    app_->add_option("--percent-of", percent_of_,
                     "複数回答の％: cases（回答者）または mentions（回答数）")
        ->check(CLI::IsMember({"cases", "mentions"}));
    app_->add_option("--order", order_, "選択肢の並び: questionnaire または count（件数の多い順）")
        ->check(CLI::IsMember({"questionnaire", "count"}));
    app_->add_option("--weight", dataset_.weight_question, "ウェイトを表す数値質問のID");
    app_->add_option("--only", overrides_.only, "集計する質問ID（カンマ区切り）")->delimiter(',');
    app_->add_option("--skip", overrides_.skip, "集計しない質問ID（カンマ区切り）")->delimiter(',');
    app_->add_option("--id-column", rows_.id_column, "回答者ID の列名（--data のとき）")
        ->capture_default_str();
    app_->add_option("--encoding", encoding_, "CSV の文字コード: auto, utf-8, cp932")
        ->capture_default_str();
    app_->add_option("--sheet", sheet_, ".xlsx のシート名");
    app_->add_flag("--skip-invalid", skip_invalid_,
                   "エラーのある行を除いて集計する（--data のとき）");
    app_->add_flag("--include-incomplete", dataset_.include_incomplete, "回答途中のものも含める");
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    if (decimals_ >= 0) overrides_.decimals = decimals_;
    if (!bases_.empty()) {
      std::vector<TableBase> bases;
      for (const std::string& b : bases_) {
        bases.push_back(b == "all"        ? TableBase::kAll
                        : b == "answered" ? TableBase::kAnswered
                                          : TableBase::kApplicable);
      }
      overrides_.bases = bases;
    }
    if (!percent_of_.empty())
      overrides_.percent_of = percent_of_ == "mentions" ? PercentOf::kMentions : PercentOf::kCases;
    if (!order_.empty())
      overrides_.order = order_ == "count" ? RowOrder::kCountDescending : RowOrder::kQuestionnaire;
    if (format_ == "xlsx" && output_.empty())
      return Fail(Status::InvalidArgument("xlsx には -o で出力ファイルを指定してください"));

    Result<TallyReport> report = data_.empty() ? FromStorage() : FromFile();
    if (!report.ok()) return Fail(report.status());
    report->weight_variable = dataset_.weight_question;

    if (format_ == "xlsx") {
      Status s = WriteTallyXlsx(*report, output_);
      if (!s.ok()) return Fail(s);
      std::cerr << fmt::format("{}: {}表を書き出しました\n", output_, report->tables.size());
      return 0;
    }
    std::string text = format_ == "json"   ? RenderTallyJson(*report)
                       : format_ == "csv"  ? RenderTallyCsv(*report)
                       : format_ == "long" ? RenderTallyLong(*report)
                                           : RenderTallyText(*report);
    if (output_.empty()) {
      std::cout << text;
      return 0;
    }
    Status s = WriteFileAtomic(output_, text);
    return s.ok() ? 0 : Fail(s);
  }

 private:
  Result<TallyReport> FromStorage() {
    CHOSA_ASSIGN_OR_RETURN(OpenedSurvey survey, OpenSurvey(store_, survey_, questionnaire_));
    Dataset data(*survey.questionnaire);
    CHOSA_RETURN_IF_ERROR(
        LoadDatasetFromStorage(*survey.storage, *survey.catalog, dataset_, &data));
    return SimpleTally(data, overrides_);
  }

  Result<TallyReport> FromFile() {
    if (questionnaire_.empty())
      return Status::InvalidArgument("--data には --questionnaire で調査票を指定してください");
    CHOSA_ASSIGN_OR_RETURN(Questionnaire qn, LoadQuestionnaireArg(questionnaire_));
    CHOSA_ASSIGN_OR_RETURN(Encoding encoding, ParseEncodingName(encoding_));
    CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<TableSource> source,
                           OpenTableFile(data_, encoding, sheet_));
    Dataset data(qn);
    CHOSA_ASSIGN_OR_RETURN(std::vector<RowIssue> issues,
                           LoadDatasetFromTable(*source, rows_, dataset_, &data));
    size_t errors =
        std::count_if(issues.begin(), issues.end(), [](const RowIssue& i) { return !i.warning; });
    PrintIssues(issues, 50);
    if (errors > 0 && !skip_invalid_) {
      return Status::InvalidArgument(fmt::format(
          "{} にエラーが {} 件あります。集計しませんでした（エラーの行を除いて集計するには "
          "--skip-invalid）",
          data_, errors));
    }
    return SimpleTally(data, overrides_);
  }

  std::string survey_, questionnaire_, data_, format_ = "text", output_, percent_of_, order_;
  std::string encoding_ = "auto", sheet_;
  std::vector<std::string> bases_;
  int decimals_ = -1;
  bool skip_invalid_ = false;
  TallyOverrides overrides_;
  DatasetOptions dataset_;
  AnswerRowOptions rows_;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeTabulateCommand(CLI::App& app) {
  return std::make_unique<TabulateCommand>(app);
}

}  // namespace chosa::cli
