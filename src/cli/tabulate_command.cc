// chosa tabulate: simple tallies (単純集計) of a stored survey or straight from an answer file.
#include <fmt/format.h>

#include <iostream>

#include "base/file.h"
#include "cli/dataset_source.h"
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
    source_.AddOptions(app_);
    app_->add_option("-f,--format", format_, "text, csv, json, xlsx, long")
        ->check(CLI::IsMember({"text", "csv", "json", "xlsx", "long"}))
        ->capture_default_str();
    app_->add_option("-o,--output", output_, "出力ファイル（既定: 標準出力。xlsx では必須）");
    tally_.AddOptions(app_);
  }

  int Run() override {
    if (format_ == "xlsx" && output_.empty())
      return Fail(Status::InvalidArgument("xlsx には -o で出力ファイルを指定してください"));

    Result<LoadedDataset> loaded = source_.Load();
    if (!loaded.ok()) return Fail(loaded.status());
    TallyReport report = SimpleTally(*loaded->data, tally_.Overrides());
    report.weight_variable = source_.weight_question();

    if (format_ == "xlsx") {
      Status s = WriteTallyXlsx(report, output_);
      if (!s.ok()) return Fail(s);
      std::cerr << fmt::format("{}: {}表を書き出しました\n", output_, report.tables.size());
      return 0;
    }
    std::string text = format_ == "json"   ? RenderTallyJson(report)
                       : format_ == "csv"  ? RenderTallyCsv(report)
                       : format_ == "long" ? RenderTallyLong(report)
                                           : RenderTallyText(report);
    return WriteOutput(output_, text);
  }

 private:
  std::string format_ = "text", output_;
  DatasetSource source_;
  TallyOptions tally_;
};

}  // namespace

std::unique_ptr<Command> MakeTabulateCommand(CLI::App& app) {
  return std::make_unique<TabulateCommand>(app);
}

}  // namespace chosa::cli
