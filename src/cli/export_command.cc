// chosa export: writes stored answers (never personal data) in the import layout, plus a codebook.
#include <fmt/format.h>

#include <iostream>

#include "base/file.h"
#include "cli/common.h"
#include "exchange/exporter.h"
#include "report/spss_writer.h"
#include "tabulation/dataset_builder.h"

namespace chosa::cli {
namespace {

class ExportCommand final : public Command {
 public:
  explicit ExportCommand(CLI::App& app)
      : Command(app.add_subcommand(
            "export",
            "回答を CSV（取り込みと同じ形式）とコードブック、または .xlsx に書き出す。"
            "個人情報は含めない")) {
    app_->add_option("-s,--survey", survey_, "調査ID")->required();
    app_->add_option("-o,--output", output_,
                     "書き出すファイル（.xlsx なら回答とコードブックのシートを持つブック、"
                     ".sav なら SPSS ファイルと多重回答セットの .sps）")
        ->required();
    app_->add_option("--encoding", encoding_, "utf-8（BOM 付き、Excel で開ける）または cp932")
        ->capture_default_str();
    app_->add_option("--codebook", options_.codebook_path,
                     "コードブックの CSV（既定: <出力>.codebook.csv）");
    app_->add_flag("--include-incomplete", options_.include_incomplete, "回答途中のものも含める");
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    Result<Encoding> encoding = ParseEncodingName(encoding_);
    if (!encoding.ok()) return Fail(encoding.status());
    options_.encoding = *encoding == Encoding::kAuto ? Encoding::kUtf8 : *encoding;
    if (options_.codebook_path.empty() && !output_.ends_with(".xlsx")) {
      std::string base = output_;
      if (base.size() > 4 && (base.ends_with(".csv") || base.ends_with(".sav")))
        base.resize(base.size() - 4);
      options_.codebook_path = base + ".codebook.csv";
    }
    Result<OpenedSurvey> survey = OpenSurvey(store_, survey_, "");
    if (!survey.ok()) return Fail(survey.status());
    if (output_.ends_with(".sav")) return WriteSpss(*survey);
    Result<ExportReport> report = ExportAnswers(*survey->storage, *survey->catalog,
                                                *survey->questionnaire, output_, options_);
    if (!report.ok()) return Fail(report.status());
    if (output_.ends_with(".xlsx")) {
      std::cout << fmt::format("{}: {}行を書き出しました（シート: 回答、コードブック）\n", output_,
                               report->rows);
    } else {
      std::cout << fmt::format("{}: {}行を書き出しました（{}）。コードブック: {}\n", output_,
                               report->rows, EncodingName(options_.encoding),
                               options_.codebook_path);
    }
    return 0;
  }

 private:
  int WriteSpss(OpenedSurvey& survey) {
    Dataset data(*survey.questionnaire);
    DatasetOptions options;
    options.include_incomplete = options_.include_incomplete;
    Status s = LoadDatasetFromStorage(*survey.storage, *survey.catalog, options, &data);
    if (s.ok()) s = WriteSav(data, output_);
    if (s.ok()) s = WriteFileAtomic(options_.codebook_path, CodebookCsv(*survey.questionnaire));
    if (!s.ok()) return Fail(s);
    std::cout << fmt::format(
        "{}: {}行を書き出しました（SPSS, UTF-8）。構文: {}、コードブック: {}\n", output_,
        data.size(), output_.substr(0, output_.size() - 4) + ".sps", options_.codebook_path);
    return 0;
  }

  std::string survey_, output_, encoding_ = "utf-8";
  ExportOptions options_;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand(CLI::App& app) {
  return std::make_unique<ExportCommand>(app);
}

}  // namespace chosa::cli
