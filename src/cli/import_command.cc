// chosa import FILE: loads answers from CSV/.xlsx (wide layout) into the database.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.h"
#include "exchange/importer.h"

namespace chosa::cli {
namespace {

class ImportCommand final : public Command {
 public:
  explicit ImportCommand(CLI::App& app)
      : Command(app.add_subcommand(
            "import",
            "回答ファイル（CSV / .xlsx、1行1回答者・複数回答は選択肢ごとの 0/1 列）を取り込む")) {
    app_->add_option("file", file_, "回答ファイル（.csv または .xlsx）")->required();
    app_->add_option("-s,--survey", survey_, "登録済みの調査ID");
    app_->add_option("-q,--questionnaire", questionnaire_,
                     "調査票ファイルまたは組み込み調査票（未登録なら登録する）");
    app_->add_option("--id-column", options_.rows.id_column, "回答者ID の列名")
        ->capture_default_str();
    app_->add_option("--encoding", encoding_, "CSV の文字コード: auto, utf-8, cp932")
        ->capture_default_str();
    app_->add_option("--sheet", sheet_, ".xlsx のシート名（既定: 最初のシート）");
    app_->add_flag("--replace", options_.replace, "同じ回答者ID の回答を置き換える");
    app_->add_flag("--skip-invalid", options_.skip_invalid,
                   "エラーのない行だけ取り込み、エラーの行は --rejects のファイルに書き出す");
    app_->add_option("--rejects", options_.rejects_path, "取り込めなかった行と理由を書く CSV");
    app_->add_option("--max-errors", max_errors_, "表示するエラーの最大件数")
        ->capture_default_str();
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    if (options_.skip_invalid && options_.rejects_path.empty())
      options_.rejects_path = file_ + ".rejects.csv";
    Result<Encoding> encoding = ParseEncodingName(encoding_);
    if (!encoding.ok()) return Fail(encoding.status());
    Result<OpenedSurvey> survey = OpenSurvey(store_, survey_, questionnaire_);
    if (!survey.ok()) return Fail(survey.status());
    const Questionnaire* qn = survey->questionnaire;
    std::optional<Vault> vault;
    bool personal = std::any_of(qn->questions.begin(), qn->questions.end(),
                                [](const Question& q) { return q.personal; });
    if (personal) {
      Result<Vault> v = Vault::OpenOrCreate(store_.KeyPath());
      if (!v.ok()) return Fail(v.status());
      vault = std::move(*v);
    }
    Result<std::unique_ptr<TableSource>> source = OpenTableFile(file_, *encoding, sheet_);
    if (!source.ok()) return Fail(source.status());
    Result<ImportReport> report =
        ImportAnswers(*survey->storage, vault ? &*vault : nullptr, *qn, **source, options_);
    if (!report.ok()) return Fail(report.status());
    PrintIssues(report->issues, max_errors_);
    if (!report->committed) {
      std::cerr << fmt::format(
          "取り込みを中止しました: {}行中 {}行にエラーがあります。何も書き込んでいません。"
          "（エラーのない行だけ取り込むには --skip-invalid）\n",
          report->rows_read, report->rows_rejected);
      return 1;
    }
    std::cout << fmt::format(
        "{}: {}行を取り込みました（置き換え {}行, 除外 {}行）→ {}（{} 版{}）\n", file_,
        report->rows_imported, report->rows_replaced, report->rows_rejected, store_.db_path, qn->id,
        qn->version);
    if (report->rows_rejected > 0) {
      std::cout << fmt::format("除外した行と理由: {}\n", options_.rejects_path);
    }
    return 0;
  }

 private:
  std::string file_, survey_, questionnaire_, encoding_ = "auto", sheet_;
  size_t max_errors_ = 50;
  ImportOptions options_;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeImportCommand(CLI::App& app) {
  return std::make_unique<ImportCommand>(app);
}

}  // namespace chosa::cli
